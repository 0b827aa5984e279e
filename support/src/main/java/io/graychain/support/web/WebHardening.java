package io.graychain.support.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Small web settings every service shares: Tomcat's error page as problem JSON, and
 * {@code X-Content-Type-Options: nosniff} so a browser never reads a JSON reply as HTML.
 */
public final class WebHardening {

	private WebHardening() {
	}

	public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	public static Filter noSniff() {
		return new Filter() {
			@Override
			public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				if (response instanceof HttpServletResponse http) {
					http.setHeader("X-Content-Type-Options", "nosniff");
				}
				chain.doFilter(request, response);
			}
		};
	}

}
