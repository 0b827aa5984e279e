package io.graychain.product.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A product as the shop shows it, with the region it was served from and, in v2, an ad slot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(String id, String name, String price, String region, String ad) {

	static Product of(ProductProperties properties, String region) {
		return new Product(properties.id(), properties.name(), properties.price(),
				(region != null) ? region : "unknown", properties.ad());
	}

}
