package io.graychain.appb.greeting;

import io.graychain.support.errors.BadInput;
import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** appb is the end of the appa → appb chain: it reports itself and greets by name. */
@RestController
class GreetingController {

	private final HopReporter reporter;

	GreetingController(HopReporter reporter) {
		this.reporter = reporter;
	}

	@GetMapping("/")
	HopReport hello() {
		return reporter.report(null);
	}

	@GetMapping("/greet")
	HopReport greet(@RequestParam String name) {
		return reporter.report(Greeting.of(BadInput.name("name", name), reporter.identity().version()));
	}

}
