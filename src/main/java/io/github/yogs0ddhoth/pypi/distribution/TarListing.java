package io.github.yogs0ddhoth.pypi.distribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The member names of an sdist's tar as Python's tarfile reports them (directory names without their trailing
 * slash), which members are sparse, and which ones pip refuses to unpack. Collected by {@link SdistReader} in the
 * pass that reads PKG-INFO; no member data is kept.
 *
 * @param names every member name, in archive order
 * @param sparse the names of sparse members
 * @param outside the names of members that would land outside the directory the sdist is unpacked into: absolute, or
 *     climbing out with {@code ..}
 * @param special each device or FIFO member, and each link whose target is absolute or outside the archive, as
 *     {@code 'name' (what it is)}; names escaped for messages
 */
public record TarListing(List<String> names, List<String> sparse, List<String> outside, List<String> special)
        implements ArchiveListing {

    public TarListing {
        names = List.copyOf(names);
        sparse = List.copyOf(sparse);
        outside = List.copyOf(outside);
        special = List.copyOf(special);
    }

    /** Collects the listing one member at a time, in archive order. */
    static final class Collector {
        private final List<String> names = new ArrayList<>();
        private final List<String> sparse = new ArrayList<>();
        private final List<String> outside = new ArrayList<>();
        private final List<String> special = new ArrayList<>();

        void add(TarEntry entry) {
            String name = entry.name();
            // Python's tarfile strips the trailing slash of a directory's name; PyPI's lookups rely on that.
            if (entry.isDirectory()) {
                while (name.length() > 1 && name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
            }
            names.add(name);
            if (entry.sparse()) {
                sparse.add(name);
            }
            if (isAbsolute(name) || climbsOut(name)) {
                outside.add(name);
            }
            refusedByPip(entry).ifPresent(why -> special.add("'" + DisplayName.shortened(entry.name()) + "' (" + why
                    + ")"));
        }

        TarListing listing() {
            return new TarListing(names, sparse, outside, special);
        }
    }

    // What Python's tarfile 'data' filter refuses besides paths outside the destination, and so what pip (which
    // unpacks sdists with it) refuses: device and FIFO members, and links whose target is absolute or outside.
    private static Optional<String> refusedByPip(TarEntry entry) {
        if (entry.isCharacterDevice()) {
            return Optional.of("a character device");
        }
        if (entry.isBlockDevice()) {
            return Optional.of("a block device");
        }
        if (entry.isFifo()) {
            return Optional.of("a FIFO");
        }
        if (entry.isSymbolicLink() || entry.isHardLink()) {
            String target = entry.linkName();
            String kind = entry.isSymbolicLink() ? "a symbolic link" : "a hard link";
            if (isAbsolute(target)) {
                return Optional.of(kind + " to the absolute path '" + DisplayName.shortened(target) + "'");
            }
            // A symbolic link resolves from its own directory, a hard link from the archive root.
            String name = entry.name();
            int slash = name.endsWith("/") ? name.lastIndexOf('/', name.length() - 2) : name.lastIndexOf('/');
            String resolved = entry.isSymbolicLink() && slash >= 0 ? name.substring(0, slash + 1) + target : target;
            if (climbsOut(resolved)) {
                return Optional.of(kind + " to '" + DisplayName.shortened(target) + "', outside the archive");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a name is absolute where the archive may be unpacked: {@code /x}, and on Windows also {@code \\x} and
     * {@code C:x}. pip on Windows joins such a name to the target directory and gets the name itself.
     */
    public static boolean isAbsolute(String name) {
        return name.startsWith("/") || name.startsWith("\\")
                || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)));
    }

    /**
     * Whether a relative path, with its {@code ..} applied, ends up above where it starts. A backslash separates too:
     * on Windows, where pip unpacks and installs as well, {@code ..\\..\\x} climbs out as {@code ../../x} does.
     */
    public static boolean climbsOut(String path) {
        int depth = 0;
        for (String part : path.split("[/\\\\]")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** Whether a member of exactly this name exists, as {@code tarfile.getmember} looks it up. */
    public boolean contains(String name) {
        String wanted = name;
        while (wanted.length() > 1 && wanted.endsWith("/")) {
            wanted = wanted.substring(0, wanted.length() - 1);
        }
        return names.contains(wanted);
    }

    /**
     * The top-level directory as PyPI computes it: Python's {@code os.path.commonpath} of every member name (empty
     * and {@code .} components dropped). Empty when the members share no leading directory, which PyPI refuses.
     */
    public Optional<String> commonPath() {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> common = null;
        Boolean absolute = null;
        for (String name : names) {
            boolean isAbsolute = name.startsWith("/");
            if (absolute == null) {
                absolute = isAbsolute;
            } else if (absolute != isAbsolute) {
                return Optional.empty(); // commonpath refuses to mix absolute and relative paths
            }
            List<String> parts = new ArrayList<>();
            for (String part : name.split("/")) {
                if (!part.isEmpty() && !part.equals(".")) {
                    parts.add(part);
                }
            }
            if (common == null) {
                common = parts;
            } else {
                int i = 0;
                while (i < common.size() && i < parts.size() && common.get(i).equals(parts.get(i))) {
                    i++;
                }
                common = new ArrayList<>(common.subList(0, i));
            }
        }
        String path = (absolute ? "/" : "") + String.join("/", common);
        return path.isEmpty() || path.equals("/") ? Optional.empty() : Optional.of(path);
    }

    /** The distinct first path components, for a message about several top-level directories. */
    public Set<String> topLevelNames() {
        Set<String> tops = new LinkedHashSet<>();
        for (String name : names) {
            for (String part : name.split("/")) {
                if (!part.isEmpty() && !part.equals(".")) {
                    tops.add(part);
                    break;
                }
            }
        }
        return tops;
    }
}
