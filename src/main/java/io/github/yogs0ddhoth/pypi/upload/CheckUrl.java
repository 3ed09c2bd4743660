package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.http.Endpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the plugin asks which files the index already holds: a PEP 691 simple index root. Users write it the way
 * the parameter's name suggests, as the index's origin ({@code https://pypi.org}), or as the simple root itself
 * ({@code https://pypi.org/simple/}); both mean the same. {@code none} turns lookups off.
 */
public final class CheckUrl {
    static final String OFF = "none";

    private CheckUrl() {}

    /**
     * @param value the {@code checkUrl} parameter, null or blank for the index's default
     * @return the simple root to ask, ending in {@code /}; empty when lookups are off
     * @throws IllegalArgumentException for a value that is not a usable URL, with the forms accepted
     */
    public static Optional<String> simpleRoot(String value, RepositoryUrl repository) {
        if (value == null || value.isBlank()) {
            return Optional.of(IndexLookup.defaultSimpleRoot(repository));
        }
        String v = value.trim();
        if (v.toLowerCase(Locale.ROOT).equals(OFF)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("checkUrl is not a valid URL (" + e.getReason() + "). Expected an"
                    + " index origin such as https://pypi.org, a simple index root such as https://pypi.org/simple/,"
                    + " or 'none'.");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: the part before '@' may be a password.
            throw new IllegalArgumentException("checkUrl must not carry credentials (user-info before '@'). The"
                    + " simple index is read anonymously; give its URL without them.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("checkUrl '" + v + "' has a query or fragment. Expected an index"
                    + " origin such as https://pypi.org or a simple index root such as https://pypi.org/simple/.");
        }
        Endpoints.requireSecure(uri, "checkUrl");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String origin = Endpoints.origin(uri);
        if (path.isEmpty() || path.equals("/")) {
            return Optional.of(origin + "/simple/");
        }
        return Optional.of(origin + (path.endsWith("/") ? path : path + "/"));
    }
}
