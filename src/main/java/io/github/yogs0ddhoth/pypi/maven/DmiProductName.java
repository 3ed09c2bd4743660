package io.github.yogs0ddhoth.pypi.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's DMI product name, the one host fact CI detection needs: Compute Engine VMs, GKE nodes and Cloud
 * Build workers set no distinguishing variable, but read {@code Google} here. Read by the mojo and passed in, so that
 * the core decides from values and a test decides nothing from the machine it runs on.
 */
final class DmiProductName {
    static final Path LINUX = Path.of("/sys/class/dmi/id/product_name");

    private DmiProductName() {}

    /** The stripped product name, or null where the file is absent or unreadable (every OS but Linux). */
    static String read(Path path) {
        if (path == null) {
            return null;
        }
        // sysfs reports a size of 4096 for every attribute, so read a bounded prefix rather than trusting it.
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }
}
