package io.github.yogs0ddhoth.pypi.check;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of PEP 440 version specifiers ({@code >=3.9}, {@code ==1.*}, {@code ~=2.2}) and comma-separated
 * specifier sets, as {@code packaging.specifiers} accepts them. Only syntax: whether a set can be satisfied is not
 * PyPI's concern either.
 */
final class VersionSpecifiers {

    private static final String EPOCH = "(?:" + Pep440Version.unnamed(Pep440Version.EPOCH) + ")?";
    private static final String EPOCH_AND_RELEASE = "v?" + EPOCH + Pep440Version.unnamed(Pep440Version.RELEASE);
    private static final String PRE = Pep440Version.unnamed(Pep440Version.PRE) + "?";
    private static final String POST = Pep440Version.unnamed(Pep440Version.POST) + "?";
    private static final String DEV = Pep440Version.unnamed(Pep440Version.DEV) + "?";
    private static final String LOCAL = "(?:" + Pep440Version.unnamed(Pep440Version.LOCAL) + ")?";

    /**
     * One specifier. {@code ===} takes any string; {@code ==} and {@code !=} also allow a {@code .*} prefix match or a
     * local label; {@code ~=} needs two release segments; ordering operators allow neither {@code .*} nor a local
     * label.
     */
    static final String SPECIFIER = "(?:"
            + "===\\s*[^\\s;)]*"
            + "|(?:==|!=)\\s*" + EPOCH_AND_RELEASE + "(?:\\.\\*|" + PRE + POST + DEV + LOCAL + ")"
            + "|~=\\s*v?" + EPOCH + "[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV
            + "|(?:<=|>=|<|>)\\s*" + EPOCH_AND_RELEASE + PRE + POST + DEV
            + ")";

    private static final Pattern ONE = Pattern.compile("\\s*" + SPECIFIER + "\\s*", Pattern.CASE_INSENSITIVE);

    private VersionSpecifiers() {}

    /**
     * Checks a specifier set such as {@code >=3.9,<4}.
     *
     * @return empty if valid, else the first invalid specifier
     */
    static Optional<String> invalidSpecifier(String set) {
        for (String part : set.split(",", -1)) {
            if (part.isBlank()) {
                continue; // packaging drops empty items: ">=3.9," is accepted
            }
            if (!ONE.matcher(part).matches()) {
                return Optional.of(part.strip());
            }
        }
        return Optional.empty();
    }
}
