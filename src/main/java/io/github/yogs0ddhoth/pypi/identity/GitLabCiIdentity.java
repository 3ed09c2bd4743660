package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * GitLab CI/CD: there is no token endpoint. The pipeline declares an {@code id_tokens:} entry per audience, GitLab
 * signs it when the job starts and puts it in an environment variable. So a job has exactly one token per
 * audience, and since PyPI accepts each token once, exactly one exchange.
 */
public final class GitLabCiIdentity implements IdentityProvider {
    static final String SUFFIX = "_ID_TOKEN";
    /** The audience Fulcio accepts; on GitLab its token is a second {@code id_tokens} entry. */
    static final String SIGSTORE_AUDIENCE = "sigstore";

    private final Map<String, String> env;
    private final SecretMasker masker;

    public GitLabCiIdentity(Map<String, String> env, SecretMasker masker) {
        this.env = env;
        this.masker = masker;
    }

    /**
     * The variable the token for {@code audience} is expected in, by the rule PyPI's own tooling uses: upper-case the
     * audience, replace every character outside {@code [A-Z0-9_]} with {@code _}, and a leading character outside
     * {@code [A-Z_]} (a digit) with {@code _}; then append {@code _ID_TOKEN}. {@code pypi} gives
     * {@code PYPI_ID_TOKEN}, {@code testpypi} gives {@code TESTPYPI_ID_TOKEN}. Locale.ROOT, because in a Turkish
     * locale "pypi" would upper-case to "PYPİ" and the variable would never be found.
     */
    public static String variableFor(String audience) {
        String upper = audience.toUpperCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(upper.length() + SUFFIX.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
            name.append(allowed ? c : '_');
        }
        return name.append(SUFFIX).toString();
    }

    @Override
    public PublisherKind kind() {
        return PublisherKind.GITLAB;
    }

    /**
     * Masks every {@code *_ID_TOKEN} variable, not only ours: a {@code SIGSTORE_ID_TOKEN} is as much a secret.
     * GitLab has no runtime masking command, so this only feeds the plugin's own redaction.
     */
    @Override
    public void maskEnvironmentSecrets() {
        env.forEach((name, value) -> {
            if (name.endsWith(SUFFIX)) {
                masker.register(value);
            }
        });
    }

    @Override
    public IdToken fetchIdToken(String audience) throws IdentityException {
        maskEnvironmentSecrets();
        String variable = variableFor(audience);
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IdentityException(missingTokenMessage(variable, audience, value != null));
        }
        return IdToken.parse(value, "GitLab's " + variable + " variable");
    }

    private String missingTokenMessage(String variable, String audience, boolean empty) {
        if (audience.equals(SIGSTORE_AUDIENCE)) {
            return missingSigstoreTokenMessage(variable, empty);
        }
        StringBuilder m = new StringBuilder()
                .append("GitLab CI/CD gave this job no ID token for the audience '").append(audience)
                .append("': the variable ").append(variable).append(empty ? " is empty" : " is not set").append(".\n")
                .append("GitLab creates an ID token only for the audiences a job declares, when the job starts."
                        + " Add this to the publishing job in .gitlab-ci.yml:\n\n")
                .append("  publish:\n")
                .append("    id_tokens:\n")
                .append("      ").append(variable).append(":\n")
                .append("        aud: ").append(audience).append("\n\n")
                .append("The variable name is derived from the audience the index announced ('").append(audience)
                .append("'): upper-cased, with every character other than A-Z, 0-9 and _ replaced by _. PyPI"
                        + " announces 'pypi' (PYPI_ID_TOKEN), TestPyPI 'testpypi' (TESTPYPI_ID_TOKEN).\n")
                .append("See https://docs.gitlab.com/ci/secrets/id_token_authentication/");
        TreeSet<String> others = new TreeSet<>();
        env.forEach((name, value) -> {
            // The Sigstore token is never meant for an index: renaming it would only lose the attestations.
            if (name.endsWith(SUFFIX) && !name.equals(variable) && !name.equals(variableFor(SIGSTORE_AUDIENCE))
                    && value != null && !value.isBlank()) {
                others.add(name);
            }
        });
        if (!others.isEmpty()) {
            // Names only: the values are tokens.
            m.append("\nThis job does have ").append(String.join(", ", others)).append(". If one of them was meant"
                    + " for this index, rename it to ").append(variable).append(" and set its aud to '")
                    .append(audience).append("'.");
        }
        return m.toString();
    }

    /**
     * The Sigstore token is a second entry beside the index's, not a replacement for it: the index-audience hints
     * (the announced audience, renaming another token) would break the upload if followed.
     */
    private static String missingSigstoreTokenMessage(String variable, boolean empty) {
        return "GitLab CI/CD gave this job no ID token for the audience '" + SIGSTORE_AUDIENCE + "', which signing"
                + " the PEP 740 attestations needs (Sigstore's Fulcio takes it for the signing certificate): the"
                + " variable " + variable + (empty ? " is empty" : " is not set") + ".\n"
                + "Add a second entry under the publishing job's id_tokens in .gitlab-ci.yml, beside the index's"
                + " (PYPI_ID_TOKEN for PyPI, TESTPYPI_ID_TOKEN for TestPyPI), which stays as it is:\n\n"
                + "  publish:\n"
                + "    id_tokens:\n"
                + "      PYPI_ID_TOKEN:\n"
                + "        aud: pypi\n"
                + "      " + variable + ":\n"
                + "        aud: " + SIGSTORE_AUDIENCE + "\n\n"
                + "See https://docs.pypi.org/attestations/producing-attestations/";
    }
}
