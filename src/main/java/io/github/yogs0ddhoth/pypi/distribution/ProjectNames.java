package io.github.yogs0ddhoth.pypi.distribution;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project names as PyPI validates and compares them: the one place that says what a valid name is, how indexes
 * compare and put it in URLs, and how it starts a file name. Extra names (PEP 685) follow the same rule.
 */
public final class ProjectNames {
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    // PyPI's upload form and packaging's canonicalize_name(validate=True): ASCII letters and digits at both ends, with
    // '.', '_' and '-' allowed in between.
    private static final Pattern VALID =
            Pattern.compile("[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", Pattern.CASE_INSENSITIVE);

    /** PyPI's own wording for an invalid name, used in its 400 response. */
    public static final String RULE_TEXT =
            "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.";

    private ProjectNames() {}

    /** Whether PyPI accepts this as a project name (or, by PEP 685, as an extra name). */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** PEP 503 normalisation: lower case, every run of '-', '_' and '.' becomes one '-'. {@code Foo.Bar_baz -> foo-bar-baz}. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The normalised name as it must start a wheel or sdist file name: {@code foo-bar -> foo_bar}. */
    public static String filenamePart(String name) {
        return normalize(name).replace('-', '_');
    }
}
