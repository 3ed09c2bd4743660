package io.github.yogs0ddhoth.pypi.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as PEP 440 (the version specifiers specification) defines it, parsed the way {@code packaging.version}
 * parses it: leniently (a leading {@code v}, {@code -}/{@code _}/{@code .} separators, spelled-out pre-release
 * letters, implicit numbers, case-insensitive) and normalised on output.
 *
 * <p>Equality is PEP 440 equality, not string equality: {@code 1.0 == 1.0.0 == v1.0}, and {@code 1.0a == 1.0a0}. That
 * is how PyPI compares the version in a file name with the one in the metadata, and how it groups files into one
 * release. {@link #compareTo} is PEP 440 ordering and consistent with {@link #equals}.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    // The parts of packaging's VERSION_PATTERN (the permissive spelling PEP 440 says tools should accept), one group
    // each. VersionSpecifiers and DependencySpecifier embed them through unnamed(), so a version is spelled one way.
    static final String EPOCH = "(?<epoch>[0-9]+)!";
    static final String RELEASE = "(?<release>[0-9]+(?:\\.[0-9]+)*)";
    static final String PRE = "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)";
    static final String POST =
            "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))";
    static final String DEV = "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)";
    static final String LOCAL = "\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*)";

    private static final Pattern GRAMMAR = Pattern.compile(
            "\\s*v?(?:" + EPOCH + ")?" + RELEASE + PRE + "?" + POST + "?" + DEV + "?(?:" + LOCAL + ")?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<[A-Za-z][A-Za-z0-9]*>");

    /** A part above without its group names, to embed in a larger pattern that may hold the same part twice. */
    static String unnamed(String part) {
        return GROUP_NAME.matcher(part).replaceAll("(?:");
    }

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String preLetter; // a, b or rc; null if not a pre-release
    private final BigInteger preNumber;
    private final BigInteger post; // null if not a post-release
    private final BigInteger dev; // null if not a development release
    private final List<Object> local; // BigInteger or lower-case String segments; empty if none

    private Pep440Version(BigInteger epoch, List<BigInteger> release, String preLetter, BigInteger preNumber,
            BigInteger post, BigInteger dev, List<Object> local) {
        this.epoch = epoch;
        this.release = release;
        this.preLetter = preLetter;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** Parses {@code text}, or returns empty if it is not a PEP 440 version. */
    public static Optional<Pep440Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLetter = null;
        BigInteger preNumber = null;
        if (m.group("pre") != null) {
            preLetter = canonicalPreLetter(m.group("preL").toLowerCase(Locale.ROOT));
            preNumber = number(m.group("preN"));
        }
        BigInteger post = null;
        if (m.group("post") != null) {
            post = number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
        }
        BigInteger dev = m.group("dev") == null ? null : number(m.group("devN"));
        List<Object> local = new ArrayList<>();
        if (m.group("local") != null) {
            for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                local.add(part.chars().allMatch(Character::isDigit) ? new BigInteger(part) : part);
            }
        }
        return Optional.of(new Pep440Version(epoch, List.copyOf(release), preLetter, preNumber, post, dev,
                List.copyOf(local)));
    }

    private static String canonicalPreLetter(String letter) {
        return switch (letter) {
            case "alpha" -> "a";
            case "beta" -> "b";
            case "c", "pre", "preview" -> "rc";
            default -> letter;
        };
    }

    // An implicit number (1.0a, 1.0.post, 1.0.dev) is 0.
    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** Whether there is a local version label ({@code +...}), which PyPI refuses. */
    public boolean isLocal() {
        return !local.isEmpty();
    }

    /** Whether this is a post-release ({@code .postN}). */
    public boolean isPostRelease() {
        return post != null;
    }

    /** The version without its local label: what to publish instead of a local version. */
    public Pep440Version withoutLocal() {
        return new Pep440Version(epoch, release, preLetter, preNumber, post, dev, List.of());
    }

    /** The local label as normalised ({@code ubuntu.1}), or empty. */
    public String localLabel() {
        StringBuilder sb = new StringBuilder();
        for (Object part : local) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /**
     * The normalised form, as {@code str(packaging.version.Version(...))} gives it: {@code 1.0rc1}, {@code 2!1.0.post2},
     * {@code 1.0.dev0}, {@code 1.0+ubuntu.1}. Trailing zeros of the release are kept ({@code 1.0} stays {@code 1.0}).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release.get(i));
        }
        if (preLetter != null) {
            sb.append(preLetter).append(preNumber);
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            sb.append('+').append(localLabel());
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Pep440Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(significantRelease(), other.significantRelease());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), other.preRank());
        if (c == 0 && preLetter != null) {
            c = preLetter.compareTo(other.preLetter);
            if (c == 0) {
                c = preNumber.compareTo(other.preNumber);
            }
        }
        if (c != 0) {
            return c;
        }
        // No post-release sorts before any post-release.
        c = compareNullable(post, other.post, -1);
        if (c != 0) {
            return c;
        }
        // No dev release sorts after any dev release.
        c = compareNullable(dev, other.dev, 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, other.local);
    }

    // packaging's _cmpkey: a dev release without pre or post sorts before every pre-release of the same release (-1);
    // a version without a pre-release sorts after all of them (+1); a pre-release ranks by letter and number (0).
    private int preRank() {
        if (preLetter == null && post == null && dev != null) {
            return -1;
        }
        return preLetter == null ? 1 : 0;
    }

    private static int compareNullable(BigInteger a, BigInteger b, int nullRank) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return nullRank;
        }
        if (b == null) {
            return -nullRank;
        }
        return a.compareTo(b);
    }

    // Release segments compare as if padded with zeros, so trailing zeros do not count: 1.0 == 1.0.0.
    private List<BigInteger> significantRelease() {
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // No local label sorts first; numeric segments sort after alphanumeric ones; a longer label wins a tie.
    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof BigInteger) {
                c = 1;
            } else if (y instanceof BigInteger) {
                c = -1;
            } else {
                c = ((String) x).compareTo((String) y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pep440Version that && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, significantRelease(), preRank(), preLetter, preNumber, post, dev, local);
    }

    /** The release segment as written after normalisation, e.g. {@code [1, 0]} for {@code 1.0}. */
    List<BigInteger> release() {
        return Collections.unmodifiableList(release);
    }
}
