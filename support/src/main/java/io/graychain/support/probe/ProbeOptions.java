package io.graychain.support.probe;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MeshProbe} sends: {@code count} GETs of {@code url} with {@code headers} (cookies
 * already joined into one {@code Cookie} header, query parameters already in the URL).
 *
 * @param url the request URL, {@code http://host[:port]/path[?query]}
 * @param headers request headers by name, in order
 * @param count how many requests
 * @param connectTimeoutMillis connect timeout of each request
 * @param readTimeoutMillis read timeout of each request (each read of the reply)
 * @param deadlineSeconds how long the probe may send, from its start; {@link #NO_DEADLINE} for no limit
 */
public record ProbeOptions(URI url, Map<String, String> headers, int count, int connectTimeoutMillis,
		int readTimeoutMillis, int deadlineSeconds) {

	static final String USAGE = """
			usage: MeshProbe [--count N] [--header 'name: value']... [--cookie name=value]...
			                 [--query name=value]... [--connect-timeout MS] [--read-timeout MS]
			                 [--deadline SECONDS] http://host:port/path
			Sends N GETs (Accept: text/plain), each on a new connection, and prints one line per reply:
			the chain of a 2xx reply, '! HTTP <status> <first line>' for any other status,
			'! no reply: <problem>' when none came. Once the deadline (counted from the start) has
			passed, it sends no more and prints '! no reply: deadline' for each request left, the one
			in flight included. Defaults: 1 request, timeouts 2000 and 10000 ms, no deadline.""";

	/** {@link #deadlineSeconds()} when the probe may send for as long as its requests take. */
	public static final int NO_DEADLINE = 0;

	private static final int MAX_COUNT = 100_000;

	private static final int MAX_DEADLINE = 86_400;

	public ProbeOptions {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/** Parses the command line; a mistake throws {@link IllegalArgumentException} naming it. */
	public static ProbeOptions parse(String... args) {
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> cookies = new ArrayList<>();
		List<String> query = new ArrayList<>();
		String url = null;
		int count = 1;
		int connect = 2_000;
		int read = 10_000;
		int deadline = NO_DEADLINE;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				if (url != null) {
					throw new IllegalArgumentException("one URL only, got " + url + " and " + arg);
				}
				url = arg;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(arg + " needs a value");
			}
			String value = args[++i];
			switch (arg) {
				case "--count" -> count = number(arg, value, MAX_COUNT);
				case "--connect-timeout" -> connect = number(arg, value, 600_000);
				case "--read-timeout" -> read = number(arg, value, 600_000);
				case "--deadline" -> deadline = number(arg, value, MAX_DEADLINE);
				case "--header" -> {
					String[] pair = pair(arg, value, ':');
					headers.put(pair[0], pair[1]);
				}
				case "--cookie" -> cookies.add(String.join("=", pair(arg, value, '=')));
				case "--query" -> {
					String[] pair = pair(arg, value, '=');
					query.add(encode(pair[0]) + "=" + encode(pair[1]));
				}
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("the URL to send to is missing");
		}
		if (!cookies.isEmpty()) {
			headers.merge("Cookie", String.join("; ", cookies), (given, added) -> given + "; " + added);
		}
		return new ProbeOptions(uri(url, query), headers, count, connect, read, deadline);
	}

	private static URI uri(String url, List<String> query) {
		String full = query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + String.join("&", query);
		URI uri;
		try {
			uri = URI.create(full);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the URL must be http://host[:port]/path, got " + full);
		}
		if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("the URL must be http://host[:port]/path, got " + url);
		}
		return uri;
	}

	private static int number(String option, String value, int max) {
		try {
			int number = Integer.parseInt(value);
			if (number >= 1 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a number from 1 to " + max + ", got '" + value + "'");
	}

	/** {@code name<separator>value}, both trimmed; the name must not be empty, neither may hold a line break. */
	private static String[] pair(String option, String value, char separator) {
		int at = value.indexOf(separator);
		if (at <= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException(option + " needs name" + separator + "value, got '" + value + "'");
		}
		return new String[] { value.substring(0, at).trim(), value.substring(at + 1).trim() };
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
