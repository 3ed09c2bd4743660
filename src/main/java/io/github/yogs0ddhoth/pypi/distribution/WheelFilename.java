package io.github.yogs0ddhoth.pypi.distribution;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wheel file name, as defined by the binary distribution format specification:
 * {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
 *
 * <p>This is the grammar only. The parts are kept exactly as written (not normalised), because PyPI compares the raw
 * name and version parts against the archive ({@code <name>-<version>.dist-info/}) and against the metadata; those
 * checks belong to a validator, which needs the raw text to say what it saw.
 *
 * @param name the distribution name part, e.g. {@code my_project}
 * @param version the version part, e.g. {@code 1.0.post1}
 * @param buildTag the optional build tag (starts with a digit), or {@code null}
 * @param pythonTag the python tag, possibly a compressed set such as {@code py2.py3}
 * @param abiTag the ABI tag, e.g. {@code none} or {@code cp312}
 * @param platformTag the platform tag, possibly a compressed set such as
 *     {@code manylinux_2_17_x86_64.manylinux2014_x86_64}
 */
public record WheelFilename(
        String name, String version, String buildTag, String pythonTag, String abiTag, String platformTag) {

    // A tag is a run of [A-Za-z0-9_]; a compressed tag set joins several with '.', so no empty member is allowed.
    private static final String TAG_SET = "[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*";

    // Name and version are escaped by build tools so that they never contain '-'. The name alphabet is that of an
    // escaped project name. A PEP 440 version starts with a digit (packaging also tolerates a leading 'v'), and its
    // alphabet covers an epoch '!', a local part '+' and '_' from escaping. The build tag must start with a digit.
    // Requiring digits at both places is what rejects "my-pkg-1.0-py3-none-any.whl" (an unescaped name) instead of
    // reading it as name "my", version "pkg", build "1.0".
    private static final Pattern GRAMMAR = Pattern.compile("(?<name>[A-Za-z0-9._]+)"
            + "-(?<version>[vV]?[0-9][A-Za-z0-9._+!]*)"
            + "(?:-(?<build>[0-9][A-Za-z0-9._]*))?"
            + "-(?<python>" + TAG_SET + ")"
            + "-(?<abi>" + TAG_SET + ")"
            + "-(?<platform>" + TAG_SET + ")"
            + "\\.whl");

    public WheelFilename {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(pythonTag, "pythonTag");
        Objects.requireNonNull(abiTag, "abiTag");
        Objects.requireNonNull(platformTag, "platformTag");
    }

    /**
     * Splits a wheel file name into its parts.
     *
     * @param filename a bare file name (no directory), e.g. {@code numpy-2.1.0-cp312-cp312-win_amd64.whl}
     * @return the parts, or empty if the name does not follow the wheel file name grammar (wrong number of parts, a
     *     build tag that does not start with a digit, an empty part or tag, characters outside the grammar, or a
     *     suffix other than exactly {@code .whl})
     */
    public static Optional<WheelFilename> parse(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(filename);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WheelFilename(
                m.group("name"),
                m.group("version"),
                m.group("build"),
                m.group("python"),
                m.group("abi"),
                m.group("platform")));
    }

    /** The directory holding the wheel's metadata, named from the raw name and version parts, as PyPI looks for it. */
    public String distInfoDirectory() {
        return name + "-" + version + ".dist-info";
    }
}
