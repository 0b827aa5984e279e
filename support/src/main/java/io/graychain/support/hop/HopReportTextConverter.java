package io.graychain.support.hop;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a hop report as one line that is exactly its version chain, for {@code Accept:
 * text/plain}: {@code appa:v2 > appb:v2}. A curl loop counts these with {@code sort | uniq -c}.
 * It is registered after the JSON converter, so JSON stays the default.
 */
public class HopReportTextConverter extends AbstractHttpMessageConverter<HopReport> {

	public HopReportTextConverter() {
		super(StandardCharsets.UTF_8, MediaType.TEXT_PLAIN);
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return HopReport.class.isAssignableFrom(clazz);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected HopReport readInternal(Class<? extends HopReport> clazz, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("a hop report is not read from text", input);
	}

	@Override
	protected void writeInternal(HopReport report, HttpOutputMessage output) throws java.io.IOException {
		output.getBody().write((report.chain() + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
