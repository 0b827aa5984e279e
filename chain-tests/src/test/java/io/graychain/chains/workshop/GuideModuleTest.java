package io.graychain.chains.workshop;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The marking convention of docs/workshop/README.md, read from fixture modules. */
class GuideModuleTest {

	static Path fixture(String name) {
		try {
			return Path.of(GuideModuleTest.class.getResource("/workshop/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void readsRunnableAndClusterBlocksWithTheirChecksAndNothingElse() {
		GuideModule module = GuideModule.read(fixture("module.md"));

		assertThat(module.blocks()).extracting(GuideBlock::kind)
			.containsExactly(GuideBlock.Kind.RUN, GuideBlock.Kind.CLUSTER, GuideBlock.Kind.CLUSTER_SETUP);
		GuideBlock run = module.blocks().get(0);
		assertThat(run.kind()).isEqualTo(GuideBlock.Kind.RUN);
		assertThat(run.line()).isEqualTo(11);
		assertThat(run.where()).isEqualTo("workshop/module.md:11");
		assertThat(run.code()).isEqualTo("scripts/curl-loop --host product.graychain.local --path /product --count 200\n");
		assertThat(run.expect()).containsExactly("product:v1 +\\d+", "product:v2 +\\d+");
		assertThat(run.expectNot()).containsExactly("CROSSED");
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.timeout()).isEqualTo(Duration.ofSeconds(300));

		GuideBlock cluster = module.blocks().get(1);
		assertThat(cluster.kind()).isEqualTo(GuideBlock.Kind.CLUSTER);
		assertThat(cluster.code()).isEqualTo("scripts/scenario apply appa-delegate-10-90\nscripts/verify --cluster appa-delegate-10-90\n");
		assertThat(cluster.expect()).containsExactly("^PASS");
		assertThat(cluster.exit()).isZero();
		assertThat(cluster.timeout()).isEqualTo(GuideBlock.DEFAULT_TIMEOUT);
		assertThat(module.blocks().get(2).timeout()).isEqualTo(Duration.ofSeconds(600));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no-expect.md            | no-expect.md:3: a runnable block needs at least one <!-- expect: REGEX -->
			unknown-check.md        | unknown-check.md:7: unknown check 'expects' (expect, expect-not, exit, timeout)
			unknown-kind.md         | unknown-kind.md:3: unknown block kind 'bash runs'
			bad-regex.md            | bad-regex.md:6: not a regular expression
			unclosed.md             | unclosed.md:3: the block is never closed
			checks-on-plain-block.md | checks-on-plain-block.md:6: a check comment after a block that is not 'bash run' or 'bash cluster'
			""")
	void aMistakeInTheMarkupIsAnErrorNamingFileAndLine(String file, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> GuideModule.read(fixture(file))).withMessageContaining(message);
	}

	@Test
	void modulesAreTheNumberedFilesInNameOrder() {
		List<String> names = GuideModule.all(WorkshopGuideShapeTest.GUIDE.resolve("en")).stream().map(GuideModule::name).toList();

		assertThat(names).isSorted().allMatch(n -> n.matches("\\d\\d-[a-z0-9-]+\\.md")).doesNotContain("README.md")
			.startsWith("00-setup.md");
	}

}
