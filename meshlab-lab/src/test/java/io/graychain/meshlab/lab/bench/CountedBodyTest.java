package io.graychain.meshlab.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.Test;

class CountedBodyTest {

	@Test
	void handsTheBodyOverInChunksAndCountsOnlyWhatWasRead() {
		AtomicLong handedOver = new AtomicLong();
		byte[] body = new byte[CountedBody.CHUNK * 2 + 10];
		CountedBody content = new CountedBody(body, handedOver);
		assertThat(content.getLength()).isEqualTo(body.length);

		Content.Chunk first = content.read();
		assertThat(first.getByteBuffer().remaining()).isEqualTo(CountedBody.CHUNK);
		assertThat(first.isLast()).isFalse();
		assertThat(handedOver.get()).isEqualTo(CountedBody.CHUNK);

		content.read();
		Content.Chunk last = content.read();
		assertThat(last.getByteBuffer().remaining()).isEqualTo(10);
		assertThat(last.isLast()).isTrue();
		assertThat(handedOver.get()).isEqualTo(body.length);
		assertThat(content.read()).isSameAs(Content.Chunk.EOF);
		assertThat(handedOver.get()).isEqualTo(body.length);
	}

}
