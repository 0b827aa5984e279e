package io.graychain.support.test;

import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest graychain service: one endpoint that reports its hop, with everything the support
 * library configures. Slice tests of support start it with {@code @SpringBootTest(classes = ...)}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class HopService {

	@RestController
	static class HopController {

		private final HopReporter reporter;

		HopController(HopReporter reporter) {
			this.reporter = reporter;
		}

		@GetMapping("/")
		HopReport hop() {
			return reporter.report(null);
		}

	}

}
