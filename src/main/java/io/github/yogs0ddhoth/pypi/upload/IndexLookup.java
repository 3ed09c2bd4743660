package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonValue;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import io.github.yogs0ddhoth.pypi.http.Endpoints;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;

/**
 * Asks the index which files a project already has, through the PEP 691 JSON simple API. The same lookup serves
 * the preflight before the first upload and the settling of an uncertain failure (a reset, a timeout, a 5xx) or a
 * "File already exists": the file is there with our bytes, with other bytes, or not at all.
 */
public final class IndexLookup {
    static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    /** What the index holds under one filename. */
    public sealed interface Remote {
        record Absent() implements Remote {}

        record Present(String sha256) implements Remote {}

        /** The index answers the simple API but has no such project at the URL asked. */
        record NoProject(String url) implements Remote {}

        /** The lookup itself failed, so nothing is known. */
        record Unknown(String why) implements Remote {}
    }

    private final String simpleRoot;
    private final TextExchange http;

    /** @param simpleRoot the simple index root, e.g. {@code https://pypi.org/simple/}; null turns lookups off */
    public IndexLookup(String simpleRoot, TextExchange http) {
        this.simpleRoot = simpleRoot == null || simpleRoot.endsWith("/") ? simpleRoot : simpleRoot + "/";
        this.http = http;
    }

    /** A lookup of {@code simpleRoot}, or one that knows nothing when {@code checkUrl=none} made it empty. */
    public static IndexLookup of(Optional<String> simpleRoot, TextExchange http) {
        return new IndexLookup(simpleRoot.orElse(null), http);
    }

    /**
     * The simple index that serves the files uploaded to {@code repository}: pypi.org for upload.pypi.org,
     * TestPyPI's own, and {@code <origin>/simple/} for any other index.
     */
    public static String defaultSimpleRoot(RepositoryUrl repository) {
        return repository.webOrigin() + "/simple/";
    }

    public boolean isOff() {
        return simpleRoot == null;
    }

    /** The root asked, or {@code none}. */
    public String simpleRoot() {
        return simpleRoot == null ? CheckUrl.OFF : simpleRoot;
    }

    /** Every file the index lists for the project, of every version. */
    public ProjectListing listing(String projectName) {
        if (simpleRoot == null) {
            return new ProjectListing.Unavailable("lookups are off (checkUrl=none)");
        }
        String url = projectUrl(projectName);
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", SIMPLE_JSON);
        HttpReply reply;
        try {
            reply = http.send(get);
        } catch (IOException e) {
            return new ProjectListing.Unavailable("GET " + url + " failed: " + describe(e));
        }
        if (reply.status() == 404) {
            return rootAnswers() ? new ProjectListing.NoProject(url)
                    : new ProjectListing.Unavailable(simpleRoot + " is not a simple index (it answers 404 too)");
        }
        if (!reply.isSuccess()) {
            return new ProjectListing.Unavailable("GET " + url + " answered " + reply.statusLine());
        }
        if (!reply.isJson()) {
            return new ProjectListing.Unavailable("GET " + url + " answered " + reply.contentType()
                    + ", not PEP 691 JSON");
        }
        try {
            JsonValue files = Json.parse(reply.body()).path("files");
            if (!files.isArray()) {
                return new ProjectListing.Unavailable("GET " + url + " answered JSON without a files list");
            }
            List<IndexedFile> listed = new ArrayList<>();
            for (JsonValue file : files) {
                listed.add(new IndexedFile(file.path("filename").asText(""),
                        file.path("hashes").path("sha256").asText("").toLowerCase(Locale.ROOT),
                        instant(file.path("upload-time").asText(null))));
            }
            return new ProjectListing.Files(listed);
        } catch (IOException e) {
            return new ProjectListing.Unavailable("GET " + url + " did not answer PEP 691 JSON");
        }
    }

    /** What the index holds under {@code filename}, from the same listing. */
    public Remote find(String projectName, String filename) {
        ProjectListing listing = listing(projectName);
        if (listing instanceof ProjectListing.NoProject none) {
            return new Remote.NoProject(none.url());
        }
        if (listing instanceof ProjectListing.Unavailable unavailable) {
            return new Remote.Unknown(unavailable.why());
        }
        Optional<IndexedFile> file = ((ProjectListing.Files) listing).named(filename);
        if (file.isEmpty()) {
            return new Remote.Absent();
        }
        return file.get().sha256().isEmpty()
                ? new Remote.Unknown("the index lists " + filename + " without a sha256")
                : new Remote.Present(file.get().sha256());
    }

    /**
     * When the release's first file was uploaded, from the index's JSON API ({@code /pypi/<name>/<version>/json},
     * Warehouse's), for indexes whose simple pages give no upload times. Empty when the index has no such API.
     */
    public Optional<Instant> firstUpload(String projectName, String version) {
        if (simpleRoot == null) {
            return Optional.empty();
        }
        String url = Endpoints.origin(URI.create(simpleRoot)) + "/pypi/" + ProjectNames.normalize(projectName) + "/"
                + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/json";
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/json");
        try {
            HttpReply reply = http.send(get);
            if (!reply.isSuccess() || !reply.isJson()) {
                return Optional.empty();
            }
            Instant first = null;
            for (JsonValue file : Json.parse(reply.body()).path("urls")) {
                Optional<Instant> t = instant(file.path("upload_time_iso_8601").asText(null));
                if (t.isPresent() && (first == null || t.get().isBefore(first))) {
                    first = t.get();
                }
            }
            return Optional.ofNullable(first);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A HEAD of the root tells a new project (the root exists) from a URL that is no simple index at all. */
    private boolean rootAnswers() {
        HttpHead head = new HttpHead(simpleRoot);
        head.setHeader("Accept", SIMPLE_JSON);
        try {
            HttpReply reply = http.send(head);
            return reply.isSuccess();
        } catch (IOException e) {
            return false;
        }
    }

    private String projectUrl(String projectName) {
        return simpleRoot + ProjectNames.normalize(projectName) + "/";
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
    }
}
