package io.graychain.meshlab.lab.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.graychain.meshlab.lab.Args;

/**
 * {@code admin <call>}: what {@code scripts/lab} asks a running lab, with the lab's token read
 * here from its state folder, so that no script handles the secret: {@code ready}, {@code status},
 * {@code apply <scenario | file | folder>} (resolved and read here, sent as YAML), {@code reset},
 * {@code shutdown}. Options: {@code --state} (the lab's state folder), {@code --repo} (where
 * {@code istio/scenarios} is). Exit 0 when the lab says yes (2xx), 1 when it says no, 2 for a
 * mistake in the command.
 */
public final class AdminCommand {

	private AdminCommand() {
	}

	public static int run(Args args, PrintStream out, PrintStream err) {
		List<String> call = args.positional();
		if (call.isEmpty()) {
			throw new IllegalArgumentException("usage: meshlab admin [--state DIR] [--repo DIR] ready|status|apply <scenario>|reset|shutdown");
		}
		LabClient lab = new LabClient(Path.of(args.get("state", ".lab")));
		Path scenarios = Path.of(args.get("repo", ".")).resolve("istio/scenarios");
		OneShotHttp.Reply reply;
		try {
			reply = call(lab, call, scenarios);
		}
		catch (IllegalStateException noLab) {
			// no lab (any more): its state files are gone
			err.println(noLab.getMessage());
			return 1;
		}
		(reply.status() / 100 == 2 ? out : err).print(reply.body().endsWith("\n") ? reply.body() : reply.body() + "\n");
		return reply.status() / 100 == 2 ? 0 : 1;
	}

	private static OneShotHttp.Reply call(LabClient lab, List<String> call, Path scenarios) {
		return switch (call.get(0)) {
			case "ready" -> lab.get("/ready");
			case "status" -> lab.get("/status");
			case "apply" -> {
				if (call.size() != 2) {
					throw new IllegalArgumentException("usage: meshlab admin apply <scenario | file | folder>");
				}
				yield lab.apply(RulesSource.resolve(call.get(1), scenarios));
			}
			case "reset" -> lab.post("/reset", "");
			case "shutdown" -> lab.post("/shutdown", "");
			default -> throw new IllegalArgumentException("unknown admin call '" + call.get(0)
					+ "': use ready, status, apply, reset or shutdown");
		};
	}

}
