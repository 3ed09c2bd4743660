package io.github.yogs0ddhoth.pypi.check;

import static io.github.yogs0ddhoth.pypi.check.MetadataForm.refusal;

import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields that relate a project to others and to its code: Requires-Dist and its kin, Provides-Extra,
 * Dynamic, Import-Name and Import-Namespace. Part of {@link MetadataRules}' catalogue.
 */
final class DependencyRules {
    // Fields a Dynamic entry may name (Warehouse's DYNAMIC_FIELDS): every field but the three that identify the file.
    private static final Set<String> NOT_DYNAMIC = Set.of("name", "version", "metadata-version");
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private DependencyRules() {}

    static void checkDependencies(Path file, String where, MetadataForm form, List<Finding> findings) {
        for (MetadataField field : List.of(MetadataField.REQUIRES_DIST, MetadataField.PROVIDES_DIST,
                MetadataField.OBSOLETES_DIST)) {
            for (String value : form.all(field)) {
                DependencySpecifier parsed;
                try {
                    parsed = DependencySpecifier.parse(value);
                } catch (DependencySpecifier.SyntaxError e) {
                    findings.add(Rule.REQUIREMENT_SYNTAX.at(file, field.spelling() + " '" + value + "' is not a PEP"
                            + " 508 dependency specifier: " + e.getMessage() + ". "
                            + refusal("'" + value + "' is invalid for '" + field.key() + "'"),
                            "Write it as name[extras] specifiers ; marker, for example 'requests[socks] >=2.31 ;"
                                    + " python_version < \"3.13\"', in pyproject.toml ([project] dependencies)."));
                    continue;
                }
                if (parsed.url() != null) {
                    findings.add(Rule.DIRECT_URL_DEPENDENCY.at(file, field.spelling() + " '" + value + "' points at"
                            + " a URL (" + parsed.url() + "). PyPI refuses direct references, since pip could not"
                            + " resolve them for your users: \"Can't have direct dependency: " + value + "\".",
                            "Depend on a release published on PyPI ('" + parsed.name() + " >=X.Y'), or publish the"
                                    + " dependency first; keep URL dependencies for local requirements files."));
                }
            }
        }
        form.first(MetadataField.REQUIRES_PYTHON).ifPresent(value -> VersionSpecifiers.invalidSpecifier(value)
                .ifPresent(bad -> findings.add(Rule.REQUIRES_PYTHON.at(file, "Requires-Python is '" + value + "';"
                        + " '" + bad + "' is not a version specifier. " + refusal("'" + value + "' is invalid for"
                        + " 'requires-python'"), "Write comma-separated specifiers such as '>=3.9' or '>=3.9,<4'"
                        + " ([project] requires-python in pyproject.toml)."))));
        for (String extra : form.all(MetadataField.PROVIDES_EXTRA)) {
            if (!ProjectNames.isValid(extra)) {
                findings.add(Rule.PROVIDES_EXTRA.at(file, "Provides-Extra '" + extra + "' is not a valid extra name."
                        + " " + refusal("'" + extra + "' is invalid for 'provides-extra'"), "Name extras with ASCII"
                        + " letters, digits, '.', '_' and '-', starting and ending with a letter or digit."));
            }
        }
    }

    static void checkDynamic(Path file, String where, MetadataForm form, List<Finding> findings) {
        for (String entry : form.all(MetadataField.DYNAMIC)) {
            String lower = entry.toLowerCase(Locale.ROOT);
            String problem;
            if (NOT_DYNAMIC.contains(lower)) {
                problem = "'" + lower + "' is not allowed as a dynamic field";
            } else if (MetadataField.byName(lower).isEmpty() || lower.equals("dynamic")) {
                problem = "Dynamic field '" + lower + "' is not a valid dynamic field";
            } else {
                continue;
            }
            findings.add(Rule.DYNAMIC.at(file, "Dynamic lists '" + entry + "'. " + (NOT_DYNAMIC.contains(lower)
                    ? "Name, Version and Metadata-Version identify the distribution and must be final in an sdist. "
                    : "Dynamic entries must name core-metadata fields. ") + refusal(problem),
                    "Remove '" + entry + "' from Dynamic; it comes from the build backend's configuration (for"
                            + " setuptools, the dynamic list in pyproject.toml)."));
        }
    }

    static void checkImportNames(Path file, String where, MetadataForm form, List<Finding> findings) {
        for (MetadataField field : List.of(MetadataField.IMPORT_NAME, MetadataField.IMPORT_NAMESPACE)) {
            for (String value : form.all(field)) {
                importNameProblem(value).ifPresent(problem -> findings.add(Rule.IMPORT_NAME.at(file,
                        field.spelling() + " '" + value + "' " + problem + ". " + refusal("'" + value + "' is invalid"
                                + " for '" + field.key() + "'; " + problem),
                        "List importable names: dotted Python identifiers such as 'mypkg' or 'mypkg.sub',"
                                + " optionally followed by '; private'.")));
            }
        }
    }

    private static Optional<String> importNameProblem(String value) {
        int semicolon = value.indexOf(';');
        String name = (semicolon < 0 ? value : value.substring(0, semicolon)).stripTrailing();
        for (String identifier : name.split("\\.", -1)) {
            if (!isIdentifier(identifier)) {
                return Optional.of("has '" + identifier + "', which is not a valid identifier");
            }
            if (PYTHON_KEYWORDS.contains(identifier)) {
                return Optional.of("has '" + identifier + "', which is a keyword");
            }
        }
        if (semicolon >= 0 && !value.substring(semicolon + 1).strip().equals("private")) {
            return Optional.of("has an option other than 'private', the only valid one");
        }
        return Optional.empty();
    }

    // Python's str.isidentifier(): a letter or '_' and then letters, digits or '_' (Unicode XID, approximated).
    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(s.charAt(0) == '_' || Character.isUnicodeIdentifierStart(s.codePointAt(0)))) {
            return false;
        }
        return s.codePoints().allMatch(c -> c == '_' || Character.isUnicodeIdentifierPart(c) && !Character
                .isIdentifierIgnorable(c));
    }
}
