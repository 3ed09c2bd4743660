package io.github.yogs0ddhoth.pypi.maven;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's real standard output, for GitHub Actions workflow commands ({@code ::add-mask::} above all), which
 * the runner recognises only at the very start of a line. Maven 4 replaces {@code System.out} while a mojo runs and
 * logs what a plugin prints there as {@code [INFO] [stdout] ...}, which would turn every mask into an ordinary log
 * line that masks nothing; Maven 3 leaves {@code System.out} alone. Writing to file descriptor 1 behaves the same on
 * both. The stream is never closed: closing it would close the process's stdout.
 */
final class ProcessStdout {
    private ProcessStdout() {}

    static PrintStream open() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
}
