package io.github.yogs0ddhoth.pypi.distribution;

import java.util.Arrays;
import java.util.List;

/**
 * An Ant-style path pattern, as Maven users write in {@code <includes>}: {@code **} is any number of directories
 * (including none, so {@code **}{@code /*.whl} matches {@code a.whl}), {@code *} is any run of characters within one
 * path segment, {@code ?} is one character. Everything else is literal and case-sensitive.
 *
 * <p>Written by hand instead of using {@code PathMatcher("glob:...")} because a glob's {@code **}{@code /} needs at
 * least one directory, and glob syntax gives {@code [}, <code>{</code> and {@code \} meanings a Maven user does not
 * expect in a file pattern.
 */
final class AntPattern {

    private static final String ANY_DIRECTORIES = "**";

    private final String pattern;
    private final List<String> segments;

    private AntPattern(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /**
     * Compiles a pattern. Backslashes count as separators (a pattern written on Windows), a leading {@code ./} or
     * {@code /} is dropped (patterns are relative to the searched directory), and a trailing {@code /} means
     * "everything below", as in Ant.
     */
    static AntPattern compile(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p + ANY_DIRECTORIES;
        }
        List<String> segments = Arrays.stream(p.split("/+")).filter(s -> !s.isEmpty()).toList();
        return new AntPattern(pattern, segments);
    }

    /** The pattern as the user wrote it, for messages. */
    String pattern() {
        return pattern;
    }

    /** Whether {@code relativePath} (segments separated by {@code /}) matches. An empty pattern matches nothing. */
    boolean matches(String relativePath) {
        if (segments.isEmpty()) {
            return false;
        }
        String[] path = Arrays.stream(relativePath.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        // matched[i][j]: the first i pattern segments match the first j path segments. Patterns and paths are short,
        // so a table avoids the exponential backtracking that several '**' could cause.
        int n = segments.size();
        int m = path.length;
        boolean[][] matched = new boolean[n + 1][m + 1];
        matched[0][0] = true;
        for (int i = 1; i <= n; i++) {
            String segment = segments.get(i - 1);
            boolean anyDirectories = segment.equals(ANY_DIRECTORIES);
            matched[i][0] = anyDirectories && matched[i - 1][0];
            for (int j = 1; j <= m; j++) {
                matched[i][j] = anyDirectories
                        ? matched[i - 1][j] || matched[i][j - 1]
                        : matched[i - 1][j - 1] && matchesSegment(segment, path[j - 1]);
            }
        }
        return matched[n][m];
    }

    // Classic wildcard match within one segment: '*' any run, '?' one character, with single-star backtracking.
    static boolean matchesSegment(String pattern, String name) {
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
