package io.github.yogs0ddhoth.pypi.identity;

import java.util.List;

/**
 * The outcome of {@link ClaimsCheck}: the claims PyPI would reject (any one fails the publish before the exchange)
 * and warnings that do not.
 */
record ClaimsCheckResult(PublisherKind kind, List<ClaimMismatch> mismatches, List<IdentityWarning> warnings) {
    public ClaimsCheckResult {
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
