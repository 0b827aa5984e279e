package io.graychain.appb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AppbApplication {

	public static void main(String[] args) {
		SpringApplication.run(AppbApplication.class, args);
	}

}
