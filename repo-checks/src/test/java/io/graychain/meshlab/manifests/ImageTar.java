package io.graychain.meshlab.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image tarball as {@code jib:buildTar} writes it (Docker's {@code docker load} format): the
 * repository tag from {@code manifest.json} and the container configuration from the config file.
 */
record ImageTar(String name, JsonNode config) {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int BLOCK = 512;

	static ImageTar read(Path tar) throws IOException {
		Map<String, byte[]> entries = jsonEntries(tar);
		JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
		JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText()));
		return new ImageTar(manifest.get("RepoTags").get(0).asText(), config.get("config"));
	}

	/** The small JSON files at the top of the tar (the layers are skipped). */
	private static Map<String, byte[]> jsonEntries(Path tar) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(tar)) {
			byte[] header = new byte[BLOCK];
			while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
				String name = field(header, 0, 100);
				long size = Long.parseLong(field(header, 124, 12).strip(), 8);
				long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
				if (name.endsWith(".json")) {
					entries.put(name, in.readNBytes((int) size));
					in.skipNBytes(padded - size);
				}
				else {
					in.skipNBytes(padded);
				}
			}
		}
		return entries;
	}

	private static String field(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
	}

}
