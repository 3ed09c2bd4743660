package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTokenGuardTest {
    /** Shaped like a real token: "pypi-", then a base64url macaroon for pypi.org. */
    static final String API_TOKEN = "pypi-AgEIcHlwaS5vcmcCJGE3ZjM1YzE0LTk5ZGItNDk2Zi1hMzUxLWM2ZjFkNDJlOGI3MAACKlszLCJkZ"
            + "WFkYmVlZi1mZWVkLWJlZWYtZmVlZC1iZWVmZmVlZGJlZWYiXQAABiDx3mP2wQ";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final WorkflowCommands commands = new WorkflowCommands(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    private final SecretMasker masker = new SecretMasker(commands);
    private final RecordingLog log = new RecordingLog();
    private final StoredTokenGuard guard = new StoredTokenGuard(masker, log, commands);

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PYPI_API_TOKEN", "PYPI_TOKEN", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD",
            "FLIT_PASSWORD", "HATCH_INDEX_AUTH", "POETRY_PYPI_TOKEN_PYPI", "flit_password"})
    void eachKnownVariableIsFoundByName(String variable) {
        List<StoredToken> found = guard.scan(Map.of(variable, "some-secret-value"), List.of());
        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(StoredToken.Source.ENVIRONMENT_VARIABLE);
            assertThat(t.name()).isEqualTo(variable);
        });
    }

    @Test
    void anyVariableHoldingAnApiTokenIsFound() {
        List<StoredToken> found = guard.scan(Map.of("RELEASE_SECRET", API_TOKEN), List.of());
        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("RELEASE_SECRET");
            assertThat(t.why()).contains("looks like a PyPI API token");
        });
    }

    @Test
    void anApiTokenInsideALongerValueIsFound() {
        assertThat(guard.scan(Map.of("INDEX_URL", "https://__token__:" + API_TOKEN + "@upload.pypi.org/legacy/"),
                List.of())).extracting(StoredToken::name).containsExactly("INDEX_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pypi-tools", "pypi-AgEIshort", "my-pypi-Ag" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void ordinaryValuesAreNotTakenForTokens(String value) {
        assertThat(guard.scan(Map.of("SOMETHING", value), List.of())).isEmpty();
    }

    @Test
    void anEmptySecretIsNothingToLeak() {
        assertThat(guard.scan(Map.of("PYPI_API_TOKEN", "", "TWINE_PASSWORD", " "), List.of())).isEmpty();
    }

    @Test
    void settingsServersForThePublicIndexesAreFound() {
        List<StoredToken> found = guard.scan(Map.of(), List.of("central", "pypi", "TestPyPI", "pypi-mirror"));
        assertThat(found).extracting(StoredToken::name).containsExactly("pypi", "TestPyPI");
        assertThat(found).allMatch(t -> t.source() == StoredToken.Source.SETTINGS_SERVER);
    }

    @Test
    void failsWithNamesAndReasoningButNeverValues(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.md");
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
                "TWINE_PASSWORD", "twine-secret-1234", "OTHER", API_TOKEN);
        assertThatThrownBy(() -> guard.check(CiContext.of(env, null), List.of("pypi"), true))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("environment variable TWINE_PASSWORD: twine uploads with it")
                .hasMessageContaining("environment variable OTHER: its value looks like a PyPI API token")
                .hasMessageContaining("settings.xml <server> pypi")
                .hasMessageContaining("does not expire")
                .hasMessageContaining("revoke the token at https://pypi.org/manage/account/token/")
                .hasMessageContaining("<failOnStoredToken>false</failOnStoredToken>")
                .hasMessageNotContaining("twine-secret-1234")
                .hasMessageNotContaining(API_TOKEN);
        // Masked first, so a runner hides them from any later step; then an annotation without them.
        assertThat(stdout()).startsWith("::add-mask::");
        String afterMasks = String.join("\n", stdout().lines().filter(l -> !l.startsWith("::add-mask::")).toList());
        assertThat(afterMasks).startsWith("::error title=" + StoredTokenGuard.TITLE.replace(",", "%2C"))
                .doesNotContain("twine-secret-1234").doesNotContain(API_TOKEN);
        assertThat(Files.readString(summary)).contains("TWINE_PASSWORD").doesNotContain("twine-secret-1234");
    }

    @Test
    void optingOutWarnsLoudlyInsteadOfFailing() throws Exception {
        guard.check(CiContext.of(Map.of("PYPI_API_TOKEN", API_TOKEN), null), List.of(), false);
        assertThat(log.text())
                .contains("[WARNING] pypi.failOnStoredToken=false: publishing anyway.")
                .contains("environment variable PYPI_API_TOKEN")
                .doesNotContain(API_TOKEN);
        assertThat(log.lines()).filteredOn(l -> l.startsWith("[WARNING] !!!!")).hasSize(2);
        assertThat(stdout()).contains("::warning title=" + StoredTokenGuard.TITLE.replace(",", "%2C") + "::");
        assertThat(masker.redact("x " + API_TOKEN)).isEqualTo("x ***");
    }

    @Test
    void nothingFoundIsSilent() throws Exception {
        guard.check(CiContext.of(Map.of("HOME", "/root"), null), List.of("central"), true);
        assertThat(log.lines()).isEmpty();
        assertThat(stdout()).isEmpty();
    }
}
