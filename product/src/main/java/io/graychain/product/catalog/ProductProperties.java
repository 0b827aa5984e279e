package io.graychain.product.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product on show, and the ad slot that v2 adds ({@code application-v2.yaml}); v1 has none.
 */
@ConfigurationProperties("product")
public record ProductProperties(String id, String name, String price, String ad) {

	public ProductProperties {
		ad = (ad == null || ad.isBlank()) ? null : ad;
	}

}
