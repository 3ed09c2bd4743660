package io.github.yogs0ddhoth.pypi.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises, in shell scripts, the commands the rules care about. */
final class Commands {
    /** {@code mvn}, {@code mvnw}, {@code ./mvnw}, {@code mvnw.cmd}, {@code /opt/maven/bin/mvn} as a command word. */
    private static final Pattern MAVEN = Pattern.compile("(?:^|[\\s;&|(`])(?:[^\\s;&|(`]*/)?mvnw?(?:\\.cmd)?(?=\\s|$)");
    /** {@code pypi:pypi-publish}, the fully qualified form, and either with {@code @execution}. */
    private static final Pattern PUBLISH_GOAL = Pattern.compile("\\S*:pypi-publish(?:@\\S+)?");
    private static final Set<String> BUILD_PHASES = Set.of("compile", "package", "verify", "install");
    private static final Pattern PYTHON_BUILD = Pattern.compile("(?:^|[\\s;&|(])(?:python[0-9.]*\\s+-m\\s+build"
            + "|uv\\s+build|hatch\\s+build|poetry\\s+build|pdm\\s+build|pip[0-9.]*\\s+wheel|maturin\\s+build)(?=\\s|$)");

    private Commands() {
    }

    /** The script's commands: lines with backslash continuations joined and comments dropped. */
    static List<String> logicalLines(String script) {
        List<String> out = new ArrayList<>();
        if (script == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        for (String raw : script.split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                cur.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            cur.append(line);
            if (!cur.toString().isBlank()) {
                out.add(cur.toString());
            }
            cur.setLength(0);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The arguments after a Maven invocation on this line, or {@code null} if it runs no Maven. */
    private static String[] mavenArgs(String line) {
        Matcher m = MAVEN.matcher(line);
        if (!m.find()) {
            return null;
        }
        String rest = line.substring(m.end());
        // Stop at the next command of a compound line.
        rest = rest.split("&&|\\|\\||;|\\|", 2)[0];
        return rest.strip().split("\\s+");
    }

    /** Whether the script runs Maven with {@code deploy} or the {@code pypi-publish} goal. */
    static boolean publishes(String script) {
        for (String line : logicalLines(script)) {
            String[] args = mavenArgs(line);
            if (args == null) {
                continue;
            }
            for (String a : args) {
                if (a.equals("deploy") || PUBLISH_GOAL.matcher(a).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What in the script builds the code, or {@code null}: a Maven build phase ({@code package}, {@code verify},
     * {@code install}, {@code compile}) or a Python build front end.
     */
    static String buildCommand(String script) {
        for (String line : logicalLines(script)) {
            String[] args = mavenArgs(line);
            if (args != null) {
                for (String a : args) {
                    if (BUILD_PHASES.contains(a)) {
                        return line;
                    }
                }
            }
            if (PYTHON_BUILD.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }
}
