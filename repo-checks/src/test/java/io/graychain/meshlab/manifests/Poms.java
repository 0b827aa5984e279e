package io.graychain.meshlab.manifests;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/** What the Maven build says about images and ports, so that the manifests can be held to it. */
final class Poms {

	private Poms() {
	}

	/** The registry images are built for (root pom property {@code graychain.image.registry}). */
	static String imageRegistry() {
		return rootProperty("graychain.image.registry");
	}

	/** The tag images are built with (root pom property {@code graychain.image.tag}). */
	static String imageTag() {
		return rootProperty("graychain.image.tag").replace("${project.version}", version());
	}

	/** The project version (root pom). */
	static String version() {
		return value("pom.xml", "/project/version");
	}

	/** Where the source lives (root pom {@code url}), as the images' source label says. */
	static String sourceUrl() {
		return value("pom.xml", "/project/url");
	}

	/** The port a service listens on (its pom's {@code app.port}). */
	static int port(String service) {
		return Integer.parseInt(value(service + "/pom.xml", "/project/properties/*[name()='app.port']"));
	}

	private static String rootProperty(String name) {
		return value("pom.xml", "/project/properties/*[name()='" + name + "']");
	}

	private static String value(String pom, String xpath) {
		Path file = Overlays.repositoryRoot().resolve(pom);
		try {
			Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
			String value = XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
			if (value.isEmpty()) {
				throw new IllegalStateException(file + " has nothing at " + xpath);
			}
			return value;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read " + xpath + " from " + file + ": " + ex.getMessage(), ex);
		}
	}

}
