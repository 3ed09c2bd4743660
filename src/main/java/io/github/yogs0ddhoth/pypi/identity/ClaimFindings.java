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
