package io.graychain.bench.bareboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest web application a service could be: one endpoint and the readiness probe. */
@SpringBootApplication
@RestController
public class BareBootApplication {

	@GetMapping("/")
	String hello() {
		return "hello\n";
	}

	public static void main(String[] args) {
		SpringApplication.run(BareBootApplication.class, args);
	}

}
