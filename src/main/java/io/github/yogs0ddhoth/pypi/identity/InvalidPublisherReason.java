package io.github.yogs0ddhoth.pypi.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons PyPI gives inside {@code invalid-publisher: valid token, but no corresponding publisher (<reason>)},
 * each mapped to what it means and what to change. The texts are Warehouse's own (oidc/models/*.py); the first
 * matching entry wins, so the specific ones come before the general ones.
 */
enum InvalidPublisherReason {
    NOT_FOUND("Publisher with matching claims was not found|All lookup strategies exhausted",
            "No publisher registered on this index matches the token's identity (for GitHub: owner, repository,"
                    + " workflow file and environment; for GitLab: project, pipeline file and environment; for"
                    + " Google: the service account email).",
            "Open the publisher on PyPI and compare it field by field with the claims below. TestPyPI and PyPI are"
                    + " separate sites with separate accounts and publishers. A project that does not exist yet needs"
                    + " a pending publisher (Your account > Publishing)."),
    OWNER_ID("Check failed for required claim 'repository_owner_id'",
            "The repository owner's numeric GitHub id differs from the one PyPI recorded when the publisher was"
                    + " registered: the account was deleted and re-created, or the repository moved to a new owner of"
                    + " the same name. PyPI pins the id so a re-registered name cannot take over the project.",
            "If the current owner is legitimate, remove the publisher on PyPI and add it again, so PyPI records"
                    + " the current owner id."),
    ENVIRONMENT("Check failed for optional claim 'environment'|Missing claim 'environment'",
            "The publisher on PyPI names a deployment environment, and this job does not run in it (see the"
                    + " environment claim below).",
            "Run the publish job in the registered environment ('environment: NAME' on the job), or register the"
                    + " publisher with this job's environment. Declare pypi.publisher.environment so the plugin"
                    + " catches this before the exchange."),
    PULL_REQUEST_TARGET("pull_request_target",
            "PyPI refuses tokens from runs triggered by pull_request_target.",
            "Publish from a tag push, a release or workflow_dispatch."),
    WORKFLOW_REF("job_workflow_ref claim|ref and sha claims are empty",
            "The workflow file that runs the job (job_workflow_ref), or the ref it was read at, differs from the"
                    + " registered publisher's. This is what a reusable workflow, or one pinned to another ref,"
                    + " looks like.",
            "Register the file named in job_workflow_ref, and call it at the run's own ref, or move the publish job"
                    + " into the top-level workflow."),
    ISSUER("JWT issuer .* does not match expected issuer",
            "The publisher on PyPI is registered for another issuer (another GitLab instance) than the one that"
                    + " signed this token.",
            "Register the publisher for this GitLab instance's issuer; a self-managed instance must first be"
                    + " registered by a PyPI admin for your organization."),
    MISSING_CLAIM("Missing claim '([^']+)'",
            "The token lacks a claim this kind of publisher requires.",
            "Check the claims below; a token without them does not come from a regular CI job of a supported"
                    + " provider (for example, a customised OIDC subject or an unusual trigger)."),
    CLAIM_CHECK("Check failed for (?:required|optional) claim '([^']+)'",
            "A claim of the token does not match the registered publisher.",
            "Compare that claim below with the publisher on PyPI: a renamed or moved repository or project, a"
                    + " renamed pipeline file, or another service account all look like this.");

    private final Pattern pattern;
    private final String cause;
    private final String fix;

    InvalidPublisherReason(String regex, String cause, String fix) {
        this.pattern = Pattern.compile(regex);
        this.cause = cause;
        this.fix = fix;
    }

    /** The reason PyPI gave in {@code description}, or null when it is none we know. */
    static InvalidPublisherReason of(String description) {
        if (description == null) {
            return null;
        }
        for (InvalidPublisherReason reason : values()) {
            if (reason.pattern.matcher(description).find()) {
                return reason;
            }
        }
        return null;
    }

    /** The claim a reason names, e.g. {@code ref} in "Missing claim 'ref'", or null. */
    String claimIn(String description) {
        Matcher m = pattern.matcher(description);
        return m.find() && m.groupCount() >= 1 ? m.group(1) : null;
    }

    String cause() {
        return cause;
    }

    String fix() {
        return fix;
    }
}
