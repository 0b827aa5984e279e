package io.graychain.appa.chain;

import io.graychain.support.errors.BadInput;
import io.graychain.support.hop.HopReport;
import io.graychain.support.hop.HopReporter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** appa is the entry of the appa → appb chain: it calls appb and reports the whole chain. */
@RestController
class ChainController {

	private final AppbClient appb;

	private final HopReporter reporter;

	ChainController(AppbClient appb, HopReporter reporter) {
		this.appb = appb;
		this.reporter = reporter;
	}

	@GetMapping("/")
	HopReport chain() {
		return reporter.report(null, appb.hello());
	}

	/** Passes {@code name} on, so a rule on appb can route by the query parameter. */
	@GetMapping("/greet")
	HopReport greet(@RequestParam String name) {
		return reporter.report(null, appb.greet(BadInput.name("name", name)));
	}

}
