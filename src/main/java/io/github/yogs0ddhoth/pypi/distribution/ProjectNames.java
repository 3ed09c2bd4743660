package io.github.yogs0ddhoth.pypi.distribution;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one spelling of a project name that indexes compare and put in URLs. */
public final class ProjectNames {
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private ProjectNames() {}

    /** PEP 503 normalisation: lower case, every run of '-', '_' and '.' becomes one '-'. {@code Foo.Bar_baz -> foo-bar-baz}. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
