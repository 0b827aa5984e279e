package io.graychain.support;

import java.util.List;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.Filter;
import tools.jackson.databind.json.JsonMapper;

import io.graychain.support.errors.DownstreamErrorAdvice;
import io.graychain.support.errors.DownstreamFailures;
import io.graychain.support.errors.DownstreamProperties;
import io.graychain.support.hop.HopReportTextConverter;
import io.graychain.support.hop.HopReporter;
import io.graychain.support.identity.Identity;
import io.graychain.support.misbehave.MisbehaveProperties;
import io.graychain.support.misbehave.Misbehaviour;
import io.graychain.support.misbehave.MisbehaviourAdvice;
import io.graychain.support.misbehave.MisbehaviourInterceptor;
import io.graychain.support.propagation.CookieRelay;
import io.graychain.support.propagation.PropagationProperties;
import io.graychain.support.propagation.ReceivedHeaders;
import io.graychain.support.web.MalformedRequestFilter;
import io.graychain.support.web.WebHardening;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything a graychain service shares: its identity, the hop report (JSON and one-line text),
 * header propagation, clear error replies for failed downstream calls and malformed requests, and
 * the misbehaviour switch ({@code GRAYCHAIN_MISBEHAVE_*}).
 */
@AutoConfiguration
@EnableConfigurationProperties({ Identity.class, PropagationProperties.class, DownstreamProperties.class,
		MisbehaveProperties.class })
@Import({ DownstreamErrorAdvice.class, MisbehaviourAdvice.class })
public class GraychainAutoConfiguration {

	@Bean
	ReceivedHeaders receivedHeaders(PropagationProperties properties) {
		return new ReceivedHeaders(properties);
	}

	@Bean
	Misbehaviour misbehaviour(MisbehaveProperties properties) {
		return new Misbehaviour(properties);
	}

	@Bean
	HopReporter hopReporter(Identity identity, ReceivedHeaders receivedHeaders, ObjectProvider<Tracer> tracer,
			Misbehaviour misbehaviour) {
		return new HopReporter(identity, receivedHeaders, tracer, misbehaviour);
	}

	@Bean
	CookieRelay cookieRelay(PropagationProperties properties, ReceivedHeaders receivedHeaders) {
		return new CookieRelay(properties, receivedHeaders);
	}

	@Bean
	DownstreamFailures downstreamFailures(DownstreamProperties properties, ObjectProvider<JsonMapper> json,
			ObjectProvider<FeignClientProperties> feignClients) {
		return new DownstreamFailures(properties, json.getIfAvailable(JsonMapper::new), feignClients);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
		return WebHardening.problemErrorPages();
	}

	@Bean
	Filter noSniff() {
		return WebHardening.noSniff();
	}

	@Bean
	Filter malformedRequests() {
		return new MalformedRequestFilter();
	}

	@Bean
	WebMvcConfigurer hopReportTextFormat() {
		return new WebMvcConfigurer() {
			@Override
			public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
				converters.add(new HopReportTextConverter());
			}
		};
	}

	@Bean
	WebMvcConfigurer misbehaviourInterceptor(Misbehaviour misbehaviour) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new MisbehaviourInterceptor(misbehaviour));
			}
		};
	}

}
