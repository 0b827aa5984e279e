package io.graychain.meshlab.lab.cluster;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.graychain.meshlab.lab.client.OneShotHttp;

/**
 * What the mesh probe prints, one line per request, read back into the replies the gateway path
 * gives, so that both are counted alike ({@code ChainLine.of}): a plain line is the body of a 2xx reply
 * (the chain); {@code ! HTTP 503 appa:v1 > appb:!503} a reply with another status and its first
 * line; {@code ! no reply: <problem>} no reply at all ({@code ! no reply: deadline}: none by the
 * probe's deadline).
 */
public final class ProbeLines {

	private static final Pattern STATUS = Pattern.compile("! HTTP (\\d{3})(?: (.*))?");

	private static final String NO_REPLY = "! no reply";

	/** The line of a request that the probe's deadline left without a reply. */
	public static final String DEADLINE = NO_REPLY + ": deadline";

	private ProbeLines() {
	}

	/**
	 * The replies in {@code out}, which must hold exactly {@code expected} lines.
	 *
	 * @throws IllegalArgumentException naming what came instead
	 */
	public static List<OneShotHttp.Reply> parse(String out, int expected) {
		List<String> lines = out.lines().toList();
		if (lines.size() != expected) {
			String shown = String.join(" | ", lines.subList(0, Math.min(3, lines.size())));
			throw new IllegalArgumentException("the probe printed " + lines.size() + " line(s) for " + expected
					+ " request(s)" + (shown.isEmpty() ? "" : ": " + shown));
		}
		return lines.stream().map(ProbeLines::reply).toList();
	}

	/** True when {@code reply} is one the probe gave up on at its deadline. */
	public static boolean pastDeadline(OneShotHttp.Reply reply) {
		return reply.status() == 0 && reply.body().equals(DEADLINE.substring(2));
	}

	/** One line as a reply. */
	public static OneShotHttp.Reply reply(String line) {
		Matcher status = STATUS.matcher(line);
		if (status.matches()) {
			return new OneShotHttp.Reply(Integer.parseInt(status.group(1)), status.group(2) == null ? "" : status.group(2));
		}
		if (line.startsWith(NO_REPLY)) {
			return new OneShotHttp.Reply(0, line.substring(2));
		}
		return new OneShotHttp.Reply(200, line);
	}

}
