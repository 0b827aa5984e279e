package io.graychain.support.errors;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks of request values shared by the services. A failed check is a 400 problem reply whose
 * detail says what is accepted; the value itself is never echoed back.
 */
public final class BadInput {

	/** Names as the tutorials use them: letters, digits, '-' and '_', at most 32 of them. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private BadInput() {
	}

	/** The value when it is a name, else a 400 that names the parameter. */
	public static String name(String parameter, String value) {
		if (value == null || !NAME.matcher(value).matches()) {
			throw badRequest(parameter + " must be 1 to 32 letters, digits, '-' or '_'");
		}
		return value;
	}

	public static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
