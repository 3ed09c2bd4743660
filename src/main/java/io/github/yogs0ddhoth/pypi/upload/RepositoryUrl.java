package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.http.Endpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The upload endpoint of the index. {@code pypi} and {@code testpypi} are aliases for the two public ones.
 *
 * @param uri the legacy upload URL, e.g. {@code https://upload.pypi.org/legacy/}
 * @param hashWhileUploading whether this index is sent each file before its digests, which are then computed
 *     from the bytes as they are sent ({@link UploadForm#hashedWhileSent}); only an index that parses the whole form
 *     before reading the digests accepts that. By default only PyPI and TestPyPI, which do; every other index gets
 *     twine's order, the digests first.
 */
public record RepositoryUrl(URI uri, boolean hashWhileUploading) {
    public static final String PYPI = "https://upload.pypi.org/legacy/";
    public static final String TESTPYPI = "https://test.pypi.org/legacy/";

    /** With the default order of the form for this index (see {@link #hashWhileUploading}). */
    public RepositoryUrl(URI uri) {
        this(uri, isWarehouse(uri));
    }

    /** PyPI's and TestPyPI's upload hosts, both run by Warehouse. */
    public static boolean isWarehouse(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("upload.pypi.org") || host.equals("test.pypi.org");
    }

    /** The same index with the order of the form set; null keeps the default. */
    public RepositoryUrl withHashWhileUploading(Boolean hashWhileUploading) {
        return hashWhileUploading == null ? this : new RepositoryUrl(uri, hashWhileUploading);
    }

    public static RepositoryUrl parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("repositoryUrl is empty. Expected 'pypi', 'testpypi' or an upload URL"
                    + " such as " + PYPI);
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "pypi":
                v = PYPI;
                break;
            case "testpypi":
                v = TESTPYPI;
                break;
            default:
                break;
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("repositoryUrl '" + v + "' is not a valid URL: " + e.getReason()
                    + ". Expected 'pypi', 'testpypi' or an upload URL such as " + PYPI);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("repositoryUrl must not carry credentials (user-info before '@')."
                    + " This plugin authenticates only through trusted publishing.");
        }
        return new RepositoryUrl(Endpoints.requireSecure(uri, "repositoryUrl"));
    }

    /** {@code scheme://authority}: where the index serves its OIDC endpoints. */
    public String origin() {
        return Endpoints.origin(uri);
    }

    /** The index's website: pypi.org for upload.pypi.org, otherwise the index's own origin. */
    public String webOrigin() {
        return Endpoints.webOrigin(uri);
    }

    /** Where a release is shown on the index's website. */
    public String projectPageUrl(String name, String version) {
        return webOrigin() + "/project/" + name + "/" + version + "/";
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
