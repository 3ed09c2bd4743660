package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one table of stored credentials that both the publish guard and the policy check apply. */
class StoredCredentialsTest {
    @ParameterizedTest
    @CsvSource({
            "TWINE_PASSWORD, twine",
            "UV_PUBLISH_TOKEN, uv publish",
            "UV_PUBLISH_PASSWORD, uv publish",
            "FLIT_PASSWORD, flit publish",
            "HATCH_INDEX_AUTH, hatch publish",
            "PDM_PUBLISH_PASSWORD, pdm publish",
            "POETRY_PYPI_TOKEN_PYPI, poetry publish",
            "POETRY_PYPI_TOKEN_TESTPYPI, poetry publish",
            "POETRY_HTTP_BASIC_PYPI_PASSWORD, poetry publish",
            "PYPI_API_TOKEN, conventional name",
            "PYPI_TOKEN, conventional name",
            "TEST_PYPI_PASSWORD, conventional name",
            "TESTPYPI_API_TOKEN, conventional name"})
    void eachCredentialVariableIsKnownWithWhoReadsIt(String name, String reader) {
        assertThat(StoredCredentials.variable(name)).hasValueSatisfying(why -> assertThat(why).contains(reader));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PYPI_ID_TOKEN", "TESTPYPI_ID_TOKEN", "TWINE_USERNAME", "FLIT_USERNAME",
            "HATCH_INDEX_USER", "GITHUB_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "PYPI_URL",
            "twine_password", "MY_TWINE_PASSWORD"})
    void otherNamesAreNotCredentials(String name) {
        // GitLab's *_ID_TOKEN is the OIDC token trusted publishing uses; user names are no secret.
        assertThat(StoredCredentials.variable(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pypi-AgEIcHlwaS5vcmcCJGE3ZjM1YzE0LTk5ZGItNDk2Zi1hMzUxLWM2ZjFkNDJlOGI3MAACKlsz",
            "https://__token__:pypi-AgENdGVzdC5weXBpLm9yZwIkYTdmMzVjMTQtOTlkYi00OTZmLWEzNTEtYzZmMWQ0MmU4@upload.pypi.org/"})
    void aTokenIsPypiDashAndABase64Macaroon(String value) {
        assertThat(StoredCredentials.containsToken(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pypi-tools", "pypi-AgEIshort", "pypi-Ag" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "my-pypi-AgE" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void ordinaryValuesAreNotTokens(String value) {
        assertThat(StoredCredentials.containsToken(value)).isFalse();
    }

    @Test
    void namesAreFoundInTextOnceInOrder() {
        assertThat(StoredCredentials.variablesIn(
                "FLIT_PASSWORD=$PYPI_TOKEN HATCH_INDEX_AUTH=$PYPI_TOKEN PYPI_ID_TOKEN=x XFLIT_PASSWORD=y"))
                .containsExactly("FLIT_PASSWORD", "PYPI_TOKEN", "HATCH_INDEX_AUTH");
    }
}
