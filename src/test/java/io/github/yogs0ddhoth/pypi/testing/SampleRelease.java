package io.github.yogs0ddhoth.pypi.testing;

import java.nio.file.Path;

/** A realistic two-file release (a wheel and an sdist of demo-pkg 1.0.0), for unit tests and invoker ITs. */
public final class SampleRelease {
    public static final String WHEEL = "demo_pkg-1.0.0-py3-none-any.whl";
    public static final String SDIST = "demo_pkg-1.0.0.tar.gz";

    public static final String METADATA = "Metadata-Version: 2.4\n"
            + "Name: demo_pkg\n"
            + "Version: 1.0.0\n"
            + "Summary: A demonstration package – with non-ASCII ✓\n"
            + "Author-email: Jürgen Müller <jm@example.org>\n"
            + "License-Expression: MIT\n"
            + "License-File: LICENSE\n"
            + "Project-URL: Homepage, https://example.org/demo\n"
            + "Project-URL: Source, https://github.com/octo-org/octo-repo\n"
            + "Keywords: demo,example\n"
            + "Classifier: Programming Language :: Python :: 3\n"
            + "Classifier: Operating System :: OS Independent\n"
            + "Requires-Dist: requests>=2.31\n"
            + "Requires-Dist: rich; extra == \"cli\"\n"
            + "Provides-Extra: cli\n"
            + "Requires-Python: >=3.9\n"
            + "Description-Content-Type: text/markdown\n"
            + "\n"
            + "# demo-pkg\n\nA demonstration package.\n";

    private SampleRelease() {}

    /** Writes the wheel and the sdist into {@code dir} (created if needed). */
    public static final byte[] LICENSE = "MIT License\n\nCopyright (c) 2026 Jürgen Müller\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Writes the wheel and the sdist into {@code dir} (created if needed), each with its declared LICENSE. */
    public static void write(Path dir) {
        wheel(dir);
        sdist(dir);
    }

    public static Path wheel(Path dir) {
        return TestDistributions.wheel(dir, WHEEL, METADATA,
                java.util.Map.of("demo_pkg-1.0.0.dist-info/licenses/LICENSE", LICENSE));
    }

    public static Path sdist(Path dir) {
        return TestDistributions.sdist(dir, SDIST, "demo_pkg-1.0.0", METADATA, java.util.Map.of("LICENSE", LICENSE));
    }
}
