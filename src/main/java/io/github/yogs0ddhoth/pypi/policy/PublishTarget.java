package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One index the build publishes to and the publisher declared for it: one {@code pypi-publish} execution.
 *
 * @param repositoryUrl {@code pypi}, {@code testpypi} or an upload URL
 * @param publisher the declared trusted publisher for that index
 */
public record PublishTarget(String repositoryUrl, PublisherDeclaration publisher) {
    /** Which public index a URL points at. */
    public enum Index { PYPI, TESTPYPI, OTHER }

    public PublishTarget {
        repositoryUrl = repositoryUrl == null || repositoryUrl.isBlank() ? "pypi" : repositoryUrl.trim();
        publisher = publisher == null ? PublisherDeclaration.none() : publisher;
    }

    public Index index() {
        String v = repositoryUrl.toLowerCase(Locale.ROOT);
        if (v.equals("pypi")) {
            return Index.PYPI;
        }
        if (v.equals("testpypi")) {
            return Index.TESTPYPI;
        }
        String host;
        try {
            host = Objects.requireNonNullElse(URI.create(v).getHost(), "");
        } catch (IllegalArgumentException e) {
            return Index.OTHER;
        }
        if (host.equals("test.pypi.org")) {
            return Index.TESTPYPI;
        }
        if (host.equals("upload.pypi.org") || host.equals("pypi.org")) {
            return Index.PYPI;
        }
        return Index.OTHER;
    }

    /** The OIDC audience the index announces: {@code pypi}, {@code testpypi}, or {@code null} if not known offline. */
    public String audience() {
        switch (index()) {
            case PYPI:
                return "pypi";
            case TESTPYPI:
                return "testpypi";
            default:
                return null;
        }
    }

    String label() {
        switch (index()) {
            case PYPI:
                return "PyPI";
            case TESTPYPI:
                return "TestPyPI";
            default:
                return repositoryUrl;
        }
    }
}
