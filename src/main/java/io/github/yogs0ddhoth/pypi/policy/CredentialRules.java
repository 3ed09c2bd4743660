package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.identity.StoredCredentials;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No stored credential anywhere: scans every CI file, line by line (so every finding has its line), for references
 * to a PyPI token or password (the variables and the token shape {@link StoredCredentials} defines, which the
 * publish goal's guard applies too, and secrets named for PyPI or twine), and the parsed GitHub steps for a
 * {@code password:} input to pypa/gh-action-pypi-publish.
 */
final class CredentialRules {
    /** {@code secrets.PYPI_API_TOKEN}, {@code secrets.TEST_PYPI_TOKEN}, {@code secrets.TWINE_...}. */
    private static final Pattern SECRET = Pattern.compile(
            "secrets\\s*(?:\\.\\s*|\\[\\s*['\"])([A-Za-z0-9_-]*(?:pypi|twine)[A-Za-z0-9_-]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TWINE_PASSWORD_FLAG = Pattern.compile("(?:^|\\s)(-p|--password)(?:[\\s=]|$)");

    private static final String FIX = "Delete the credential and the secret that holds it, revoke the token on PyPI"
            + " (Account settings > API tokens) and publish with trusted publishing only: `id-token: write` on the"
            + " publish job (GitLab: id_tokens) and `mvn pypi:pypi-publish`, which needs no secret.";

    private CredentialRules() {
    }

    /** Every stored-credential finding in one file's text. */
    static List<PolicyResult> scanText(String display, String text) {
        List<PolicyResult> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = SECRET.matcher(line);
            while (m.find()) {
                seen.add("secrets." + m.group(1));
            }
            for (String name : StoredCredentials.variablesIn(line)) {
                // secrets.PYPI_API_TOKEN is already named.
                if (!seen.contains("secrets." + name)) {
                    seen.add(name);
                }
            }
            if (StoredCredentials.containsToken(line)) {
                seen.add("a literal PyPI API token (" + StoredCredentials.TOKEN_SHAPE + ")");
            }
            if (line.toLowerCase(Locale.ROOT).matches(".*(^|[\\s;&|(/])twine\\s+upload\\b.*")) {
                Matcher p = TWINE_PASSWORD_FLAG.matcher(line);
                if (p.find()) {
                    seen.add("twine upload " + p.group(1));
                }
            }
            if (!seen.isEmpty()) {
                // Only names are quoted, never a value: a pasted token must not reach the build log.
                List<String> names = new ArrayList<>();
                for (String s : seen) {
                    names.add(s.startsWith("a literal") ? s : "`" + s + "`");
                }
                out.add(new PolicyResult(PolicyRule.NO_STORED_CREDENTIALS, PolicyResult.Status.FAIL, display, i + 1,
                        null, "References a stored PyPI credential: " + String.join(", ", names) + ". "
                                + PolicyMessages.ADR_REASON, FIX));
            }
        }
        return out;
    }

    /** A {@code password:} input to pypa/gh-action-pypi-publish, in any job's steps. */
    static List<PolicyResult> scanGitHubSteps(String display, YamlNode workflow) {
        List<PolicyResult> out = new ArrayList<>();
        YamlNode jobs = workflow.get("jobs");
        if (jobs == null || !jobs.isMap()) {
            return out;
        }
        for (Map.Entry<String, YamlNode> job : jobs.entries().entrySet()) {
            YamlNode steps = job.getValue().get("steps");
            if (steps == null || !steps.isList()) {
                continue;
            }
            for (int i = 0; i < steps.items().size(); i++) {
                YamlNode step = steps.items().get(i);
                String uses = step.text("uses");
                YamlNode with = step.get("with");
                if (uses != null && uses.toLowerCase(Locale.ROOT).startsWith("pypa/gh-action-pypi-publish")
                        && with != null && with.get("password") != null) {
                    out.add(PolicyResult.fail(PolicyRule.NO_STORED_CREDENTIALS, display,
                            YamlNode.scalar(with.keyLine("password"), null),
                            "jobs." + job.getKey() + ".steps[" + i + "].with.password",
                            "Passes a `password:` input to pypa/gh-action-pypi-publish. " + PolicyMessages.ADR_REASON,
                            "Remove the `password:` input (with it empty, the action uses trusted publishing), or"
                                    + " replace the step with `mvn pypi:pypi-publish`. " + FIX));
                }
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        String t = line.stripLeading();
        if (t.startsWith("#")) {
            return "";
        }
        int c = line.indexOf(" #");
        return c >= 0 ? line.substring(0, c) : line;
    }
}
