package io.graychain.appa.chain;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Replies that WireMock, standing in for appb, gives appa. */
final class AppbStubs {

	static final String APPB_V2 = """
			{"chain":"appb:v2","service":"appb","version":"v2","pod":"appb-v2-1","namespace":"graychain",
			 "received":{},"data":{"message":"name is: xx-v2"}}""";

	private AppbStubs() {
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	static ResponseDefinitionBuilder appbV2() {
		return json(200, APPB_V2);
	}

}
