package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import java.util.regex.Pattern;

/** Project names as PyPI validates and compares them. */
final class ProjectName {

    // PyPI's upload form and packaging's canonicalize_name(validate=True): ASCII letters and digits at both ends, with
    // '.', '_' and '-' allowed in between.
    private static final Pattern VALID =
            Pattern.compile("[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", Pattern.CASE_INSENSITIVE);

    /** PyPI's own wording for an invalid name, used in its 400 response. */
    static final String RULE_TEXT =
            "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.";

    private ProjectName() {}

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** PEP 503 normalisation: lower case, every run of '-', '_' and '.' becomes one '-'. {@code Foo.Bar_baz -> foo-bar-baz}. */
    static String normalize(String name) {
        return ProjectNames.normalize(name);
    }

    /** The normalised name as it must start a wheel or sdist file name: {@code foo-bar -> foo_bar}. */
    static String filenamePart(String name) {
        return normalize(name).replace('-', '_');
    }
}
