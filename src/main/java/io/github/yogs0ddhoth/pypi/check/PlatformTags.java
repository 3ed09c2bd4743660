package io.github.yogs0ddhoth.pypi.check;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wheel platform tags PyPI accepts, as its upload endpoint lists them: a fixed set (Windows, the legacy manylinux
 * tags, 32-bit ARM Linux), macOS by version and architecture, PEP 600 manylinux and PEP 656 musllinux by architecture,
 * iOS, Android and Pyodide. A platform needs an ABI specification before PyPI accepts binaries for it, which is why a
 * plain {@code linux_x86_64} is refused: it promises nothing beyond the machine it was built on.
 */
final class PlatformTags {

    private static final Set<String> FIXED = Set.of(
            "any", "win32", "win_arm64", "win_amd64", "win_ia64",
            "manylinux1_x86_64", "manylinux1_i686", "manylinux2010_x86_64", "manylinux2010_i686",
            "manylinux2014_x86_64", "manylinux2014_i686", "manylinux2014_aarch64", "manylinux2014_armv7l",
            "manylinux2014_ppc64", "manylinux2014_ppc64le", "manylinux2014_s390x",
            "linux_armv6l", "linux_armv7l");

    private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(.*)");
    private static final Set<String> MACOS_ARCHES = Set.of("ppc", "ppc64", "i386", "x86_64", "arm64", "intel", "fat",
            "fat3", "fat64", "universal", "universal2");
    // macOS 11 and later number releases by major version, so only X_0 exists; 10.x numbers by minor.
    private static final Set<String> MACOS_MAJORS = Set.of("11", "12", "13", "14", "15", "26");

    private static final Pattern IOS = Pattern.compile("ios_(\\d+)_(\\d+)_(.*)_(iphoneos|iphonesimulator)");
    private static final Set<String> IOS_ARCHES = Set.of("arm64", "x86_64");
    private static final Pattern ANDROID = Pattern.compile("android_(\\d+)_(.*)");
    private static final Set<String> ANDROID_ARCHES = Set.of("armeabi_v7a", "arm64_v8a", "x86", "x86_64");

    private static final Pattern LINUX = Pattern.compile("(many|musl)linux_(\\d+)_(\\d+)_(.*)");
    private static final Set<String> MUSLLINUX_ARCHES =
            Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64le", "s390x", "riscv64");
    private static final Set<String> MANYLINUX_ARCHES =
            Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64le", "s390x", "riscv64", "ppc64");
    private static final Pattern PYEMSCRIPTEN = Pattern.compile("pyemscripten_(\\d+)_(\\d+)_wasm32");

    private PlatformTags() {}

    /** Whether PyPI accepts wheels for {@code tag} (one tag, not a compressed set). */
    static boolean isAllowed(String tag) {
        if (FIXED.contains(tag)) {
            return true;
        }
        // Python's re.match anchors only at the start, so these patterns use lookingAt(), not matches().
        Matcher m = MACOS.matcher(tag);
        if (m.lookingAt() && MACOS_ARCHES.contains(m.group(3))
                && (m.group(1).equals("10") || MACOS_MAJORS.contains(m.group(1)) && m.group(2).equals("0"))) {
            return true;
        }
        m = LINUX.matcher(tag);
        if (m.lookingAt()) {
            return (m.group(1).equals("musl") ? MUSLLINUX_ARCHES : MANYLINUX_ARCHES).contains(m.group(4));
        }
        m = IOS.matcher(tag);
        if (m.lookingAt() && IOS_ARCHES.contains(m.group(3))) {
            return true;
        }
        m = ANDROID.matcher(tag);
        if (m.lookingAt() && ANDROID_ARCHES.contains(m.group(2))) {
            return true;
        }
        return PYEMSCRIPTEN.matcher(tag).lookingAt();
    }

    /** Whether {@code tag} is a plain Linux tag, built for one machine, that auditwheel could turn into manylinux. */
    static boolean isPlainLinux(String tag) {
        return tag.startsWith("linux_") && !FIXED.contains(tag);
    }
}
