package io.github.yogs0ddhoth.pypi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Python that can build the python-build sample with no network: {@code build} and {@code hatchling>=1.27}
 * importable, so the IT runs {@code python -m build --no-isolation}. An isolated build would install hatchling
 * from a package index twice per build (sdist, then the wheel from it), and PyPI is not reachable from every
 * machine that runs the ITs.
 *
 * <p>The interpreter is a virtual environment in the outer build's {@code target/}, made once and shared by the
 * IT's runs on every Maven. It sees the system's packages, so where the system Python already has both (Debian 13's
 * {@code python3-build} and {@code python3-hatchling}) nothing is installed; otherwise pip installs what is missing
 * from the package index pip is configured with. Debian 12's {@code python3-hatchling} is 1.12, too old for
 * Metadata 2.4.
 */
public final class PythonBuild {
    static final String MINIMUM_HATCHLING = "1.27";
    private static final long TIMEOUT_SECONDS = 300;
    private static final Set<String> NOT_COPIED = Set.of("target", "build", "dist", "__pycache__");

    private PythonBuild() {}

    /** The interpreter of the shared environment in {@code venv}, made or completed as needed. */
    public static Path interpreter(Path venv) {
        Path python = venvPython(venv);
        if (Files.isExecutable(python) && ready(python.toString())) {
            return python;
        }
        String base = basePython();
        run(List.of(base, "-m", "venv", "--system-site-packages", venv.toString()), "create a virtual environment"
                + " (on Debian: apt-get install python3-venv)");
        if (!ready(python.toString())) {
            run(List.of(python.toString(), "-m", "pip", "install", "--disable-pip-version-check", "--retries", "1",
                    "--timeout", "30", "build>=1", "hatchling>=" + MINIMUM_HATCHLING),
                    "install build and hatchling>=" + MINIMUM_HATCHLING + " from pip's package index");
        }
        if (!ready(python.toString())) {
            throw new IllegalStateException(python + " still cannot import build and hatchling>=" + MINIMUM_HATCHLING
                    + " after pip installed them; see the output above");
        }
        return python;
    }

    /** Copies a Python project, leaving out what earlier builds left in it. */
    public static void copyProject(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    static Path venvPython(Path venv) {
        return windows() ? venv.resolve("Scripts").resolve("python.exe") : venv.resolve("bin").resolve("python");
    }

    /** Whether this interpreter can run {@code python -m build --no-isolation} on a hatchling>=1.27 project. */
    static boolean ready(String python) {
        String probe = "import build, hatchling.build\n"
                + "from importlib.metadata import version\n"
                + "from packaging.version import Version\n"
                + "raise SystemExit(0 if Version(version('hatchling')) >= Version('" + MINIMUM_HATCHLING + "') else 3)";
        return exec(List.of(python, "-c", probe)).exitCode() == 0;
    }

    private static String basePython() {
        List<String> tried = new ArrayList<>();
        for (String candidate : windows() ? List.of("python", "python3", "py") : List.of("python3", "python")) {
            Result r = exec(List.of(candidate, "-c", "import sys, venv; raise SystemExit(0 if sys.version_info >= (3, 9)"
                    + " else 3)"));
            if (r.exitCode() == 0) {
                return candidate;
            }
            tried.add(candidate + " (" + (r.exitCode() < 0 ? "not found" : "exit " + r.exitCode() + ": "
                    + r.output().strip()) + ")");
        }
        throw new IllegalStateException("No Python 3.9+ with the venv module found for the python-build IT; tried "
                + String.join(", ", tried) + ". Install Python 3 (on Debian: apt-get install python3 python3-venv).");
    }

    private static void run(List<String> command, String purpose) {
        Result r = exec(command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("Could not " + purpose + ": " + String.join(" ", command) + " exited with "
                    + r.exitCode() + ":\n" + r.output());
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result exec(List<String> command) {
        try {
            Path log = Files.createTempFile("python-build-it", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(124, "timed out after " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Result(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(windows() ? "NUL" : "/dev/null");
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
