package io.github.yogs0ddhoth.pypi.identity;

import java.util.ArrayList;
import java.util.List;

/** Collects what the rule sets find; one instance per check, never shared. */
final class ClaimFindings {
    static final String MISSING = "MISSING";

    private final List<ClaimMismatch> mismatches = new ArrayList<>();
    private final List<IdentityWarning> warnings = new ArrayList<>();

    void mismatch(String claim, String declared, String tokenSays, String rule, String fix) {
        mismatches.add(new ClaimMismatch(claim, declared, show(tokenSays), rule, fix));
    }

    /**
     * PyPI's rule that the claim naming the workflow or pipeline file ends with {@code @<ref>} or {@code @<sha>} of
     * this run: GitHub's job_workflow_ref against ref and sha, GitLab's ci_config_ref_uri against ref_path and sha.
     *
     * @param refClaim the claim holding the run's ref ({@code ref} or {@code ref_path})
     * @param run what the run is called on this CI ("run", "pipeline")
     * @param noRefFix the fix when the token has neither ref nor sha
     * @param otherRefFix the fix when the file was read at another ref
     */
    void refEndsWithRunRef(IdToken token, String claim, String value, String refClaim, String run, String noRefFix,
            String otherRefFix) {
        String ref = token.claim(refClaim);
        String sha = token.claim("sha");
        if (isBlank(ref) && isBlank(sha)) {
            mismatch(refClaim + ", sha", "at least one of them", "both empty",
                    "PyPI checks " + claim + " against @" + refClaim + " or @sha, so it needs one of them.", noRefFix);
            return;
        }
        if (!isBlank(ref) && value.endsWith("@" + ref) || !isBlank(sha) && value.endsWith("@" + sha)) {
            return;
        }
        List<String> expected = new ArrayList<>();
        if (!isBlank(ref)) {
            expected.add("@" + ref);
        }
        if (!isBlank(sha)) {
            expected.add("@" + sha);
        }
        int at = value.indexOf('@');
        mismatch(claim, String.join(" or ", expected), at < 0 ? value : value.substring(at) + "  (" + value + ")",
                "PyPI requires " + claim + " to end with @<" + refClaim + "> or @<sha> of this " + run + ".",
                otherRefFix);
    }

    /**
     * One warning naming the parts of a declared publisher that were left out, so went unchecked, with what the
     * token says for each.
     *
     * @param environmentNote what the token's environment means, or null when the job has none
     */
    void warnUndeclared(PublisherDeclaration declared, String tokenRepository, String tokenWorkflow,
            String environmentNote) {
        if (declared.isEmpty()) {
            return; // ClaimsCheck warns once about the whole publisher.
        }
        List<String> unchecked = new ArrayList<>();
        if (declared.repository() == null) {
            unchecked.add("pypi.publisher.repository (the token says " + show(tokenRepository) + ")");
        }
        if (declared.workflow() == null) {
            unchecked.add("pypi.publisher.workflow (the token says " + show(tokenWorkflow) + ")");
        }
        if (declared.environment() == null && environmentNote != null) {
            unchecked.add("pypi.publisher.environment (" + environmentNote + ")");
        }
        if (!unchecked.isEmpty()) {
            warn("Part of the trusted publisher is not declared",
                    "Not declared, so not checked before the exchange: " + String.join("; ", unchecked) + ".");
        }
    }

    void warn(String title, String text) {
        warnings.add(new IdentityWarning(title, text));
    }

    ClaimsCheckResult result(PublisherKind kind) {
        return new ClaimsCheckResult(kind, mismatches, warnings);
    }

    static String show(String value) {
        return value == null ? MISSING : value.isEmpty() ? "(empty)" : value;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
