package io.github.yogs0ddhoth.pypi.dist;

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
 * <p>The directory is searched recursively; each regular file's path relative to it is matched against Ant-style
 * include and exclude patterns (excludes win). A matched {@code .whl} must be a readable wheel and a matched
 * {@code .tar.gz} that is an sdist must be readable, or the search fails: the user asked for those files. A matched
 * tarball that is not an sdist, or a file of another kind, is reported as ignored. Finding nothing is an error, since
 * a publish that uploads nothing is almost always a build that ran in the wrong order.
 */
public final class DistributionFinder {

    /** Used when no include pattern is given: every wheel and sdist, at any depth. */
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.whl", "**/*.tar.gz");

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
        this.wheels = new WheelReader(limit);
        this.sdists = new SdistReader(limit);
    }

    /**
     * Searches {@code directory} and reads every distribution found.
     *
     * @param directory the directory to search recursively; symbolic links to directories are not followed
     * @param includes Ant-style patterns relative to {@code directory}, such as {@code **}{@code /*.whl}; null or
     *     empty means {@code **}{@code /*.whl} and {@code **}{@code /*.tar.gz}
     * @param excludes patterns of files to leave out even if included; may be null or empty
     * @return the distributions (wheels first, then sdists, each by file name) and the matched files that were ignored
     * @throws DistributionException if the directory does not exist, nothing uploadable was found, or a matched wheel
     *     or sdist cannot be read
     */
    public DiscoveryResult find(Path directory, List<String> includes, List<String> excludes)
            throws DistributionException {
        Objects.requireNonNull(directory, "directory");
        Path root = directory.toAbsolutePath().normalize();
        List<AntPattern> includePatterns = compile(includes);
        if (includePatterns.isEmpty()) {
            includePatterns = compile(DEFAULT_INCLUDES);
        }
        List<AntPattern> excludePatterns = compile(excludes);

        if (!Files.isDirectory(root)) {
            throw new DistributionException("No distributions to upload: the directory " + root
                    + (Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? " is not a directory" : " does not exist")
                    + " (includes " + includePatterns + ", excludes " + excludePatterns + "). " + HINT);
        }

        List<Distribution> found = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        DirectoryWalk walk = DirectoryWalk.of(root);
        ignored.addAll(walk.unreadable());
        for (Path relative : walk.files()) {
            String relativePath = DirectoryWalk.slashSeparated(relative);
            Optional<AntPattern> include = firstMatch(includePatterns, relativePath);
            if (include.isEmpty()) {
                continue;
            }
            Path file = root.resolve(relative);
            Optional<AntPattern> exclude = firstMatch(excludePatterns, relativePath);
            if (exclude.isPresent()) {
                ignored.add(new IgnoredFile(file, "matches include '" + include.get() + "' but is excluded by '"
                        + exclude.get() + "'"));
                continue;
            }
            Inspection inspection = inspect(file);
            if (inspection instanceof Inspection.Accepted accepted) {
                found.add(accepted.distribution());
            } else if (inspection instanceof Inspection.Ignored skipped) {
                ignored.add(skipped.file());
            }
        }

        ignored.sort(Comparator.comparing(f -> f.path().toString()));
        if (found.isEmpty()) {
            throw new DistributionException(nothingFound(root, includePatterns, excludePatterns, ignored));
        }
        found.sort(UPLOAD_ORDER);
        return new DiscoveryResult(found, ignored);
    }

    private Inspection inspect(Path file) throws DistributionException {
        String filename = file.getFileName().toString();
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            WheelFilename wheelName = WheelFilename.parse(filename).orElseThrow(() -> invalidWheelName(file));
            return new Inspection.Accepted(wheels.read(file, wheelName));
        }
        if (lower.endsWith(".tar.gz")) {
            return sdists.inspect(file);
        }
        return new Inspection.Ignored(new IgnoredFile(file, notADistribution(lower)));
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
        return new DistributionException("Cannot upload " + file + ": '" + file.getFileName() + "' is not a valid"
                + " wheel file name. Expected '{name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform"
                + " tag}.whl', for example 'my_project-1.0-py3-none-any.whl': name and version contain no '-', a build"
                + " tag starts with a digit, and tags are letters, digits and '_' (several joined with '.'). Keep the"
                + " name the build backend gave the wheel (PyPI reads the tags from it), or exclude the file.");
    }

    private static String nothingFound(
            Path root, List<AntPattern> includes, List<AntPattern> excludes, List<IgnoredFile> ignored) {
        StringBuilder message = new StringBuilder("No distributions to upload: found no wheel or sdist in ")
                .append(root)
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
                    .forEach(f -> message.append("\n  - ").append(f.path()).append(": ").append(f.reason()));
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
