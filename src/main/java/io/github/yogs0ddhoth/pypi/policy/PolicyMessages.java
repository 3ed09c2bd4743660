package io.github.yogs0ddhoth.pypi.policy;

/** Text shared by several rules. */
final class PolicyMessages {
    /** The ADR's reason for refusing stored credentials, quoted in every such finding. */
    static final String ADR_REASON = "The ADR: publish only with OIDC trusted publishing; a stored token can leak,"
            + " must be revoked and rotated by hand; nothing long-lived may exist.";

    private PolicyMessages() {
    }
}
