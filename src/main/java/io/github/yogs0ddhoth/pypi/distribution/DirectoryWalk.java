package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything under a directory, relative to it and in path order, each with what kind of thing it is, plus the entries
 * that could not be read.
 *
 * <p>Non-files are listed too, so that the finder can say "this matched your pattern but is a directory" instead of
 * silently passing over something the user meant to publish.
 *
 * @param entries paths relative to the root, with their kind
 * @param unreadable entries the walk could not open, with the reason; listed so a user missing a file can see why
 */
record DirectoryWalk(List<Entry> entries, List<IgnoredFile> unreadable) {

    // Linux's limit on links followed in one lookup; a longer chain is reported as a loop, as the kernel does.
    private static final int MAX_LINK_HOPS = 40;

    /** What a path is. A symbolic link to a regular file counts as a regular file: it is followed. */
    enum Kind {
        REGULAR_FILE,
        DIRECTORY,
        LINK_TO_DIRECTORY,
        DANGLING_LINK,
        /** A symbolic link that leads back to itself, directly or through other links: it names no file at all. */
        LINK_LOOP,
        OTHER
    }

    /** One path below the root. */
    record Entry(Path relative, Kind kind) {}

    static DirectoryWalk of(Path root) throws DistributionException {
        // If the searched directory is itself a symbolic link, walk its target: the caller named it on purpose. Below
        // it, links to directories are not followed, so a link cannot pull in a tree twice or loop.
        Path start;
        try {
            start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            throw cannotSearch(root, e);
        }
        List<Entry> entries = new ArrayList<>();
        List<IgnoredFile> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start)) {
                        entries.add(new Entry(start.relativize(dir), Kind.DIRECTORY));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    entries.add(new Entry(start.relativize(file), kindOf(file, attrs)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // One unreadable corner of a build directory should not hide the distributions elsewhere.
                    unreadable.add(new IgnoredFile(root.resolve(start.relativize(file)),
                            "could not be read (" + Causes.describe(e) + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw cannotSearch(root, e);
        }
        entries.sort(Comparator.comparing(e -> slashSeparated(e.relative())));
        return new DirectoryWalk(List.copyOf(entries), List.copyOf(unreadable));
    }

    // Without FOLLOW_LINKS, attrs describe a link itself; the Files checks below follow it to see what it points at.
    private static Kind kindOf(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
            return Kind.REGULAR_FILE;
        }
        if (attrs.isSymbolicLink()) {
            if (Files.isRegularFile(file)) {
                return Kind.REGULAR_FILE;
            }
            if (Files.isDirectory(file)) {
                return Kind.LINK_TO_DIRECTORY;
            }
            if (Files.exists(file)) {
                return Kind.OTHER;
            }
            return linkChain(file).loops() ? Kind.LINK_LOOP : Kind.DANGLING_LINK;
        }
        return attrs.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
    }

    /**
     * The links met when following {@code link}, each resolved against its own directory, up to the first path that is
     * not a link (or that was met before).
     *
     * @param paths the link itself, then each target in turn; for a loop, ending with the first path seen twice
     * @param loops whether the chain comes back to a path already in it
     */
    record LinkChain(List<Path> paths, boolean loops) {}

    // The kernel gives up after 40 links (ELOOP) without saying where the loop is; following the chain by hand names
    // every link in it, so the user sees which one to fix.
    static LinkChain linkChain(Path link) {
        List<Path> paths = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        for (int hops = 0; hops <= MAX_LINK_HOPS; hops++) {
            paths.add(current);
            if (!seen.add(current)) {
                return new LinkChain(List.copyOf(paths), true);
            }
            if (!Files.isSymbolicLink(current)) {
                return new LinkChain(List.copyOf(paths), false);
            }
            try {
                Path parent = current.getParent();
                Path target = Files.readSymbolicLink(current);
                current = (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
            } catch (IOException | UnsupportedOperationException e) {
                return new LinkChain(List.copyOf(paths), false);
            }
        }
        return new LinkChain(List.copyOf(paths), true); // as the kernel does: this many links is a loop
    }

    /** The path with {@code /} between its names on every platform, as include patterns are written. */
    static String slashSeparated(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    private static DistributionException cannotSearch(Path root, IOException e) {
        return new DistributionException("Cannot search " + DisplayName.of(root) + " for distributions (" + Causes.describe(e)
                + "). Check that the directory and its subdirectories are readable.", e);
    }
}
