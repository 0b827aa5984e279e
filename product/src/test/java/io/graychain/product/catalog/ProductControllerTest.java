package io.graychain.product.catalog;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.graychain.support.test.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

class ProductControllerTest {

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "REGION=eu-west-1")
	class V1 {

		@LocalServerPort
		int port;

		@Test
		void aProductWithItsRegionAndNoAd() {
			HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/product");
			assertThat(reply.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("product:v1");
			assertThat((String) JsonPath.read(reply.body(), "$.data.region")).isEqualTo("eu-west-1");
			assertThat((String) JsonPath.read(reply.body(), "$.region")).isEqualTo("eu-west-1");
			assertThat(reply.body()).doesNotContain("\"ad\"");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "graychain.identity.version=v2")
	@ActiveProfiles("v2")
	class V2 {

		@LocalServerPort
		int port;

		@Test
		void v2AddsAnAdSlotAndSaysWhereItRunsEvenWithoutARegion() {
			HttpResponse<String> reply = Http.get("http://127.0.0.1:" + port + "/product");
			assertThat((String) JsonPath.read(reply.body(), "$.chain")).isEqualTo("product:v2");
			assertThat((String) JsonPath.read(reply.body(), "$.data.ad")).startsWith("Ad:");
			assertThat((String) JsonPath.read(reply.body(), "$.data.region")).isEqualTo("unknown");
			assertThat(Http.get("http://127.0.0.1:" + port + "/product", "Accept", "text/plain").body())
				.isEqualTo("product:v2\n");
		}

	}

}
