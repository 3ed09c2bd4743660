package io.github.yogs0ddhoth.pypi.identity;

import java.util.Locale;

/** What each error code of PyPI's mint-token endpoint means, and what the user can do about it. */
enum MintFailure {
    INVALID_PAYLOAD("invalid-payload",
            "PyPI could not read the token: it is malformed, or its issuer is not one PyPI trusts (GitHub Enterprise"
                    + " Server, or a self-managed GitLab that no PyPI admin registered).",
            "Publish from github.com, gitlab.com or Google Cloud. If the description mentions a pending publisher,"
                    + " the project could not be created: check the project name registered on PyPI."),
    NOT_ENABLED("not-enabled",
            "PyPI has turned trusted publishing off for this CI provider.",
            "Wait and re-run; check https://status.python.org/ for an ongoing incident."),
    INVALID_TOKEN("invalid-token",
            "PyPI rejected the token's signature or standard claims (expired, not yet valid, or an audience other"
                    + " than the one the index announced).",
            "Re-run the job so a fresh token is requested; make sure the runner's clock is correct."),
    INVALID_PENDING_PUBLISHER("invalid-pending-publisher",
            "The token matched a pending publisher, but a project with that name already exists.",
            "Register the trusted publisher on the existing project"),
    INVALID_REUSE_TOKEN("invalid-reuse-token",
            "This ID token was already exchanged once; PyPI accepts each token (its jti) only once.",
            "Re-run the job so a fresh token is requested."),
    INVALID_PUBLISHER("invalid-publisher",
            "The token is valid, but no trusted publisher registered on PyPI matches its claims.",
            "Compare the claims below with the publisher registered on PyPI: they must match exactly."
                    + " See https://docs.pypi.org/trusted-publishers/troubleshooting/");

    /** Why PyPI refused, and what to change. */
    record Explanation(String cause, String fix) {}

    private final String code;
    private final String cause;
    private final String fix;

    MintFailure(String code, String cause, String fix) {
        this.code = code;
        this.cause = cause;
        this.fix = fix;
    }

    static MintFailure of(String code) {
        for (MintFailure f : values()) {
            if (f.code.equals(code == null ? "" : code.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    String code() {
        return code;
    }

    String cause() {
        return cause;
    }

    String fix() {
        return fix;
    }

    /**
     * The cause and fix for this code as PyPI described it, for a token of {@code kind} (null when its issuer is
     * none PyPI knows) going to the project whose publishers live at {@code page}.
     */
    Explanation explain(String description, PublisherKind kind, PublishingPage page) {
        String d = description == null ? "" : description;
        return switch (this) {
            case INVALID_PAYLOAD -> d.contains("unknown trusted publishing issuer")
                    ? new Explanation("The token's issuer is not one PyPI trusts: GitHub Enterprise Server, a GitHub"
                            + " enterprise with a customised issuer, a self-managed GitLab that no PyPI admin"
                            + " registered, or a CI PyPI does not support (Buildkite, CircleCI).",
                            "Publish from github.com, gitlab.com or Google Cloud. For a self-managed GitLab, ask"
                                    + " PyPI's admins to register its issuer for your organization.")
                    : d.contains("malformed JWT")
                            ? new Explanation("PyPI could not decode the token.",
                                    "Re-run the job; if it persists, report it: the CI issued a broken token.")
                            : new Explanation(cause, "If this is about a pending publisher, the project could not"
                                    + " be created: check the project name registered at " + page.webOrigin()
                                    + "/manage/account/publishing/ (it may be invalid or too similar to an existing"
                                    + " project).");
            case INVALID_PENDING_PUBLISHER -> new Explanation(cause, fix + ": " + page.url() + ", and remove the"
                    + " pending publisher (Your account > Publishing).");
            case INVALID_REUSE_TOKEN -> new Explanation(cause, kind == PublisherKind.GITLAB
                    ? "GitLab gives a job one ID token, fixed when the job starts, so it cannot be retried within"
                            + " the job: re-run the job. Publish with one pypi-publish execution per job."
                    : fix);
            case INVALID_TOKEN -> new Explanation(cause, kind == PublisherKind.GITLAB
                    ? "Re-run the job (GitLab's token lives until the job's timeout: publish early in the job, or"
                            + " raise the timeout), and check that the id_tokens entry's aud is exactly the audience"
                            + " the index announced."
                    : fix);
            case INVALID_PUBLISHER -> invalidPublisher(d, kind, page);
            default -> new Explanation(cause, fix);
        };
    }

    private Explanation invalidPublisher(String description, PublisherKind kind, PublishingPage page) {
        InvalidPublisherReason reason = InvalidPublisherReason.of(description);
        String where = " The publisher on PyPI: " + page.url();
        if (reason == null) {
            return new Explanation(cause, fix + where);
        }
        String claim = reason.claimIn(description);
        String cause = claim == null ? reason.cause()
                : reason.cause().substring(0, reason.cause().length() - 1) + " (claim '" + claim + "').";
        String fix = reason.fix() + where;
        if (reason == InvalidPublisherReason.NOT_FOUND && kind != null) {
            fix += " (fields: " + switch (kind) {
                case GITHUB -> "Owner, Repository name, Workflow name, Environment name";
                case GITLAB -> "Namespace, Project name, Top-level pipeline file path, Environment name";
                case GOOGLE -> "Email";
            } + ")";
        }
        return new Explanation(cause, fix);
    }
}
