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
            "Register the trusted publisher on the existing project: https://pypi.org/manage/project/<name>/"
                    + "settings/publishing/"),
    INVALID_REUSE_TOKEN("invalid-reuse-token",
            "This ID token was already exchanged once; PyPI accepts each token (its jti) only once.",
            "Re-run the job so a fresh token is requested."),
    INVALID_PUBLISHER("invalid-publisher",
            "The token is valid, but no trusted publisher registered on PyPI matches its claims.",
            "Compare the claims below with the publisher registered on PyPI: owner/repository, the workflow file"
                    + " name (e.g. publish.yml) and the environment (e.g. pypi) must match exactly."
                    + " See https://docs.pypi.org/trusted-publishers/troubleshooting/");

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

    String cause() {
        return cause;
    }

    String fix() {
        return fix;
    }
}
