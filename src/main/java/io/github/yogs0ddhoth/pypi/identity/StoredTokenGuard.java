package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.report.GitHubJobReport;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enforces the project's founding decision: no long-lived PyPI token, ever. The plugin never reads one, but a token
 * within the build's reach can be used by anything else in the build, so its mere presence fails the publish (or,
 * with {@code failOnStoredToken=false}, warns loudly while a team migrates).
 */
public final class StoredTokenGuard {
    /** Server ids twine's and the usual Maven setups' configuration use for the two public indexes. */
    static final Set<String> SERVER_IDS = Set.of("pypi", "testpypi");
    static final String TITLE = "A long-lived PyPI token is within this build's reach";

    private final SecretMasker masker;
    private final PublishLog log;
    private final WorkflowCommands commands;

    /** @param commands null when not running under GitHub Actions */
    public StoredTokenGuard(SecretMasker masker, PublishLog log, WorkflowCommands commands) {
        this.masker = masker;
        this.log = log;
        this.commands = commands;
    }

    /**
     * Fails, or warns when {@code failOnStoredToken} is false, if a long-lived token is within reach. Call it before
     * anything else, dry runs included.
     *
     * @param serverIds the ids of settings.xml's {@code <server>} entries
     * @throws IdentityException naming every finding (never a value) with the reasoning and the fix
     */
    public void check(CiContext ci, Collection<String> serverIds, boolean failOnStoredToken)
            throws IdentityException {
        List<StoredToken> found = scan(ci.environment(), serverIds);
        if (found.isEmpty()) {
            return;
        }
        String message = message(found);
        if (failOnStoredToken) {
            IdentityException e = new IdentityException(TITLE, message + "\n" + OPT_OUT, null);
            new GitHubJobReport(commands, ci.jobSummary(), masker, log)
                    .failure(e.title(), e.getMessage(), e.markdown());
            throw e;
        }
        String warning = "pypi.failOnStoredToken=false: publishing anyway. " + message;
        for (String line : ("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" + warning
                + "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!").split("\n")) {
            log.warn(line);
        }
        if (commands != null) {
            commands.warning(TITLE, warning);
        }
    }

    /**
     * Every long-lived credential within reach, by name only. Values found are registered with the masker, so that
     * nothing this run prints can show them even in warning mode.
     */
    public List<StoredToken> scan(Map<String, String> env, Collection<String> serverIds) {
        List<StoredToken> found = new ArrayList<>();
        // Sorted, so that the report reads the same on every run.
        new TreeMap<>(env).forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return; // An unset secret expands to "": there is nothing to leak.
            }
            // Upper-cased: Windows' variable names are case-insensitive.
            Optional<String> known = StoredCredentials.variable(name.toUpperCase(Locale.ROOT));
            if (known.isPresent()) {
                masker.register(value);
                found.add(new StoredToken(StoredToken.Source.ENVIRONMENT_VARIABLE, name, known.get()));
            } else if (StoredCredentials.containsToken(value)) {
                masker.register(value);
                found.add(new StoredToken(StoredToken.Source.ENVIRONMENT_VARIABLE, name,
                        "its value looks like a PyPI API token ('pypi-' followed by a macaroon)"));
            }
        });
        for (String id : serverIds == null ? List.<String>of() : serverIds) {
            if (id != null && SERVER_IDS.contains(id.trim().toLowerCase(Locale.ROOT))) {
                found.add(new StoredToken(StoredToken.Source.SETTINGS_SERVER, id.trim(),
                        "a credential for the PyPI index that any plugin of the build can read"));
            }
        }
        return found;
    }

    static String message(List<StoredToken> found) {
        StringBuilder m = new StringBuilder(TITLE).append(":");
        for (StoredToken t : found) {
            m.append("\n  * ").append(t.describe());
        }
        return m.append('\n').append(REASONING).toString();
    }

    static final String REASONING = "This plugin publishes only through trusted publishing and never reads these."
            + " Their presence is what the project's policy rules out: a PyPI API token does not expire, works from"
            + " anywhere, and anything that can read this build's environment or settings (a compromised plugin or"
            + " dependency, a debug log, a workflow change) can upload with it until someone notices and revokes it."
            + " Trusted publishing replaces it with a token minted for this one job, bound to the repository,"
            + " workflow and environment registered on PyPI, that expires after 15 minutes.\n"
            + "Fix: remove the variable from the job's environment (e.g. an 'env: PYPI_API_TOKEN:"
            + " ${{ secrets.PYPI_API_TOKEN }}' line) and delete the secret from the CI's settings; remove the"
            + " <server> entries for PyPI from settings.xml; then revoke the token at"
            + " https://pypi.org/manage/account/token/ (https://test.pypi.org/manage/account/token/ for TestPyPI).";

    static final String OPT_OUT = "While migrating, <failOnStoredToken>false</failOnStoredToken> in the plugin's"
            + " configuration (property pypi.failOnStoredToken) turns this failure into a warning. Put it in the pom,"
            + " where review sees it, and remove it once the token is gone.";
}
