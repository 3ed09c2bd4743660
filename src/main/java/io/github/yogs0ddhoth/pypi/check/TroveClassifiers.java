package io.github.yogs0ddhoth.pypi.check;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trove classifiers PyPI knows, from the {@code trove-classifiers} package PyPI itself uses, shipped as
 * {@code trove-classifiers.txt} and {@code trove-classifiers-deprecated.txt} beside this class (see their headers for
 * how to refresh them).
 */
final class TroveClassifiers {

    private final Set<String> current;
    private final Map<String, List<String>> deprecated;

    TroveClassifiers(Set<String> current, Map<String, List<String>> deprecated) {
        this.current = Set.copyOf(current);
        this.deprecated = Map.copyOf(deprecated);
    }

    /** The shipped lists. */
    static TroveClassifiers load() {
        Set<String> current = new HashSet<>(ResourceLines.read("trove-classifiers.txt"));
        Map<String, List<String>> deprecated = new HashMap<>();
        for (String line : ResourceLines.read("trove-classifiers-deprecated.txt")) {
            int tab = line.indexOf('\t');
            String name = tab < 0 ? line : line.substring(0, tab);
            String replacements = tab < 0 ? "" : line.substring(tab + 1);
            deprecated.put(name, replacements.isEmpty() ? List.of() : Arrays.asList(replacements.split("\\|")));
        }
        return new TroveClassifiers(current, deprecated);
    }

    /** Whether PyPI knows the classifier at all (current or deprecated). */
    boolean exists(String classifier) {
        return current.contains(classifier) || deprecated.containsKey(classifier);
    }

    /** The replacements of a deprecated classifier (possibly none), or empty if it is not deprecated. */
    Optional<List<String>> deprecation(String classifier) {
        return Optional.ofNullable(deprecated.get(classifier));
    }

    int size() {
        return current.size();
    }
}
