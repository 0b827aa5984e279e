package io.graychain.frontend;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;

import io.graychain.support.test.LoopbackWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The frontend on a random loopback port, with WireMock (named {@code forecast}) standing in for
 * the forecast service and a read timeout long enough for a loaded machine (ForecastTimeoutTest pins the
 * configured one). Test classes that share it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "graychain.downstream.read-timeout=10000" })
@AutoConfigureMockMvc
@EnableWireMock(@ConfigureWireMock(name = "forecast", configurationCustomizers = LoopbackWireMock.class,
		baseUrlProperties = "spring.cloud.openfeign.client.config.forecast.url"))
public @interface FrontendTest {

}
