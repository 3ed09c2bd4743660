package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CI system this build runs on, decided once from the process environment and the host facts the mojo read:
 * which provider, whether it can mint a second ID token, and where GitHub Actions takes the job summary and the step
 * outputs. Nothing here reads the host or makes a network call; the one run that uses it builds it once.
 *
 * <p>Order: GitHub Actions, then GitLab CI/CD, then Google Cloud. The two CI systems come first because their
 * variables are explicit and a self-hosted runner often runs on a Compute Engine VM or in GKE: such a job means to
 * publish as its repository's workflow, not as the VM's service account.
 */
public final class CiContext {
    static final String ACTIVESTATE = "ActiveState, PyPI's fourth kind of trusted publisher, publishes from inside"
            + " ActiveState's own build platform ('state publish'), which injects its token into its own builder;"
            + " no Maven build runs there, so it is not this plugin's case. Publish from one of the CI systems above"
            + " instead, or let the ActiveState platform publish.";

    private final Map<String, String> environment;
    private final PublisherKind kind;
    private final String googleEvidence;
    private final Path jobSummary;
    private final Path stepOutputs;
    private final List<String> unusableFiles;

    private CiContext(Map<String, String> environment, PublisherKind kind, String googleEvidence) {
        this.environment = Map.copyOf(environment);
        this.kind = kind;
        this.googleEvidence = googleEvidence;
        List<String> unusable = new ArrayList<>();
        this.jobSummary = kind == PublisherKind.GITHUB ? gitHubFile("GITHUB_STEP_SUMMARY", unusable) : null;
        this.stepOutputs = kind == PublisherKind.GITHUB ? gitHubFile("GITHUB_OUTPUT", unusable) : null;
        this.unusableFiles = List.copyOf(unusable);
    }

    /**
     * @param environment    the process environment
     * @param dmiProductName the machine's DMI product name ({@code /sys/class/dmi/id/product_name}, stripped), which
     *                       names Compute Engine VMs, GKE nodes and Cloud Build workers; null when unknown
     */
    public static CiContext of(Map<String, String> environment, String dmiProductName) {
        if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
            return new CiContext(environment, PublisherKind.GITHUB, null);
        }
        if ("true".equals(environment.get("GITLAB_CI"))) {
            return new CiContext(environment, PublisherKind.GITLAB, null);
        }
        String google = GoogleCloudHints.evidence(environment, dmiProductName);
        return new CiContext(environment, google == null ? null : PublisherKind.GOOGLE, google);
    }

    /** The process environment this context was read from; the providers and the stored-token guard read it. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Whether a supported CI was detected: a dry run checks claims, and the preflight asks the index, only then. */
    public boolean isSupported() {
        return kind != null;
    }

    /** Whether workflow commands (annotations, masking) are understood by whoever reads the build's output. */
    public boolean onGitHubActions() {
        return kind == PublisherKind.GITHUB;
    }

    /**
     * Whether the CI hands out a second, unspent ID token: GitLab gives a job exactly one per audience, fixed when
     * the job starts, and PyPI accepts each token once, so there an expired or failed exchange cannot be repeated.
     */
    public boolean canMintTwice() {
        return kind != null && kind.canMintTwice();
    }

    /** The job summary GitHub Actions shows ({@code GITHUB_STEP_SUMMARY}), or null off it or when unset. */
    public Path jobSummary() {
        return jobSummary;
    }

    /** The step outputs file of GitHub Actions ({@code GITHUB_OUTPUT}), or null off it or when unset. */
    public Path stepOutputs() {
        return stepOutputs;
    }

    /** Why a job summary or outputs file the runner named will not be written, one sentence each. */
    public List<String> unusableFiles() {
        return unusableFiles;
    }

    /** The provider that will hand out this job's ID tokens; nothing is requested yet. */
    public IdentityProvider provider(TextExchange http, SecretMasker masker) throws IdentityException {
        if (kind == null) {
            throw new IdentityException("No CI system to publish from", noCiMessage(), null);
        }
        return switch (kind) {
            case GITHUB -> new GitHubActionsIdentity(environment, http, masker);
            case GITLAB -> new GitLabCiIdentity(environment, masker);
            case GOOGLE -> new GoogleCloudIdentity(environment, masker, googleEvidence);
        };
    }

    private Path gitHubFile(String variable, List<String> unusable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            unusable.add("Not writing to " + variable + ": " + value + " is not a path this file system can hold ("
                    + e.getReason() + ").");
            return null;
        }
    }

    private String noCiMessage() {
        StringBuilder m = new StringBuilder("No supported CI system was detected, so there is no identity to"
                + " publish with.\n"
                + "This plugin publishes only through PyPI trusted publishing: the CI job proves who it is with a"
                + " short-lived OIDC token, PyPI exchanges it for a 15-minute upload token, and no password or API"
                + " token is ever stored. Supported here:\n"
                + "  * GitHub Actions (GITHUB_ACTIONS=true)\n"
                + "  * GitLab CI/CD (GITLAB_CI=true)\n"
                + "  * Google Cloud: Compute Engine, GKE, Cloud Run, Cloud Build (recognised by one of "
                + String.join(", ", GoogleCloudHints.VARIABLES) + ", or a DMI product name of 'Google')\n");
        if (isSet("BUILDKITE") || isSet("CIRCLECI")) {
            m.append("This looks like ").append(isSet("BUILDKITE") ? "Buildkite" : "CircleCI")
                    .append(". It can issue OIDC tokens, but PyPI does not trust its issuer (the exchange would fail"
                            + " with 'invalid-payload: unknown trusted publishing issuer'), so it cannot be a"
                            + " trusted publisher today.\n");
        }
        m.append(ACTIVESTATE).append('\n')
                .append("To see what would be published without any credentials, run with -Dpypi.dryRun=true.\n")
                .append("To set up the publisher on PyPI, see https://docs.pypi.org/trusted-publishers/");
        return m.toString();
    }

    private boolean isSet(String name) {
        String v = environment.get(name);
        return v != null && !v.isBlank();
    }

    @Override
    public String toString() {
        return "CiContext[" + (kind == null ? "no CI" : kind.displayName()) + "]";
    }
}
