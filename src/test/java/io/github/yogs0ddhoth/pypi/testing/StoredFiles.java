package io.github.yogs0ddhoth.pypi.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.MessageDigest;
import java.time.Instant;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Makes the fake index remember what was uploaded, as PyPI does: an identical re-upload answers 200, a different
 * file under a known name answers 400 "File already exists", and the PEP 691 simple API lists what is stored.
 */
public final class StoredFiles implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "stored-files";

    /** filename → sha256, per normalised project name. */
    private final Map<String, Map<String, String>> projects = new ConcurrentHashMap<>();

    /** filename → when it was stored (PEP 700's upload-time). */
    private final Map<String, Instant> uploaded = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (request.getMethod().getName().equals("GET")) {
            return simpleIndex(request.getUrl());
        }
        String name = normalize(request.getPart("name").getBody().asString());
        Request.Part content = request.getPart("content");
        String disposition = content.getHeader("Content-Disposition").firstValue();
        int i = disposition.indexOf("filename=\"");
        String filename = disposition.substring(i + 10, disposition.indexOf('"', i + 10));
        String sha256 = sha256(content.getBody().asBytes());
        Map<String, String> files = projects.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        String existing = files.putIfAbsent(filename, sha256);
        uploaded.putIfAbsent(filename, Instant.now());
        if (existing == null || existing.equals(sha256)) {
            return new ResponseDefinition(200, "");
        }
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                .withStatusMessage("File already exists ('" + filename + "', with blake2_256 hash 'elided'). See"
                        + " https://pypi.org/help/#file-name-reuse for more information.")
                .build();
    }

    private ResponseDefinition simpleIndex(String url) {
        String name = url.replaceAll("^/simple/([^/]+)/?.*$", "$1");
        Map<String, String> files = projects.get(normalize(name));
        if (files == null) {
            return new ResponseDefinition(404, "");
        }
        String json = files.entrySet().stream()
                .map(e -> "{\"filename\":\"" + e.getKey() + "\",\"url\":\"https://files.example/" + e.getKey()
                        + "\",\"hashes\":{\"sha256\":\"" + e.getValue() + "\"},\"upload-time\":\""
                        + uploaded.getOrDefault(e.getKey(), Instant.now()) + "\"}")
                .collect(Collectors.joining(",", "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + name
                        + "\",\"files\":[", "]}"));
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/vnd.pypi.simple.v1+json").withBody(json).build();
    }

    /** Stores a file as if an earlier run had uploaded it. */
    public void store(String project, String filename, String sha256) {
        store(project, filename, sha256, Instant.now());
    }

    /** Stores a file as if it had been uploaded at {@code when}. */
    public void store(String project, String filename, String sha256, Instant when) {
        projects.computeIfAbsent(normalize(project), n -> new ConcurrentHashMap<>()).put(filename, sha256);
        uploaded.put(filename, when);
    }

    public Map<String, String> files(String project) {
        return Map.copyOf(projects.getOrDefault(normalize(project), Map.of()));
    }

    private static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    public static String sha256Of(java.nio.file.Path file) {
        try {
            return sha256(java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
