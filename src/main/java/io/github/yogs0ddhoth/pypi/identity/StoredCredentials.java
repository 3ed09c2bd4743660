package io.github.yogs0ddhoth.pypi.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of a stored (long-lived) PyPI credential: the variable names upload tools read a token or
 * password from, and the shape of a PyPI API token. {@link StoredTokenGuard} applies it to the build's environment
 * and the policy check to the CI files, so that what fails a publish and what fails {@code mvn verify} never drift
 * apart.
 */
public final class StoredCredentials {
    /** A variable name (the whole name, upper case) that holds a credential, and who reads it. */
    record Variable(Pattern name, String why) {
        Variable(String regex, String why) {
            this(Pattern.compile(regex), why);
        }
    }

    /**
     * The table. First match wins, so the tools come before the conventional names. GitLab's OIDC tokens
     * ({@code PYPI_ID_TOKEN}, {@code TESTPYPI_ID_TOKEN}) are what trusted publishing uses, not stored credentials.
     */
    static final List<Variable> VARIABLES = List.of(
            new Variable("TWINE_PASSWORD", "twine uploads with it as the password"),
            new Variable("UV_PUBLISH_TOKEN", "uv publish uploads with it"),
            new Variable("UV_PUBLISH_PASSWORD", "uv publish uploads with it as the password"),
            new Variable("FLIT_PASSWORD", "flit publish uploads with it as the password"),
            new Variable("HATCH_INDEX_AUTH", "hatch publish uploads with it as the password"),
            new Variable("PDM_PUBLISH_PASSWORD", "pdm publish uploads with it as the password"),
            new Variable("POETRY_PYPI_TOKEN_[A-Z0-9_]+", "poetry publish uploads with it (POETRY_PYPI_TOKEN_<repository>)"),
            new Variable("POETRY_HTTP_BASIC_[A-Z0-9_]+_PASSWORD",
                    "poetry publish uploads with it as the password (POETRY_HTTP_BASIC_<repository>_PASSWORD)"),
            new Variable("(?![A-Z0-9_]*_ID_TOKEN$)[A-Z0-9_]*PYPI[A-Z0-9_]*(?:TOKEN|PASSWORD)[A-Z0-9_]*",
                    "the conventional name of a PyPI API token or password secret"));

    /**
     * {@code pypi-} and a serialized macaroon: base64url of a binary v2 macaroon, whose first bytes are the version
     * (0x02), the location field's tag (0x01) and the location's length, under 64 for any index host: "AgE". PyPI's
     * tokens are a couple of hundred characters; requiring 50 more keeps ordinary values such as "pypi-tools" or
     * "pypi-AgEIshort" from matching.
     */
    static final Pattern API_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,}");
    /** How a message names a token without quoting one. */
    public static final String TOKEN_SHAPE = "pypi-AgE...";

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z0-9_]+(?![A-Za-z0-9_])");

    private StoredCredentials() {
    }

    /**
     * Why a variable of this name holds a stored credential, or empty when it does not. The name is compared as
     * written; pass it upper-cased where the platform's names are case-insensitive.
     */
    public static Optional<String> variable(String name) {
        for (Variable v : VARIABLES) {
            if (v.name().matcher(name).matches()) {
                return Optional.of(v.why());
            }
        }
        return Optional.empty();
    }

    /** Every name in the text that {@link #variable} knows, in order of first appearance. */
    public static List<String> variablesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            if (variable(m.group()).isPresent()) {
                found.add(m.group());
            }
        }
        return new ArrayList<>(found);
    }

    /** Whether the value holds a PyPI API token, alone or inside a longer value such as a URL. */
    public static boolean containsToken(String value) {
        return API_TOKEN.matcher(value).find();
    }
}
