package io.github.yogs0ddhoth.pypi.dist;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regular files under a directory, relative to it and in path order, plus the entries that could not be read.
 *
 * @param files paths relative to the root
 * @param unreadable entries the walk could not open, with the reason; listed so a user missing a file can see why
 */
record DirectoryWalk(List<Path> files, List<IgnoredFile> unreadable) {

    static DirectoryWalk of(Path root) throws DistributionException {
        // If the searched directory is itself a symbolic link, walk its target: the caller named it on purpose. Below
        // it, links to directories are not followed, so a link cannot pull in a tree twice or loop.
        Path start;
        try {
            start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            throw cannotSearch(root, e);
        }
        List<Path> files = new ArrayList<>();
        List<IgnoredFile> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Without FOLLOW_LINKS, attrs describe a link itself; a link to a regular file still counts.
                    if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                        files.add(start.relativize(file));
                    }
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
        files.sort(Comparator.comparing(DirectoryWalk::slashSeparated));
        return new DirectoryWalk(List.copyOf(files), List.copyOf(unreadable));
    }

    /** The path with {@code /} between its names on every platform, as include patterns are written. */
    static String slashSeparated(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    private static DistributionException cannotSearch(Path root, IOException e) {
        return new DistributionException("Cannot search " + root + " for distributions (" + Causes.describe(e)
                + "). Check that the directory and its subdirectories are readable.", e);
    }
}
