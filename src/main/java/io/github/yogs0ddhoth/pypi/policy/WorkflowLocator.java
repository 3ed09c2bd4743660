package io.github.yogs0ddhoth.pypi.policy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the CI definitions the policy reads: {@code .github/workflows/*.yml|*.yaml} and {@code .gitlab-ci.yml} in
 * the repository's root, the nearest directory at or above the start directory that holds {@code .git} (a directory,
 * or a file as in worktrees and submodules).
 */
final class WorkflowLocator {
    private WorkflowLocator() {
    }

    /**
     * The CI files found.
     *
     * @param root the repository root the files were found in (or the override directory), {@code null} if none
     * @param gitHubWorkflows the GitHub workflow files, sorted by name
     * @param gitLabCi the {@code .gitlab-ci.yml}, {@code null} if absent
     * @param searched what was searched, for messages
     */
    public record CiFiles(Path root, List<Path> gitHubWorkflows, Path gitLabCi, String searched) {
        public CiFiles {
            gitHubWorkflows = List.copyOf(gitHubWorkflows);
        }

        public boolean isEmpty() {
            return gitHubWorkflows.isEmpty() && gitLabCi == null;
        }

        /** Every file, GitHub workflows first. */
        public List<Path> all() {
            List<Path> all = new ArrayList<>(gitHubWorkflows);
            if (gitLabCi != null) {
                all.add(gitLabCi);
            }
            return all;
        }

        /** How a file is named in findings: relative to the root, with forward slashes. */
        public String display(Path file) {
            Path rel = root != null && file.startsWith(root) ? root.relativize(file) : file;
            return rel.toString().replace('\\', '/');
        }
    }

    /**
     * Locates the CI files.
     *
     * @param start where to start walking up (the project's basedir)
     * @param override {@code pypi.workflowsDirectory}, or {@code null}: when given, it replaces the search. It may
     *     be the repository root, or a directory holding the workflow files themselves (such as
     *     {@code .github/workflows}); a {@code .gitlab-ci.yml} in it is read too
     */
    public static CiFiles locate(Path start, Path override) throws IOException {
        if (override != null) {
            Path dir = override.toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IOException("pypi.workflowsDirectory " + dir + " is not a directory");
            }
            Path nested = dir.resolve(".github").resolve("workflows");
            if (Files.isDirectory(nested)) {
                return found(dir, nested, "pypi.workflowsDirectory " + dir);
            }
            return found(dir, dir, "pypi.workflowsDirectory " + dir);
        }
        Path root = repositoryRoot(start);
        if (root == null) {
            return new CiFiles(null, List.of(), null, "no directory holding .git at or above "
                    + start.toAbsolutePath().normalize());
        }
        return found(root, root.resolve(".github").resolve("workflows"), "repository root " + root);
    }

    /** The nearest directory at or above {@code start} that holds {@code .git}, or {@code null}. */
    public static Path repositoryRoot(Path start) {
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return null;
    }

    /**
     * The regular file at {@code relative} (segments separated by {@code /}) below {@code root}, spelled exactly so,
     * or {@code null}. GitHub, GitLab and PyPI compare paths by their characters, while Windows and macOS find
     * {@code Publish.yml} when asked for {@code publish.yml}: each segment is looked up in its directory's listing,
     * so every OS gives the answer CI will. A path that climbs out of {@code root}, or that the file system cannot
     * even name (Windows refuses {@code <>:"|?*}, every OS a NUL), names no file.
     */
    static Path exactFile(Path root, String relative) {
        return onDisk(root, relative, false);
    }

    /**
     * The path below {@code root} that names a file only when case is ignored, as {@code relative} would find on a
     * case-insensitive file system, spelled as on disk (for "did you mean"); {@code null} if there is none.
     */
    static String caseTwin(Path root, String relative) {
        Path found = onDisk(root, relative, true);
        if (found == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        root.relativize(found).forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    // The regular file below root that relative names, segment by segment as the directories list them.
    private static Path onDisk(Path root, String relative, boolean ignoreCase) {
        Path current = root;
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            String found = segment.equals("..") || !Files.isDirectory(current) ? null
                    : entry(current, segment, ignoreCase);
            if (found == null) {
                return null;
            }
            current = current.resolve(found);
        }
        return current != root && Files.isRegularFile(current) ? current : null;
    }

    // The entry of dir named name (exactly, or ignoring case), as the directory lists it.
    private static String entry(Path dir, String name, boolean ignoreCase) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (ignoreCase ? n.equalsIgnoreCase(name) : n.equals(name)) {
                    return n;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static CiFiles found(Path root, Path workflowsDir, String searched) throws IOException {
        List<Path> workflows = new ArrayList<>();
        if (Files.isDirectory(workflowsDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(workflowsDir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if ((n.endsWith(".yml") || n.endsWith(".yaml")) && !n.equals(".gitlab-ci.yml")
                            && Files.isRegularFile(p)) {
                        workflows.add(p);
                    }
                }
            }
        }
        workflows.sort(null);
        return new CiFiles(root, workflows, exactFile(root, ".gitlab-ci.yml"), searched);
    }
}
