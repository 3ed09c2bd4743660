package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of the attestations-* ITs that have logic of their own: a broken one would let an IT pass. */
class AttestationScenarioTest {
    @TempDir
    Path dir;

    private final Map<String, Object> context = new HashMap<>();

    @Test
    void onGitHubOnlyTheRunnersMaskCommandsMayNameASecret() throws Exception {
        try (AttestationScenario s = AttestationScenario.gitHub(context, 0, dir.toFile())) {
            log("::add-mask::" + s.sigstoreToken(), "::add-mask::" + FakeIndex.MINTED_TOKEN, "[INFO] Published");
            assertThatCode(s::assertLogHidesSecrets).doesNotThrowAnyException();

            log("::add-mask::" + s.sigstoreToken(), "[DEBUG] Authorization: bearer " + FakeIndex.REQUEST_TOKEN);
            assertThatThrownBy(s::assertLogHidesSecrets)
                    .hasMessage("expected build.log to hide ACTIONS_ID_TOKEN_REQUEST_TOKEN, line 2 shows it");
        }
    }

    @Test
    void elsewhereNoLineMayNameASecret() throws Exception {
        try (AttestationScenario s = AttestationScenario.gitLab(context, 0, dir.toFile())) {
            log("[INFO] Trusted publishing from GitLab", "::add-mask::" + s.index().gitLabIdToken());
            assertThatThrownBy(s::assertLogHidesSecrets)
                    .hasMessage("expected build.log to hide the index's ID token, line 2 shows it");

            log("-----BEGIN PRIVATE KEY-----");
            assertThatThrownBy(s::assertLogHidesSecrets)
                    .hasMessage("expected build.log to hide a private key, line 1 shows it");
        }
    }

    @Test
    void verifyStopsTheFakesWhenACheckFails() throws Exception {
        AttestationScenario started = AttestationScenario.gitHub(context, 0, dir.toFile());

        assertThatThrownBy(() -> AttestationScenario.verify(context, s -> s.assertSigstoreCalls(1, 2)))
                .hasMessage("expected 1 Fulcio and 2 Rekor request(s), the fake Sigstore got 0 and 0");
        assertThat(started.index().server().isRunning()).isFalse();
    }

    @Test
    void verifySaysWhatPrebuildShouldHaveStarted() {
        assertThatThrownBy(() -> AttestationScenario.verify(context, s -> {}))
                .hasMessage("expected the AttestationScenario that prebuild.groovy starts under the key"
                        + " attestationScenario of the context, found null");
    }

    @Test
    void startWritesTheTrustConfigAndTheRelease() throws Exception {
        try (AttestationScenario s = AttestationScenario.google(context, 0, dir.toFile())) {
            assertThat(context).containsEntry(AttestationScenario.CONTEXT_KEY, s);
            assertThat(Files.readString(dir.resolve("target/sigstore-trust.json")))
                    .isEqualTo(s.sigstore().trustConfigJson());
            assertThat(dir.resolve("target/demo_pkg-1.0.0-py3-none-any.whl")).isRegularFile();
            assertThat(dir.resolve("target/demo_pkg-1.0.0.tar.gz")).isRegularFile();
        }
    }

    @Test
    void assertAttestedNamesTheUploadsItExpected() throws Exception {
        try (AttestationScenario s = AttestationScenario.gitHub(context, 0, dir.toFile())) {
            assertThatThrownBy(() -> s.assertAttested(new ExpectedPublisher.GitHub("octo/demo", "publish.yml")))
                    .hasMessage("expected uploads of [demo_pkg-1.0.0-py3-none-any.whl, demo_pkg-1.0.0.tar.gz],"
                            + " the index got []");
        }
    }

    @Test
    void anAbsentVariableIsExpectedWithNull() throws Exception {
        try (AttestationScenario s = AttestationScenario.gitLab(context, 0, dir.toFile())) {
            Files.writeString(dir.resolve("invoker.properties"),
                    "invoker.environmentVariables.PYPI_ID_TOKEN = " + s.index().gitLabIdToken() + "\n");

            assertThatCode(() -> s.assertInvokerEnvironment("PYPI_ID_TOKEN", s.index().gitLabIdToken()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> s.assertInvokerEnvironment("SIGSTORE_ID_TOKEN", null)).doesNotThrowAnyException();
            assertThatThrownBy(() -> s.assertInvokerEnvironment("PYPI_ID_TOKEN", null))
                    .hasMessageStartingWith("expected invoker.properties to set no PYPI_ID_TOKEN, it sets ey");
            assertThatThrownBy(() -> s.assertInvokerEnvironment("SIGSTORE_ID_TOKEN", s.sigstoreToken()))
                    .hasMessageEndingWith(", it sets null");
        }
    }

    private void log(String... lines) throws Exception {
        Files.writeString(dir.resolve("build.log"), String.join("\n", lines) + "\n");
    }
}
