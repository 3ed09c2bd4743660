package io.github.yogs0ddhoth.pypi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonBuildTest {
    @Test
    void copiesTheProjectButNotWhatEarlierBuildsLeftInIt(@TempDir Path tmp) throws Exception {
        Path from = tmp.resolve("python-build");
        write(from.resolve("pyproject.toml"), "[project]\n");
        write(from.resolve(".github/workflows/publish.yml"), "on: push\n");
        write(from.resolve("src/hello_build/__init__.py"), "");
        write(from.resolve("src/hello_build/__pycache__/__init__.cpython-311.pyc"), "stale");
        write(from.resolve("target/dist/hello_build-0.0.9.tar.gz"), "stale");
        write(from.resolve("build/lib/hello_build/__init__.py"), "stale");
        Path to = tmp.resolve("it/python-build");

        PythonBuild.copyProject(from, to);

        try (Stream<Path> files = Files.walk(to)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> to.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("pyproject.toml", ".github/workflows/publish.yml",
                            "src/hello_build/__init__.py");
        }
    }

    @Test
    void theEnvironmentsInterpreterIsWhereVenvPutsItOnThisSystem(@TempDir Path venv) {
        Path python = PythonBuild.venvPython(venv);

        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        assertThat(venv.relativize(python).toString().replace('\\', '/'))
                .isEqualTo(windows ? "Scripts/python.exe" : "bin/python");
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
