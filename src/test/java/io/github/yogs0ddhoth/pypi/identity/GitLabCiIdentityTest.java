package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitLabCiIdentityTest {
    // GitLab has no masking command, so the masker has no workflow commands: only redaction.
    private final SecretMasker masker = new SecretMasker(null);
    private final Map<String, String> env = new HashMap<>(Map.of("GITLAB_CI", "true"));

    private GitLabCiIdentity identity() {
        return new GitLabCiIdentity(env, masker);
    }

    @ParameterizedTest
    @CsvSource({
        "pypi, PYPI_ID_TOKEN",
        "testpypi, TESTPYPI_ID_TOKEN",
        "my-index.example.org, MY_INDEX_EXAMPLE_ORG_ID_TOKEN",
        "1pypi, _PYPI_ID_TOKEN",
        "_aud9, _AUD9_ID_TOKEN",
        "pypi/aud, PYPI_AUD_ID_TOKEN"})
    void variableNameFollowsTheUpperCasingRule(String audience, String variable) {
        assertThat(GitLabCiIdentity.variableFor(audience)).isEqualTo(variable);
    }

    @Test
    void variableNameDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // In Turkish, "i".toUpperCase() is the dotted capital İ.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(GitLabCiIdentity.variableFor("pypi")).isEqualTo("PYPI_ID_TOKEN");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void readsTheTokenForTheAudienceAndRedactsIt() throws Exception {
        String jwt = Jwts.gitLabJwt("jti-gl-1");
        env.put("TESTPYPI_ID_TOKEN", jwt);

        IdToken token = identity().fetchIdToken("testpypi");

        assertThat(token.value()).isEqualTo(jwt);
        assertThat(token.claim("project_path")).isEqualTo("octo-group/octo-project");
        assertThat(masker.redact("value " + jwt)).isEqualTo("value ***");
    }

    @Test
    void oneTokenPerJobSoNoRefresh() {
        assertThat(identity().canRefreshToken()).isFalse();
        assertThat(identity().kind()).isEqualTo(PublisherKind.GITLAB);
    }

    @Test
    void missingVariableShowsTheIdTokensSnippetToAdd() {
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("the variable PYPI_ID_TOKEN is not set")
                .hasMessageContaining("    id_tokens:\n      PYPI_ID_TOKEN:\n        aud: pypi\n");
    }

    @Test
    void emptyVariableIsReportedAsEmpty() {
        env.put("PYPI_ID_TOKEN", " ");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("PYPI_ID_TOKEN is empty");
    }

    @Test
    void aTokenForAnotherAudienceIsNamedButNotShown() {
        String other = Jwts.gitLabJwt("jti-other");
        env.put("PYPI_ID_TOKEN", other);
        assertThatThrownBy(() -> identity().fetchIdToken("testpypi"))
                .hasMessageContaining("TESTPYPI_ID_TOKEN is not set")
                .hasMessageContaining("This job does have PYPI_ID_TOKEN")
                .hasMessageContaining("rename it to TESTPYPI_ID_TOKEN and set its aud to 'testpypi'")
                .hasMessageNotContaining(other);
    }

    @Test
    void aMissingSigstoreTokenIsShownAsASecondEntryBesideTheIndexsNotARename() {
        env.put("PYPI_ID_TOKEN", Jwts.gitLabJwt("jti-pypi"));
        assertThatThrownBy(() -> identity().fetchIdToken("sigstore"))
                .hasMessageContaining("the variable SIGSTORE_ID_TOKEN is not set")
                .hasMessageContaining("    id_tokens:\n      PYPI_ID_TOKEN:\n        aud: pypi\n"
                        + "      SIGSTORE_ID_TOKEN:\n        aud: sigstore\n")
                .hasMessageNotContaining("rename")
                .hasMessageNotContaining("the audience the index announced");
    }

    @Test
    void aSigstoreTokenIsNotOfferedForRenamingWhenTheIndexsIsMissing() {
        env.put("SIGSTORE_ID_TOKEN", "sigstore-token-value-123");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("PYPI_ID_TOKEN is not set")
                .hasMessageNotContaining("This job does have")
                .hasMessageNotContaining("sigstore-token-value-123");
    }

    @Test
    void masksEveryIdTokenInTheEnvironment() {
        env.put("SIGSTORE_ID_TOKEN", "sigstore-token-value-123");
        env.put("PYPI_ID_TOKEN", "pypi-id-token-value-456");
        identity().maskEnvironmentSecrets();
        assertThat(masker.redact("a sigstore-token-value-123 b pypi-id-token-value-456"))
                .isEqualTo("a *** b ***");
    }
}
