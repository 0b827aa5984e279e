package io.graychain.appb.greeting;

/** What appb says: {@code name is: xx-v2} for {@code /greet?name=xx} on appb v2. */
public record Greeting(String message) {

	static Greeting of(String name, String version) {
		return new Greeting("name is: " + name + "-" + version);
	}

}
