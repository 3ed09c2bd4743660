package io.github.yogs0ddhoth.pypi.policy;

/**
 * Every publishing-policy rule, with its stable identifier (shown in reports; users grep for it) and its reason.
 */
enum PolicyRule {
    CI_CONFIG_FOUND("ci-config-found", "The policy can only protect a publishing setup it can read."),
    WORKFLOW_PARSES("workflow-parses", "A CI file that does not parse cannot run, and cannot be checked."),
    DECLARED_WORKFLOW_EXISTS("declared-workflow-exists", "PyPI trusts exactly one workflow file by name; renaming"
            + " or deleting it without updating PyPI breaks the next release."),
    PUBLISH_JOB_PRESENT("publish-job-present", "The trusted workflow must contain the job that publishes."),
    ID_TOKEN_PERMISSION("id-token-permission", "Without `id-token: write` the job gets no OIDC token, so trusted"
            + " publishing cannot start."),
    ENVIRONMENT_MATCHES("environment-matches", "PyPI compares the token's environment with the publisher's;"
            + " a renamed environment makes every release fail with invalid-publisher."),
    NO_PULL_REQUEST_TARGET("no-pull-request-target", "pull_request_target runs with the base repository's"
            + " privileges on events from forks; PyPI refuses tokens from it."),
    PULL_REQUEST_TRIGGER("pull-request-trigger", "Runs for pull requests from forks get no OIDC token, so the"
            + " publish fails there."),
    REUSABLE_WORKFLOW("reusable-workflow", "PyPI matches job_workflow_ref, the called file, not the caller;"
            + " reusable workflows are not supported by PyPI trusted publishing."),
    NO_STORED_CREDENTIALS("no-stored-credentials", PolicyMessages.ADR_REASON),
    ID_TOKEN_JOB_LEVEL("id-token-job-level", "PyPI recommends granting `id-token: write` only to the publish job,"
            + " so no other job can mint a PyPI token."),
    SEPARATE_BUILD_JOB("separate-build-job", "PyPI recommends a build job and a publish job that only downloads"
            + " the artifacts and publishes, so build tools never run with publishing rights."),
    GITLAB_ID_TOKEN("gitlab-id-token", "GitLab creates an ID token only for the audiences a job declares in"
            + " id_tokens; the plugin reads it from <AUD>_ID_TOKEN."),
    SEPARATE_INDEX_ENVIRONMENTS("separate-index-environments", "TestPyPI and PyPI need their own publishers and"
            + " their own environments, so a test upload can never hold the rights to a real release.");

    private final String id;
    private final String reason;

    PolicyRule(String id, String reason) {
        this.id = id;
        this.reason = reason;
    }

    public String id() {
        return id;
    }

    public String reason() {
        return reason;
    }
}
