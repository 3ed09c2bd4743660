package io.github.yogs0ddhoth.pypi.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Asks the index which files a project already has, through the PEP 691 JSON simple API. This is how an
 * uncertain failure (a reset, a timeout, a 5xx) or a "File already exists" is turned into a fact: the file is
 * there with our bytes, with other bytes, or not at all.
 */
public final class IndexLookup {
    static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    /** What the index holds under one filename. */
    public sealed interface Remote {
        record Absent() implements Remote {}

        record Present(String sha256) implements Remote {}

        /** The lookup itself failed, so nothing is known. */
        record Unknown(String why) implements Remote {}
    }

    private final String simpleRoot;
    private final TextExchange http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param simpleRoot the simple index root, e.g. {@code https://pypi.org/simple/} */
    public IndexLookup(String simpleRoot, TextExchange http) {
        this.simpleRoot = simpleRoot.endsWith("/") ? simpleRoot : simpleRoot + "/";
        this.http = http;
    }

    /**
     * The simple index that serves the files uploaded to {@code repository}: pypi.org for upload.pypi.org,
     * TestPyPI's own, and {@code <origin>/simple/} for any other index.
     */
    public static String defaultSimpleRoot(RepositoryUrl repository) {
        return repository.webOrigin() + "/simple/";
    }

    public String simpleRoot() {
        return simpleRoot;
    }

    public Remote find(String projectName, String filename) {
        String url = simpleRoot + ProjectNames.normalize(projectName) + "/";
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", SIMPLE_JSON);
        HttpReply reply;
        try {
            reply = http.send(get);
        } catch (IOException e) {
            return new Remote.Unknown("GET " + url + " failed: " + e.getClass().getSimpleName());
        }
        if (reply.status() == 404) {
            return new Remote.Absent();
        }
        if (!reply.isSuccess()) {
            return new Remote.Unknown("GET " + url + " answered " + reply.statusLine());
        }
        try {
            JsonNode files = json.readTree(reply.body()).path("files");
            for (JsonNode file : files) {
                if (filename.equals(file.path("filename").asText())) {
                    String sha256 = file.path("hashes").path("sha256").asText("");
                    return sha256.isEmpty() ? new Remote.Unknown("the index lists " + filename + " without a sha256")
                            : new Remote.Present(sha256.toLowerCase(Locale.ROOT));
                }
            }
            return new Remote.Absent();
        } catch (IOException e) {
            return new Remote.Unknown("GET " + url + " did not answer PEP 691 JSON");
        }
    }
}
