package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a fixture repository from {@code src/test/resources/policy/NAME} into a temporary directory and marks it
 * as a git repository root (git ignores nested {@code .git} directories, so the marker is made here).
 */
final class PolicyFixtures {
    private PolicyFixtures() {
    }

    static Path repo(String name, Path tmp) {
        URL url = PolicyFixtures.class.getResource("/policy/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture policy/" + name);
        }
        try {
            Path src = Path.of(url.toURI());
            Path dest = tmp.resolve(name);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = dest.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            Files.createDirectories(dest.resolve(".git"));
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublisherDeclaration gitHub(String workflow, String environment) {
        return new PublisherDeclaration("octo/example", workflow, environment, null);
    }

    static List<PublishTarget> pypi(String workflow, String environment) {
        return List.of(new PublishTarget("pypi", gitHub(workflow, environment)));
    }
}
