package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CiDetectorTest {
    @TempDir
    Path dir;

    /** Detection makes no HTTP call, so no client is needed; the DMI file is a temp file or absent. */
    private CiDetector detector(Path dmi) {
        return new CiDetector(null, new SecretMasker(null), dmi);
    }

    private CiDetector detector() {
        return detector(dir.resolve("absent-product-name"));
    }

    @Test
    void gitHubActions() throws Exception {
        assertThat(detector().detect(Map.of("GITHUB_ACTIONS", "true"))).isInstanceOf(GitHubActionsIdentity.class);
    }

    @Test
    void gitLab() throws Exception {
        IdentityProvider provider = detector().detect(Map.of("GITLAB_CI", "true"));
        assertThat(provider).isInstanceOf(GitLabCiIdentity.class);
        assertThat(provider.displayName()).isEqualTo("GitLab CI/CD");
    }

    @Test
    void aCiRunnerOnGoogleCloudPublishesAsTheCi() throws Exception {
        assertThat(detector().detect(Map.of("GITHUB_ACTIONS", "true", "K_SERVICE", "svc")))
                .isInstanceOf(GitHubActionsIdentity.class);
        assertThat(detector().detect(Map.of("GITLAB_CI", "true", "GCE_METADATA_HOST", "10.0.0.1")))
                .isInstanceOf(GitLabCiIdentity.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCE_METADATA_HOST", "K_SERVICE", "CLOUD_RUN_JOB", "GOOGLE_CLOUD_PROJECT"})
    void googleCloudFromItsVariables(String variable) throws Exception {
        assertThat(detector().detect(Map.of(variable, "x"))).isInstanceOf(GoogleCloudIdentity.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Google\n", "Google Compute Engine\n"})
    void googleCloudFromTheDmiProductName(String productName) throws Exception {
        Path dmi = Files.writeString(dir.resolve("product_name"), productName);
        assertThat(detector(dmi).detect(Map.of())).isInstanceOf(GoogleCloudIdentity.class);
    }

    @Test
    void anotherMachineIsNotTakenForGoogle() throws Exception {
        Path dmi = Files.writeString(dir.resolve("product_name"), "VirtualBox\n");
        assertThatThrownBy(() -> detector(dmi).detect(Map.of("GITLAB_CI", "false")))
                .hasMessageContaining("No supported CI system was detected");
    }

    @Test
    void noCiExplainsEverySupportedOneAndActiveState() {
        assertThatThrownBy(() -> detector().detect(Map.of()))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("GitHub Actions (GITHUB_ACTIONS=true)")
                .hasMessageContaining("GitLab CI/CD (GITLAB_CI=true)")
                .hasMessageContaining("Google Cloud")
                .hasMessageContaining("ActiveState")
                .hasMessageContaining("own build platform")
                .hasMessageContaining("-Dpypi.dryRun=true");
    }

    @Test
    void buildkiteIsNamedAsUntrustedByPypi() {
        assertThatThrownBy(() -> detector().detect(Map.of("BUILDKITE", "true")))
                .hasMessageContaining("This looks like Buildkite")
                .hasMessageContaining("unknown trusted publishing issuer");
    }
}
