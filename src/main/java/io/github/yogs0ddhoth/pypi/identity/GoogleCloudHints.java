package io.github.yogs0ddhoth.pypi.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decides, without any network call, whether this build may run on Google Cloud. The metadata server is only ever
 * contacted when one of these says so, so a build elsewhere never waits on a host that does not exist:
 * <ul>
 *   <li>{@code GCE_METADATA_HOST}: the explicit override of the metadata server's address (also what emulators and
 *       tests set);</li>
 *   <li>{@code K_SERVICE} (Cloud Run services and Cloud Run functions) and {@code CLOUD_RUN_JOB} (Cloud Run jobs),
 *       which Google sets in every container it runs there;</li>
 *   <li>{@code GOOGLE_CLOUD_PROJECT}, set in Cloud Shell and by many Google runtimes (and sometimes by hand on a
 *       workstation, where the probe then fails quickly with a clear message);</li>
 *   <li>the DMI product name {@code /sys/class/dmi/id/product_name} reading {@code Google} or
 *       {@code Google Compute Engine}: every Compute Engine VM, GKE node and Cloud Build worker, which set no
 *       distinguishing variable. Reading a local file cannot hang; this is also how PyPA's {@code id} detects
 *       Compute Engine.</li>
 * </ul>
 */
final class GoogleCloudHints {
    static final Path DMI_PRODUCT_NAME = Path.of("/sys/class/dmi/id/product_name");
    static final List<String> VARIABLES = List.of("GCE_METADATA_HOST", "K_SERVICE", "CLOUD_RUN_JOB",
            "GOOGLE_CLOUD_PROJECT");

    private GoogleCloudHints() {}

    /** Why we think this is Google Cloud ("K_SERVICE is set"), or null when nothing suggests it. */
    static String evidence(Map<String, String> env, Path dmiProductName) {
        for (String variable : VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return variable + " is set";
            }
        }
        String product = readProductName(dmiProductName);
        if (product != null && (product.equals("Google") || product.equals("Google Compute Engine"))) {
            return dmiProductName + " reads '" + product + "'";
        }
        return null;
    }

    private static String readProductName(Path path) {
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
