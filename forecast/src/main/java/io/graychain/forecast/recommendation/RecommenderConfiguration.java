package io.graychain.forecast.recommendation;

import io.graychain.forecast.weather.Recommender;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the {@link Recommender} by {@code forecast.recommendations.enabled}, which
 * {@code application-v2.yaml} turns on. Without it there is no recommendation client at all, so
 * forecast v1 can never call the recommendation service.
 */
@Configuration(proxyBeanMethods = false)
class RecommenderConfiguration {

	static final String ENABLED = "forecast.recommendations.enabled";

	@Bean
	@ConditionalOnBooleanProperty(name = ENABLED, havingValue = false, matchIfMissing = true)
	Recommender noRecommendations() {
		return forecast -> null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(ENABLED)
	@EnableFeignClients(clients = RecommendationClient.class)
	static class Remote {

		@Bean
		Recommender remoteRecommendations(RecommendationClient client) {
			return forecast -> client.recommendations(forecast.city(), forecast.weather());
		}

	}

}
