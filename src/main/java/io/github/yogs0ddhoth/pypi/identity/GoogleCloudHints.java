package io.github.yogs0ddhoth.pypi.identity;

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
 *       distinguishing variable. This is also how PyPA's {@code id} detects Compute Engine; the mojo reads the
 *       file and passes its text in, so that nothing here depends on the machine the tests run on.</li>
 * </ul>
 */
final class GoogleCloudHints {
    /** Where Linux shows the DMI product name; named in the evidence, read by the mojo. */
    static final String DMI_PRODUCT_NAME = "/sys/class/dmi/id/product_name";
    static final List<String> VARIABLES = List.of("GCE_METADATA_HOST", "K_SERVICE", "CLOUD_RUN_JOB",
            "GOOGLE_CLOUD_PROJECT");

    private GoogleCloudHints() {}

    /** Why we think this is Google Cloud ("K_SERVICE is set"), or null when nothing suggests it. */
    static String evidence(Map<String, String> env, String dmiProductName) {
        for (String variable : VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return variable + " is set";
            }
        }
        String product = dmiProductName == null ? null : dmiProductName.strip();
        if (product != null && (product.equals("Google") || product.equals("Google Compute Engine"))) {
            return DMI_PRODUCT_NAME + " reads '" + product + "'";
        }
        return null;
    }
}
