package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the wheels and sdists under a directory and reads their core metadata.
 *
 * <p>The directory is searched recursively; each path relative to it is matched against Ant-style include and exclude
 * patterns (excludes win). A matched {@code .whl} must be a readable wheel and a matched {@code .tar.gz} that is an
 * sdist must be readable: the user asked for those files, so each one that is not becomes a {@link FileProblem}. A
 * matched tarball that is not an sdist, or a file of another kind, is reported as ignored. Finding nothing is an
 * error, since a publish that uploads nothing is almost always a build that ran in the wrong order.
 */
public final class DistributionFinder {

    /** Used when no include pattern is given: every wheel and sdist, at any depth, comma-separated as Maven takes it. */
    public static final String DEFAULT_INCLUDES_VALUE = "**/*.whl,**/*.tar.gz";
    /** {@link #DEFAULT_INCLUDES_VALUE} as a list. */
    public static final List<String> DEFAULT_INCLUDES = List.of(DEFAULT_INCLUDES_VALUE.split(","));

    private static final int SHOWN_IGNORED = 20;
    // Ends every "nothing to upload" message: the usual cause is a build that ran in the wrong order.
    private static final String HINT = "Build the wheel and sdist before the deploy phase (for example with"
            + " 'python -m build' bound to an earlier phase, writing into this directory), or set packagesDirectory to"
            + " the directory that holds them.";

    private static final Comparator<Distribution> UPLOAD_ORDER = Comparator
            // Wheels before sdists, as twine and uv upload: an index never shows a release with only its sdist.
            .comparing((Distribution d) -> d.type() == DistributionType.WHEEL ? 0 : 1)
            .thenComparing(Distribution::filename)
            .thenComparing(Distribution::path);

    private final WheelReader wheels;
    private final SdistReader sdists;

    public DistributionFinder() {
        this(MetadataLimit.DEFAULT);
    }

    /** With another metadata cap, so tests need not write 16 MiB files to exercise it. */
    DistributionFinder(MetadataLimit limit) {
        this(limit, TarMembers.MAX);
    }

    /** With another cap on tar members too. */
    DistributionFinder(MetadataLimit limit, int maxTarMembers) {
        this.wheels = new WheelReader(limit);
        this.sdists = new SdistReader(limit, maxTarMembers);
    }

    /**
     * Searches {@code directory} and reads every distribution found, collecting the matched files that cannot be read
     * instead of stopping at the first.
     *
     * <p>A matched directory named like a distribution, a link to a directory, a dangling link or a special file, an
     * unreadable file, a corrupt archive, a {@code .whl} whose name does not parse, and metadata that is too large or
     * not UTF-8 each become a {@link FileProblem} naming the file. A symbolic link to a regular file is followed and
     * read like the file itself: links are how some builds stage their outputs.
     *
     * @param directory the directory to search recursively; symbolic links to directories are not followed
     * @param includes Ant-style patterns relative to {@code directory}, such as {@code **}{@code /*.whl}; null or
     *     empty means {@code **}{@code /*.whl} and {@code **}{@code /*.tar.gz}
     * @param excludes patterns of files to leave out even if included; may be null or empty
     * @return the distributions (wheels first, then sdists, each by file name), the matched files that were ignored,
     *     and the matched files that are broken
     * @throws DistributionException if the directory does not exist or cannot be searched, or nothing was matched that
     *     is or should have been a distribution
     */
    public DiscoveryResult discover(Path directory, List<String> includes, List<String> excludes)
            throws DistributionException {
        Objects.requireNonNull(directory, "directory");
        Path root = directory.toAbsolutePath().normalize();
        List<AntPattern> includePatterns = compile(includes);
        if (includePatterns.isEmpty()) {
            includePatterns = compile(DEFAULT_INCLUDES);
        }
        List<AntPattern> excludePatterns = compile(excludes);

        if (!Files.isDirectory(root)) {
            throw new DistributionException("No distributions to upload: the directory " + DisplayName.of(root)
                    + (Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? " is not a directory" : " does not exist")
                    + " (includes " + includePatterns + ", excludes " + excludePatterns + "). " + HINT);
        }

        List<Distribution> found = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        DirectoryWalk walk = DirectoryWalk.of(root);
        ignored.addAll(walk.unreadable());
        for (DirectoryWalk.Entry entry : walk.entries()) {
            String relativePath = DirectoryWalk.slashSeparated(entry.relative());
            Optional<AntPattern> include = firstMatch(includePatterns, relativePath);
            if (include.isEmpty()) {
                continue;
            }
            Path file = root.resolve(entry.relative());
            // A pattern such as "dist/" matches the directory itself; only a directory named like a distribution
            // looks like something the user meant to publish.
            if (entry.kind() == DirectoryWalk.Kind.DIRECTORY && !namedLikeADistribution(file)) {
                continue;
            }
            Optional<AntPattern> exclude = firstMatch(excludePatterns, relativePath);
            if (exclude.isPresent()) {
                if (entry.kind() == DirectoryWalk.Kind.REGULAR_FILE) {
                    ignored.add(IgnoredFile.excluded(file, "matches include '" + include.get() + "' but is excluded"
                            + " by '" + exclude.get() + "'"));
                }
                continue;
            }
            if (entry.kind() != DirectoryWalk.Kind.REGULAR_FILE) {
                problems.add(notAFile(file, entry.kind(), include.get()));
                continue;
            }
            try {
                Inspection inspection = inspect(file);
                if (inspection instanceof Inspection.Accepted accepted) {
                    found.add(accepted.distribution());
                } else if (inspection instanceof Inspection.Ignored skipped) {
                    ignored.add(skipped.file());
                }
            } catch (DistributionException e) {
                problems.add(new FileProblem(file, e.kind(), e.getMessage(), e, e.framing().orElse(null)));
            }
        }

        ignored.sort(Comparator.comparing(f -> f.path().toString()));
        problems.sort(Comparator.comparing(p -> p.path().toString()));
        if (found.isEmpty() && problems.isEmpty()) {
            throw new DistributionException(nothingFound(root, includePatterns, excludePatterns, ignored));
        }
        found.sort(UPLOAD_ORDER);
        return new DiscoveryResult(found, ignored, problems);
    }

    private Inspection inspect(Path file) throws DistributionException {
        String filename = file.getFileName().toString();
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            WheelFilename wheelName = WheelFilename.parse(filename).orElseThrow(() -> invalidWheelName(file));
            checkReadable(file);
            return new Inspection.Accepted(wheels.read(file, wheelName));
        }
        if (lower.endsWith(".tar.gz")) {
            checkReadable(file);
            return sdists.inspect(file);
        }
        return new Inspection.Ignored(new IgnoredFile(file, notADistribution(lower)));
    }

    // Opening and reading one byte first tells "cannot read" (permissions, I/O errors) apart from "corrupt", which the
    // archive readers would otherwise report for both.
    private static void checkReadable(Path file) throws DistributionException {
        try (InputStream in = Files.newInputStream(file)) {
            in.read();
        } catch (IOException e) {
            throw new DistributionException(FileProblem.Kind.UNREADABLE, "Cannot read " + DisplayName.of(file) + " ("
                    + Causes.describe(e) + "). It matches the include patterns, so it was meant to be published."
                    + " Check that the user running Maven may read it and that no other process is still writing it,"
                    + " or exclude it.", e);
        }
    }

    private static boolean namedLikeADistribution(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".whl") || lower.endsWith(".tar.gz");
    }

    private static FileProblem notAFile(Path file, DirectoryWalk.Kind kind, AntPattern include) {
        String what = switch (kind) {
            case DIRECTORY -> "is a directory";
            case LINK_TO_DIRECTORY -> "is a symbolic link to a directory (" + linkTarget(file) + ")";
            case DANGLING_LINK -> "is a symbolic link to " + linkTarget(file) + ", which does not exist";
            case LINK_LOOP -> "is a symbolic link that loops (" + loop(file) + "), so it names no file";
            default -> "is not a regular file (a pipe, socket or device)";
        };
        return new FileProblem(file, FileProblem.Kind.NOT_A_REGULAR_FILE, "Cannot upload " + DisplayName.of(file) + ": it " + what
                + ", but it matches the include pattern '" + include + "'. A wheel or sdist is a single regular file"
                + " (a symbolic link to one is followed). Remove or rename it, point the link at the built file, or"
                + " exclude it.");
    }

    private static String loop(Path link) {
        List<Path> chain = DirectoryWalk.linkChain(link).paths();
        Path dir = link.toAbsolutePath().normalize().getParent();
        return String.join(" -> ", chain.stream()
                .map(p -> DisplayName.of(dir != null && p.startsWith(dir) ? dir.relativize(p) : p))
                .toList());
    }

    private static String linkTarget(Path link) {
        try {
            return DisplayName.of(String.valueOf(Files.readSymbolicLink(link)));
        } catch (IOException | UnsupportedOperationException e) {
            return "an unknown target";
        }
    }

    private static String notADistribution(String lowerCaseName) {
        if (lowerCaseName.endsWith(".zip")) {
            return "a .zip file: PyPI accepts only wheels (.whl) and .tar.gz sdists; .zip sdists are refused (PEP 625)";
        }
        if (lowerCaseName.endsWith(".egg") || lowerCaseName.endsWith(".exe") || lowerCaseName.endsWith(".msi")) {
            return "an egg or Windows installer: PyPI no longer accepts these; upload wheels (.whl) instead";
        }
        return "not a wheel (.whl) or an sdist (.tar.gz)";
    }

    private static DistributionException invalidWheelName(Path file) {
        return new DistributionException(FileProblem.Kind.INVALID_WHEEL_FILENAME, "Cannot upload " + DisplayName.of(file) + ": '"
                + DisplayName.of(file.getFileName()) + "' is not a valid"
                + " wheel file name. Expected '{name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform"
                + " tag}.whl', for example 'my_project-1.0-py3-none-any.whl': name and version contain no '-', a build"
                + " tag starts with a digit, and tags are letters, digits and '_' (several joined with '.'). Keep the"
                + " name the build backend gave the wheel (PyPI reads the tags from it), or exclude the file.", null);
    }

    private static String nothingFound(
            Path root, List<AntPattern> includes, List<AntPattern> excludes, List<IgnoredFile> ignored) {
        StringBuilder message = new StringBuilder("No distributions to upload: found no wheel or sdist in ")
                .append(DisplayName.of(root))
                .append(" (searched recursively with includes ")
                .append(includes)
                .append(", excludes ")
                .append(excludes)
                .append(").");
        if (ignored.isEmpty()) {
            message.append(" No file matched the include patterns. ");
        } else {
            message.append(" Ignored ").append(ignored.size()).append(ignored.size() == 1 ? " file:" : " files:");
            ignored.stream()
                    .limit(SHOWN_IGNORED)
                    .forEach(f -> message.append("\n  - ").append(DisplayName.of(f.path())).append(": ").append(f.reason()));
            if (ignored.size() > SHOWN_IGNORED) {
                message.append("\n  - ... and ").append(ignored.size() - SHOWN_IGNORED).append(" more");
            }
            message.append('\n');
        }
        return message.append(HINT).toString();
    }

    private static List<AntPattern> compile(List<String> patterns) {
        if (patterns == null) {
            return List.of();
        }
        return patterns.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(AntPattern::compile)
                .toList();
    }

    private static Optional<AntPattern> firstMatch(List<AntPattern> patterns, String relativePath) {
        return patterns.stream().filter(p -> p.matches(relativePath)).findFirst();
    }

}
