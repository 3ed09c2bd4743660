package io.github.yogs0ddhoth.pypi.check;

import static io.github.yogs0ddhoth.pypi.check.MetadataForm.refusal;
import static io.github.yogs0ddhoth.pypi.check.MetadataForm.shorten;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summary, Description and Description-Content-Type, as PyPI checks them. Part of {@link MetadataRules}'
 * catalogue.
 */
final class DescriptionRules {
    private static final int MAX_SUMMARY = 512;
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    private static final Set<String> MARKDOWN_VARIANTS = Set.of("GFM", "CommonMark");
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("\\s*([^\\s/;]+)\\s*/\\s*([^\\s;]+)\\s*((?:;.*)?)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([^=;\\s]+)\\s*=\\s*(\"[^\"]*\"|[^;]*)");

    private DescriptionRules() {}

    static void checkSummary(Path file, String where, MetadataForm form, List<Finding> findings) {
        Optional<String> summary = form.first(MetadataField.SUMMARY);
        if (summary.isEmpty()) {
            return;
        }
        if (summary.get().contains("\n")) {
            findings.add(Rule.SUMMARY.at(file, "Summary spans " + summary.get().split("\n").length + " lines"
                    + " (it starts '" + shorten(summary.get().split("\n")[0], 60) + "'); it must be one line. "
                    + refusal("'summary' must be a single line"), "Make the description in pyproject.toml"
                    + " ([project] description) a single line, and put longer text in the README."));
        }
        if (summary.get().length() > MAX_SUMMARY) {
            findings.add(Rule.SUMMARY.at(file, "Summary is " + summary.get().length() + " characters long; PyPI allows"
                    + " at most " + MAX_SUMMARY + ". " + refusal("'summary' field must be 512 characters or less"),
                    "Shorten the one-line description in pyproject.toml ([project] description) and rebuild."));
        }
    }

    static void checkDescription(Path file, String where, MetadataForm form, List<Finding> findings) {
        boolean hasDescription = form.descriptionInBody() || form.first(MetadataField.DESCRIPTION).isPresent();
        Optional<String> type = form.first(MetadataField.DESCRIPTION_CONTENT_TYPE);
        if (type.isPresent()) {
            contentTypeProblem(type.get()).ifPresent(problem -> findings.add(Rule.DESCRIPTION_CONTENT_TYPE.at(file,
                    "Description-Content-Type is '" + type.get() + "': " + problem + ". " + refusal(
                            "'description-content-type' " + problem),
                    "Use text/markdown (for a README.md), text/x-rst or text/plain, optionally with '; charset=UTF-8'"
                            + " and, for Markdown, '; variant=GFM' or '; variant=CommonMark'. In pyproject.toml the"
                            + " readme's content-type sets it.")));
        } else if (hasDescription) {
            findings.add(Rule.DESCRIPTION_CONTENT_TYPE_MISSING.at(file, where + " has a description but no"
                    + " Description-Content-Type, so PyPI renders it as reStructuredText; a Markdown README then"
                    + " shows as raw text, or the upload fails if it is not valid reStructuredText.",
                    "Declare the README's type: in pyproject.toml, readme = \"README.md\" sets text/markdown; or set"
                            + " Description-Content-Type explicitly."));
        }
        if (!hasDescription) {
            findings.add(Rule.DESCRIPTION_MISSING.at(file, where + " has no description, so the project page on PyPI"
                    + " will be empty.", "Set readme in pyproject.toml ([project] readme = \"README.md\") and"
                    + " rebuild."));
        }
    }

    /** Why a Description-Content-Type is refused (packaging's checks, in its words), or empty if it is fine. */
    static Optional<String> contentTypeProblem(String value) {
        Matcher m = CONTENT_TYPE.matcher(value);
        String contentType = m.matches() ? (m.group(1) + "/" + m.group(2)).toLowerCase(Locale.ROOT) : "text/plain";
        // Python's email parser falls back to text/plain for what it cannot parse; packaging then requires the value
        // to really mention its type, so the fallback does not pass for an unparseable value.
        if (!CONTENT_TYPES.contains(contentType) || !value.toLowerCase(Locale.ROOT).contains(contentType)) {
            return Optional.of("must be one of ['text/plain', 'text/markdown', 'text/x-rst'], not '" + value + "'");
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher p = PARAMETER.matcher(m.group(3));
        while (p.find()) {
            String v = p.group(2).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            parameters.putIfAbsent(p.group(1).toLowerCase(Locale.ROOT), v);
        }
        String charset = parameters.getOrDefault("charset", "UTF-8");
        if (!charset.equalsIgnoreCase("UTF-8")) {
            return Optional.of("can only specify the UTF-8 charset, not '" + charset + "'");
        }
        String variant = parameters.getOrDefault("variant", "GFM");
        if (contentType.equals("text/markdown") && !MARKDOWN_VARIANTS.contains(variant)) {
            return Optional.of("valid Markdown variants are ['CommonMark', 'GFM'], not '" + variant + "'");
        }
        return Optional.empty();
    }
}
