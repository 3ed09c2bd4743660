package io.github.yogs0ddhoth.pypi.identity;

import static io.github.yogs0ddhoth.pypi.identity.ClaimFindings.show;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI's matching rules for a GitLab CI/CD token (warehouse {@code oidc/models/gitlab.py}), applied to the declared
 * publisher before the exchange.
 */
final class GitLabClaimRules {
    /** PyPI takes the top-level pipeline file from {@code ci_config_ref_uri} with this expression. */
    private static final Pattern CONFIG_PATH = Pattern.compile("(?<=//)(.*[^/]\\.(yml|yaml))(?=@)");

    private GitLabClaimRules() {}

    static void apply(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        checkProjectPath(token, declared, findings);
        checkSubject(token, findings);
        checkConfigRefUri(token, declared, findings);
        checkEnvironment(token, declared, findings);
        warnUndeclared(token, declared, findings);
    }

    /** The pipeline file PyPI will match, e.g. {@code .gitlab-ci.yml}, or null. */
    static String configPath(String ciConfigRefUri) {
        if (ciConfigRefUri == null) {
            return null;
        }
        Matcher m = CONFIG_PATH.matcher(ciConfigRefUri);
        return m.find() ? m.group(1) : null;
    }

    private static void checkProjectPath(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String wanted = declared.repository();
        String actual = token.claim("project_path");
        if (wanted != null && !wanted.equalsIgnoreCase(show(actual))) {
            findings.mismatch("project_path", wanted, actual,
                    "PyPI compares project_path with the registered namespace/project, ignoring case.",
                    "Publish from " + wanted + ", or, if the project was moved or renamed to " + show(actual)
                            + ", update pypi.publisher.repository and the publisher on PyPI. (PyPI does not pin"
                            + " GitLab's numeric project id, so a deleted and re-created namespace would match.)");
        }
    }

    /** PyPI checks that {@code sub} starts with {@code project_path:<namespace/project>}; GitLab always does so. */
    private static void checkSubject(IdToken token, ClaimFindings findings) {
        String projectPath = token.claim("project_path");
        String sub = token.claim("sub");
        if (projectPath == null) {
            return;
        }
        String[] parts = sub == null ? new String[0] : sub.split(":", -1);
        if (parts.length < 2 || !parts[0].equals("project_path") || !parts[1].equalsIgnoreCase(projectPath)) {
            findings.mismatch("sub", "project_path:" + projectPath + "[:…]", sub,
                    "PyPI requires sub to start with project_path:<namespace/project>.",
                    "A customised sub claim must keep project_path first (GitLab project settings, ID token"
                            + " sub claim components).");
        }
    }

    private static void checkConfigRefUri(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String uri = token.claim("ci_config_ref_uri");
        String projectPath = token.claim("project_path");
        if (uri == null) {
            findings.mismatch("ci_config_ref_uri", "HOST/NAMESPACE/PROJECT//PATH.yml@REF", null,
                    "PyPI requires ci_config_ref_uri: it is how it finds the pipeline file.",
                    "Use a GitLab version that issues ci_config_ref_uri (15.8 or later).");
            return;
        }
        String path = configPath(uri);
        String wanted = declared.gitLabConfigPath();
        if (wanted != null && !wanted.equals(path)) {
            findings.mismatch("ci_config_ref_uri", wanted, show(path) + "  (" + uri + ")",
                    "PyPI takes the top-level pipeline file from ci_config_ref_uri and compares it exactly,"
                            + " case included.",
                    "Run the pipeline from " + wanted + " (Settings > CI/CD > CI/CD configuration file), or, if the"
                            + " file is now " + show(path) + ", update pypi.publisher.workflow and the publisher on"
                            + " PyPI.");
        }
        String host = issuerHost(token.claim("iss"));
        if (projectPath != null && host != null) {
            String prefix = host + "/" + projectPath + "//";
            if (!uri.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                findings.mismatch("ci_config_ref_uri", prefix + "…", uri,
                        "PyPI requires the top-level pipeline file to live in the publishing project itself.",
                        "The pipeline's configuration comes from another project (a CI/CD configuration file of the"
                                + " form path@group/project). Keep it in " + projectPath + ".");
            }
        }
        checkConfigRef(token, uri, findings);
    }

    private static void checkConfigRef(IdToken token, String uri, ClaimFindings findings) {
        findings.refEndsWithRunRef(token, "ci_config_ref_uri", uri, "ref_path", "pipeline",
                "Run the publish job in a branch or tag pipeline.",
                "The pipeline configuration was read at another ref than the pipeline's own; run it from the"
                        + " project's own configuration file.");
    }

    private static void checkEnvironment(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String wanted = declared.environment();
        String actual = token.claim("environment");
        if (wanted == null || wanted.equals(actual)) {
            return;
        }
        if (actual == null) {
            findings.mismatch("environment", wanted, null,
                    "A publisher registered with an environment only matches jobs deploying to it.",
                    "Add 'environment: " + wanted + "' to the publishing job, or, if the publisher on PyPI has"
                            + " none, remove pypi.publisher.environment.");
        } else {
            findings.mismatch("environment", wanted, actual,
                    "PyPI compares GitLab environments exactly, case included"
                            + (wanted.equalsIgnoreCase(actual) ? " (here only the case differs)." : "."),
                    "Set the job's 'environment:' to '" + wanted + "', or, if '" + actual + "' is right, change"
                            + " pypi.publisher.environment and the publisher on PyPI.");
        }
    }

    private static void warnUndeclared(IdToken token, PublisherDeclaration declared, ClaimFindings findings) {
        String env = token.claim("environment");
        findings.warnUndeclared(declared, token.claim("project_path"), configPath(token.claim("ci_config_ref_uri")),
                env == null ? null : "the job deploys to '" + env + "'");
    }

    private static String issuerHost(String iss) {
        try {
            return iss == null ? null : URI.create(iss).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
