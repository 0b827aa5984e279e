package io.graychain.support.misbehave;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the misbehaviour to each request a service's own handlers serve: first the delay, then,
 * for the configured share, a 500. It runs after the handler is chosen, so the request's metrics
 * keep their route ({@code uri="/greet"}), and only on the request itself, never on the error
 * dispatch that follows it. Actuator endpoints (health, metrics) have their own handler mapping,
 * which this interceptor is not registered with: probes and scrapes are never affected.
 */
public class MisbehaviourInterceptor implements HandlerInterceptor {

	private final Misbehaviour misbehaviour;

	private final Consumer<Duration> sleeper;

	public MisbehaviourInterceptor(Misbehaviour misbehaviour) {
		this(misbehaviour, MisbehaviourInterceptor::sleep);
	}

	MisbehaviourInterceptor(Misbehaviour misbehaviour, Consumer<Duration> sleeper) {
		this.misbehaviour = misbehaviour;
		this.sleeper = sleeper;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !misbehaviour.active()) {
			return true;
		}
		if (!misbehaviour.delay().isZero()) {
			sleeper.accept(misbehaviour.delay());
		}
		if (misbehaviour.failsThisRequest()) {
			throw new Misbehaving(misbehaviour.describe());
		}
		return true;
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			// shutting down: answer now
			Thread.currentThread().interrupt();
		}
	}

}
