package io.graychain.product.catalog;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shop's one service: {@code GET /product}. */
@RestController
class ProductController {

	private final ProductProperties properties;

	private final HopReporter reporter;

	ProductController(ProductProperties properties, HopReporter reporter) {
		this.properties = properties;
		this.reporter = reporter;
	}

	@GetMapping("/product")
	HopReport product() {
		return reporter.report(Product.of(properties, reporter.identity().region()));
	}

}
