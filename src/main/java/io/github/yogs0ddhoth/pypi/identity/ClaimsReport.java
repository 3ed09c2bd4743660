package io.github.yogs0ddhoth.pypi.identity;

import java.util.List;

/**
 * Renders claim mismatches and the token's non-secret claims, as plain text for the build log and as
 * GitHub-flavoured Markdown for the job summary. Only claims named by {@link PublisherKind#debugClaims()} are ever
 * shown; the token itself never is.
 */
final class ClaimsReport {
    static final String DEBUG_NOTE = "Claims of the ID token, for debugging (the token itself is not shown; do not"
            + " register a publisher from these unless they match what you expect):";
    private static final String[] HEADER = {"claim", "declared", "token says", "rule"};

    private ClaimsReport() {}

    /** The exception that fails the publish before the exchange. */
    static IdentityException mismatchFailure(ClaimsCheckResult result, IdToken token, PublishingPage page,
            PublisherRegistration registration) {
        String title = "The " + result.kind().displayName() + " ID token does not match the declared trusted"
                + " publisher";
        String intro = title + " (" + result.mismatches().size() + " problem"
                + (result.mismatches().size() == 1 ? "" : "s") + "). PyPI would refuse it, so no token was"
                + " exchanged and nothing was uploaded.";
        String pages = "The publisher registered on PyPI: " + page.url() + "\nThe same form pre-filled (declared"
                + " values; the token's where nothing is declared): " + page.prefilled(registration);
        StringBuilder text = new StringBuilder(intro).append("\n\n").append(textTable(result.mismatches()))
                .append("\nHow to fix:");
        for (ClaimMismatch m : result.mismatches()) {
            text.append("\n  * ").append(m.claim()).append(": ").append(m.fix());
        }
        text.append('\n').append(pages).append("\n").append(debugText(token, result.kind()));
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n").append(intro).append("\n\n")
                .append(markdownTable(result.mismatches())).append("\n**How to fix**\n\n");
        for (ClaimMismatch m : result.mismatches()) {
            md.append("- `").append(cell(m.claim())).append("`: ").append(cell(m.fix())).append('\n');
        }
        md.append("\nThe publisher registered on PyPI: ").append(page.url()).append(" ([pre-filled form](")
                .append(page.prefilled(registration)).append("))\n\n")
                .append(debugMarkdown(token, result.kind()));
        return new IdentityException(title, text.toString(), md.toString());
    }

    static String textTable(List<ClaimMismatch> rows) {
        int[] width = new int[3];
        for (int i = 0; i < 3; i++) {
            width[i] = HEADER[i].length();
        }
        for (ClaimMismatch m : rows) {
            width[0] = Math.max(width[0], m.claim().length());
            width[1] = Math.max(width[1], m.declared().length());
            width[2] = Math.max(width[2], m.tokenSays().length());
        }
        StringBuilder s = new StringBuilder();
        row(s, width, HEADER);
        s.append("  ").append("-".repeat(width[0])).append("-+-").append("-".repeat(width[1])).append("-+-")
                .append("-".repeat(width[2])).append("-+-").append("-".repeat(HEADER[3].length())).append('\n');
        for (ClaimMismatch m : rows) {
            row(s, width, new String[] {m.claim(), m.declared(), m.tokenSays(), m.rule()});
        }
        return s.toString();
    }

    private static void row(StringBuilder s, int[] width, String[] cells) {
        s.append("  ");
        for (int i = 0; i < 3; i++) {
            s.append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" | ");
        }
        s.append(cells[3]).append('\n');
    }

    static String markdownTable(List<ClaimMismatch> rows) {
        StringBuilder s = new StringBuilder("| claim | declared | token says | rule |\n|---|---|---|---|\n");
        for (ClaimMismatch m : rows) {
            s.append("| `").append(cell(m.claim())).append("` | `").append(cell(m.declared())).append("` | `")
                    .append(cell(m.tokenSays())).append("` | ").append(cell(m.rule())).append(" |\n");
        }
        return s.toString();
    }

    static String debugText(IdToken token, PublisherKind kind) {
        StringBuilder s = new StringBuilder(DEBUG_NOTE);
        for (String claim : kind.debugClaims()) {
            s.append("\n    ").append(claim).append(": ").append(ClaimFindings.show(token.claim(claim)));
        }
        return s.toString();
    }

    static String debugMarkdown(IdToken token, PublisherKind kind) {
        StringBuilder s = new StringBuilder("<details><summary>").append(DEBUG_NOTE).append("</summary>\n\n");
        for (String claim : kind.debugClaims()) {
            s.append("- `").append(claim).append("`: `").append(cell(ClaimFindings.show(token.claim(claim))))
                    .append("`\n");
        }
        return s.append("\n</details>\n").toString();
    }

    /** Keeps a value inside its table cell or code span. */
    static String cell(String value) {
        return value.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("`", "'");
    }
}
