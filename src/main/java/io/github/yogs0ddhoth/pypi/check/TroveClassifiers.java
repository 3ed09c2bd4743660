package io.github.yogs0ddhoth.pypi.check;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The trove classifiers PyPI knows, from the {@code trove-classifiers} package PyPI itself uses, shipped as
 * {@code trove-classifiers.txt} and {@code trove-classifiers-deprecated.txt} beside this class (see their headers for
 * how to refresh them).
 */
final class TroveClassifiers {

    private record Lists(Set<String> current, Map<String, List<String>> deprecated) {}

    private final Once<Lists> lists;

    TroveClassifiers(Set<String> current, Map<String, List<String>> deprecated) {
        Lists l = new Lists(Set.copyOf(current), Map.copyOf(deprecated));
        this.lists = new Once<>(() -> l);
    }

    private TroveClassifiers(Once<Lists> lists) {
        this.lists = lists;
    }

    /** The shipped lists, read on first use: most releases declare no classifier (about 30 ms in a cold JVM). */
    static TroveClassifiers load() {
        return load(ResourceLines::read);
    }

    /** @param lines reads a resource's lines; called on the first question, once per list */
    static TroveClassifiers load(Function<String, List<String>> lines) {
        return new TroveClassifiers(new Once<>(() -> read(lines)));
    }

    private static Lists read(Function<String, List<String>> lines) {
        Set<String> current = new HashSet<>(lines.apply("trove-classifiers.txt"));
        Map<String, List<String>> deprecated = new HashMap<>();
        for (String line : lines.apply("trove-classifiers-deprecated.txt")) {
            int tab = line.indexOf('\t');
            String name = tab < 0 ? line : line.substring(0, tab);
            String replacements = tab < 0 ? "" : line.substring(tab + 1);
            deprecated.put(name, replacements.isEmpty() ? List.of() : Arrays.asList(replacements.split("\\|")));
        }
        return new Lists(Set.copyOf(current), Map.copyOf(deprecated));
    }

    /** Whether PyPI knows the classifier at all (current or deprecated). */
    boolean exists(String classifier) {
        return lists.get().current().contains(classifier) || lists.get().deprecated().containsKey(classifier);
    }

    /** The replacements of a deprecated classifier (possibly none), or empty if it is not deprecated. */
    Optional<List<String>> deprecation(String classifier) {
        return Optional.ofNullable(lists.get().deprecated().get(classifier));
    }

    int size() {
        return lists.get().current().size();
    }
}
