package io.graychain.appa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

@SpringBootApplication
@EnableFeignClients
public class AppaApplication {

	public static void main(String[] args) {
		SpringApplication.run(AppaApplication.class, args);
	}

}
