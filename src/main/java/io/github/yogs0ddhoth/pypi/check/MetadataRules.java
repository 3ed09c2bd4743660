package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks PyPI applies to the core metadata of each upload (packaging's {@code Metadata} validation plus
 * Warehouse's own rules), run on the METADATA or PKG-INFO the plugin would send.
 *
 * <p>PyPI validates the form fields, not the file, so the fields are first brought into the shape the upload form
 * gives them: a value that is just {@code UNKNOWN} (what old setuptools wrote for "not set") is dropped, as PyPI drops
 * it; a single empty value counts as absent; of a repeated single-valued field only the first is sent.
 */
final class MetadataRules {

    private static final String CORE_METADATA_SPEC = "https://packaging.python.org/specifications/core-metadata";
    private static final int MAX_SUMMARY = 512;
    private static final int MAX_URL_LABEL = 32;
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    private static final Set<String> MARKDOWN_VARIANTS = Set.of("GFM", "CommonMark");
    // Fields a Dynamic entry may name (Warehouse's DYNAMIC_FIELDS): every field but the three that identify the file.
    private static final Set<String> NOT_DYNAMIC = Set.of("name", "version", "metadata-version");
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("\\s*([^\\s/;]+)\\s*/\\s*([^\\s;]+)\\s*((?:;.*)?)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([^=;\\s]+)\\s*=\\s*(\"[^\"]*\"|[^;]*)");

    private final TroveClassifiers classifiers;
    private final LicenseExpression licenses;

    MetadataRules(TroveClassifiers classifiers, LicenseExpression licenses) {
        this.classifiers = classifiers;
        this.licenses = licenses;
    }

    /** The fields as the upload form carries them, plus what was left out on the way. */
    private record Form(Map<MetadataField, List<String>> values, Set<String> unknown, Set<MetadataField> repeated,
            boolean descriptionInBody, boolean descriptionInHeader) {

        List<String> all(MetadataField field) {
            return values.getOrDefault(field, List.of());
        }

        Optional<String> first(MetadataField field) {
            List<String> list = all(field);
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
        }

        static Form of(CoreMetadata metadata) {
            Map<MetadataField, List<String>> values = new EnumMap<>(MetadataField.class);
            Set<String> unknown = new LinkedHashSet<>();
            Set<MetadataField> repeated = new LinkedHashSet<>();
            for (CoreMetadata.Field field : metadata.fields()) {
                Optional<MetadataField> known = MetadataField.byName(field.name());
                if (known.isEmpty()) {
                    unknown.add(field.name());
                    continue;
                }
                List<String> list = values.computeIfAbsent(known.get(), f -> new ArrayList<>());
                if (!known.get().multiple() && !list.isEmpty()) {
                    repeated.add(known.get());
                    continue;
                }
                list.add(field.value());
            }
            values.values().removeIf(list -> {
                list.removeIf(v -> v.strip().equals("UNKNOWN"));
                return list.isEmpty() || list.size() == 1 && list.get(0).isEmpty();
            });
            boolean inHeader = values.containsKey(MetadataField.DESCRIPTION);
            boolean inBody = !metadata.body().isBlank();
            return new Form(values, unknown, repeated, inBody, inHeader);
        }
    }

    /** Checks one file's metadata; {@code where} names the document, {@code METADATA} or {@code PKG-INFO}. */
    List<Finding> check(Path file, String where, CoreMetadata metadata) {
        Form form = Form.of(metadata);
        List<Finding> findings = new ArrayList<>();
        Optional<String> metadataVersion = checkMetadataVersion(file, where, form, findings);
        checkName(file, where, form, findings);
        checkVersion(file, where, form, findings);
        checkStructure(file, where, form, metadataVersion, findings);
        checkSummary(file, where, form, findings);
        checkDescription(file, where, form, findings);
        checkDependencies(file, where, form, findings);
        checkUrls(file, where, form, findings);
        checkEmails(file, where, form, findings);
        checkClassifiers(file, where, form, findings);
        checkLicense(file, where, form, metadataVersion, findings);
        checkDynamic(file, where, form, findings);
        checkImportNames(file, where, form, findings);
        return findings;
    }

    private static String refusal(String pypiMessage) {
        String sentence = pypiMessage.endsWith(".") ? pypiMessage : pypiMessage + ".";
        return "PyPI refuses the upload: \"" + sentence + " See " + CORE_METADATA_SPEC + " for more information.\"";
    }

    private Optional<String> checkMetadataVersion(Path file, String where, Form form, List<Finding> findings) {
        Optional<String> declared = form.first(MetadataField.METADATA_VERSION);
        if (declared.isEmpty()) {
            findings.add(Rule.METADATA_VERSION.at(file, where + " has no Metadata-Version field. It is required: it"
                    + " tells PyPI which fields to expect. " + refusal("None is not a valid metadata version"),
                    "Rebuild the distribution with a current build backend, which writes Metadata-Version 2.4; in a"
                            + " hand-written " + where + ", add 'Metadata-Version: 2.4' as the first line."));
            return Optional.empty();
        }
        String value = declared.get();
        if (!MetadataField.SUPPORTED_VERSIONS.contains(value)) {
            String why = value.equals("2.0")
                    ? " Metadata-Version 2.0 was never a standard (PEP 426 was withdrawn), so no index accepts it."
                    : "";
            findings.add(Rule.METADATA_VERSION.at(file, where + " declares Metadata-Version '" + value + "'; PyPI"
                    + " accepts " + String.join(", ", MetadataField.SUPPORTED_VERSIONS) + "." + why + " "
                    + refusal("'" + value + "' is not a valid metadata version"),
                    "Rebuild with a current build backend (setuptools >= 77, hatchling, flit-core, poetry-core >= 2),"
                            + " which writes 2.4; by hand, declare the oldest listed version that has every field"
                            + " you use."));
            return Optional.empty();
        }
        return declared;
    }

    private static void checkName(Path file, String where, Form form, List<Finding> findings) {
        Optional<String> name = form.first(MetadataField.NAME);
        if (name.isEmpty()) {
            findings.add(Rule.REQUIRED_FIELD.at(file, where + " has no Name. " + refusal("'name' is a required field"),
                    "Set the project name in pyproject.toml ([project] name) and rebuild."));
        } else if (!ProjectNames.isValid(name.get())) {
            findings.add(Rule.NAME_INVALID.at(file, "Name is '" + name.get() + "'. PyPI refuses the upload: \"'"
                    + name.get() + "' is an invalid value for Name. Error: " + ProjectNames.RULE_TEXT + " See "
                    + CORE_METADATA_SPEC + " for more information.\"",
                    "Rename the project to ASCII letters, digits, '.', '_' and '-', starting and ending with a letter"
                            + " or digit (for example '" + suggestName(name.get()) + "'), and rebuild."));
        }
    }

    private static String suggestName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+|[._-]+$", "");
        return cleaned.isEmpty() ? "my-project" : cleaned;
    }

    private static void checkVersion(Path file, String where, Form form, List<Finding> findings) {
        Optional<String> raw = form.first(MetadataField.VERSION);
        if (raw.isEmpty()) {
            findings.add(Rule.REQUIRED_FIELD.at(file, where + " has no Version. "
                    + refusal("'version' is a required field"), "Set the version (pyproject.toml [project] version,"
                    + " or your version plugin) and rebuild."));
            return;
        }
        Optional<Pep440Version> version = Pep440Version.parse(raw.get());
        if (version.isEmpty()) {
            findings.add(Rule.VERSION_INVALID.at(file, "Version is '" + raw.get() + "', which is not a PEP 440 version"
                    + snapshotNote(raw.get()) + ". " + refusal("'" + raw.get() + "' is invalid for 'version'"),
                    "Use a PEP 440 version such as 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3, and rebuild."));
            return;
        }
        if (version.get().isLocal()) {
            findings.add(Rule.VERSION_LOCAL.at(file, "Version is '" + raw.get() + "', a local version (the part after"
                    + " '+' is '" + version.get().localLabel() + "'). Local versions are for builds that never leave"
                    + " your machine; PyPI refuses the upload: \"The use of local versions in '" + version.get()
                    + "' is not allowed. See https://packaging.python.org/en/latest/specifications/version-specifiers/"
                    + "#local-version-identifiers for more information.\"",
                    "Publish '" + version.get().withoutLocal() + "' instead: drop the '+" + version.get().localLabel()
                            + "' suffix (a setuptools-scm build outside a tagged commit adds one; tag the commit or"
                            + " set local_scheme = \"no-local-version\")."));
        }
    }

    static String snapshotNote(String version) {
        return version.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT")
                ? " (Maven's -SNAPSHOT has no meaning in Python; a pre-release is spelled 1.0.dev1 or 1.0rc1)"
                : "";
    }

    private static void checkStructure(Path file, String where, Form form, Optional<String> metadataVersion,
            List<Finding> findings) {
        for (MetadataField field : form.repeated()) {
            boolean identity = field == MetadataField.NAME || field == MetadataField.VERSION
                    || field == MetadataField.METADATA_VERSION;
            findings.add(Rule.FIELD_REPEATED.at(file, identity ? Severity.ERROR : Severity.WARNING,
                    where + " gives " + field.spelling() + " more than once; it is a single-valued field. Only the"
                            + " first value ('" + form.first(field).orElse("") + "') is uploaded, and tools that"
                            + " read the file (twine check, packaging) refuse it as invalid data.",
                    "Keep one " + field.spelling() + " line in " + where + " (fix the build configuration that"
                            + " writes it twice) and rebuild."));
        }
        if (form.descriptionInBody() && form.descriptionInHeader()) {
            findings.add(Rule.FIELD_REPEATED.at(file, Severity.WARNING, where + " has a description both in a"
                    + " Description header and in the message body; the body is uploaded, and twine check refuses"
                    + " the file.", "Keep only the body (what build backends write since Metadata-Version 2.1)."));
        }
        if (!form.unknown().isEmpty()) {
            findings.add(Rule.FIELD_UNKNOWN.at(file, where + " has " + (form.unknown().size() == 1 ? "a field" : "fields")
                    + " that core metadata does not define: " + String.join(", ", form.unknown()) + ". They are not"
                    + " uploaded (PyPI ignores unknown fields), and twine check refuses them.",
                    "Remove them, or check their spelling against " + CORE_METADATA_SPEC + "."));
        }
        if (metadataVersion.isEmpty()) {
            return;
        }
        int declared = MetadataField.SUPPORTED_VERSIONS.indexOf(metadataVersion.get());
        for (MetadataField field : form.values().keySet()) {
            if (MetadataField.SUPPORTED_VERSIONS.indexOf(field.added()) <= declared) {
                continue;
            }
            if (field == MetadataField.LICENSE_FILE) {
                findings.add(Rule.LICENSE_FILE_DROPPED.at(file, where + " declares Metadata-Version "
                        + metadataVersion.get() + " but uses License-File, a " + field.added() + " field. PyPI would"
                        + " refuse it (\"license-file introduced in metadata version 2.4, not "
                        + metadataVersion.get() + "\"), so the plugin, like twine, does not send it: the license"
                        + " files will not be listed on PyPI.", "Rebuild with a backend that writes Metadata-Version"
                        + " 2.4 (setuptools >= 77, hatchling >= 1.27) to have the license files listed."));
                continue;
            }
            findings.add(Rule.FIELD_TOO_NEW.at(file, where + " uses " + field.spelling() + ", which Metadata-Version "
                    + field.added() + " introduced, but declares Metadata-Version " + metadataVersion.get() + ". "
                    + refusal(field.key() + " introduced in metadata version " + field.added() + ", not "
                            + metadataVersion.get()),
                    "Declare Metadata-Version " + field.added() + " or later (rebuilding with a current backend does"
                            + " that), or remove the field."));
        }
    }

    private static void checkSummary(Path file, String where, Form form, List<Finding> findings) {
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

    private static void checkDescription(Path file, String where, Form form, List<Finding> findings) {
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

    private static void checkDependencies(Path file, String where, Form form, List<Finding> findings) {
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

    private static void checkUrls(Path file, String where, Form form, List<Finding> findings) {
        for (MetadataField field : List.of(MetadataField.HOME_PAGE, MetadataField.DOWNLOAD_URL)) {
            form.first(field).filter(url -> !Urls.isValid(url)).ifPresent(url -> findings.add(Rule.URL_INVALID.at(
                    file, field.spelling() + " is '" + url + "', which is not an http or https URL. "
                            + refusal("'" + url + "' is not a valid url"),
                    "Use a full http:// or https:// URL, or leave the field out (Project-URL is the modern way to"
                            + " link pages).")));
        }
        Set<String> labels = new HashSet<>();
        for (String value : form.all(MetadataField.PROJECT_URL)) {
            int comma = value.indexOf(',');
            String label = (comma < 0 ? value : value.substring(0, comma)).strip();
            String url = comma < 0 ? "" : value.substring(comma + 1).strip();
            String fix = "Write each Project-URL as 'Label, https://...' with a unique label of 1 to 32 characters"
                    + " ([project.urls] in pyproject.toml).";
            if (!labels.add(label)) {
                findings.add(Rule.PROJECT_URL.at(file, "Project-URL label '" + label + "' is used more than once."
                        + " PyPI refuses the upload: \"'project_urls' has invalid data\".", fix));
            } else if (label.isEmpty()) {
                findings.add(Rule.PROJECT_URL.at(file, "Project-URL '" + value + "' has no label. "
                        + refusal("Must have a label"), fix));
            } else if (label.length() > MAX_URL_LABEL) {
                findings.add(Rule.PROJECT_URL.at(file, "Project-URL label '" + label + "' is " + label.length()
                        + " characters long; PyPI allows at most " + MAX_URL_LABEL + ". "
                        + refusal("'" + label + "' must be 32 characters or less"), fix));
            } else if (url.isEmpty()) {
                findings.add(Rule.PROJECT_URL.at(file, "Project-URL '" + value + "' has a label but no URL (expected"
                        + " 'Label, URL'). " + refusal("Must have a URL"), fix));
            } else if (!Urls.isValid(url)) {
                findings.add(Rule.PROJECT_URL.at(file, "Project-URL '" + label + "' points at '" + url + "', which"
                        + " is not an http or https URL. " + refusal("'" + url + "' is not a valid url"), fix));
            }
        }
    }

    private static void checkEmails(Path file, String where, Form form, List<Finding> findings) {
        for (MetadataField field : List.of(MetadataField.AUTHOR_EMAIL, MetadataField.MAINTAINER_EMAIL)) {
            form.first(field).ifPresent(value -> {
                for (EmailAddresses.Problem problem : EmailAddresses.problems(value)) {
                    findings.add(Rule.EMAIL_INVALID.at(file, field.spelling() + " '" + value + "' contains '"
                            + problem.address() + "', which is not a valid email address: " + problem.reason() + " "
                            + refusal("'" + problem.address() + "' is not a valid email address: "
                                    + problem.reason()),
                            "Use real addresses, as 'Name <name@example.org>' entries separated by commas"
                                    + " ([project] authors / maintainers with an email in pyproject.toml)."));
                }
            });
        }
    }

    private void checkClassifiers(Path file, String where, Form form, List<Finding> findings) {
        for (String classifier : new LinkedHashSet<>(form.all(MetadataField.CLASSIFIER))) {
            if (!classifiers.exists(classifier)) {
                findings.add(Rule.CLASSIFIER_UNKNOWN.at(file, "Classifier '" + classifier + "' is not in the trove"
                        + " classifier list (" + classifiers.size() + " classifiers). "
                        + refusal("'" + classifier + "' is not a valid classifier"),
                        "Pick classifiers from https://pypi.org/classifiers/ and copy them exactly (spacing and"
                                + " case matter); a 'Private :: ' classifier is the way to block uploads on"
                                + " purpose."));
                continue;
            }
            classifiers.deprecation(classifier).ifPresent(replacements -> {
                String pypi = replacements.isEmpty()
                        ? "The classifier '" + classifier + "' has been deprecated"
                        : "The classifier '" + classifier + "' has been deprecated, use one of "
                                + replacements.stream().map(r -> "'" + r + "'")
                                        .collect(Collectors.joining(", ", "[", "]")) + " instead";
                findings.add(Rule.CLASSIFIER_DEPRECATED.at(file, "Classifier '" + classifier + "' is deprecated. "
                        + refusal(pypi), replacements.isEmpty()
                                ? "Remove it; for a license, use License-Expression instead."
                                : "Replace it with " + String.join(" or ", replacements) + "."));
            });
        }
    }

    private void checkLicense(Path file, String where, Form form, Optional<String> metadataVersion,
            List<Finding> findings) {
        Optional<String> expression = form.first(MetadataField.LICENSE_EXPRESSION);
        if (expression.isPresent() && form.first(MetadataField.LICENSE).isPresent()) {
            findings.add(Rule.LICENSE_EXCLUSIVE.at(file, where + " has both License ('"
                    + shorten(form.first(MetadataField.LICENSE).get(), 40) + "') and License-Expression ('"
                    + expression.get() + "'). " + refusal("License is deprecated when License-Expression is present."
                    + " Only License-Expression should be present"),
                    "Keep only License-Expression: in pyproject.toml, license = \"MIT\" (a string) instead of a"
                            + " license table, and no License classifier text in License."));
        }
        expression.ifPresent(value -> licenses.problem(value).ifPresent(problem -> findings.add(
                Rule.LICENSE_EXPRESSION.at(file, "License-Expression '" + value + "' is not a valid SPDX expression: "
                        + problem + ". " + refusal("'" + value + "' is invalid for 'license-expression'"),
                        "Use SPDX identifiers from https://spdx.org/licenses/ joined with AND, OR, WITH and"
                                + " parentheses, for example 'MIT' or 'Apache-2.0 OR BSD-3-Clause'; for a license"
                                + " without an identifier, use LicenseRef-<name>."))));
        if (!sendsLicenseFiles(metadataVersion)) {
            return;
        }
        for (String path : form.all(MetadataField.LICENSE_FILE)) {
            licenseFilePathProblem(path).ifPresent(problem -> findings.add(Rule.LICENSE_FILE_PATH.at(file,
                    "License-File '" + path + "' " + problem + ". " + refusal("'" + path + "' is invalid for"
                            + " 'license-file', " + problem),
                    "List license files by their path relative to the project root, with '/' separators, for"
                            + " example 'LICENSE' or 'licenses/NOTICE.txt' ([project] license-files).")));
        }
    }

    /** Whether License-File reaches PyPI: only under Metadata-Version 2.4 or later (older files drop it). */
    static boolean sendsLicenseFiles(Optional<String> metadataVersion) {
        return metadataVersion.map(v -> MetadataField.SUPPORTED_VERSIONS.indexOf(v)
                >= MetadataField.SUPPORTED_VERSIONS.indexOf(MetadataField.LICENSE_FILE.added())).orElse(false);
    }

    // packaging's checks of a License-File path, in its words.
    private static Optional<String> licenseFilePathProblem(String path) {
        if (path.contains("..")) {
            return Optional.of("parent directory indicators are not allowed");
        }
        if (path.contains("*")) {
            return Optional.of("paths must be resolved");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:.*")) {
            return Optional.of("paths must be relative");
        }
        if (path.contains("\\")) {
            return Optional.of("paths must use '/' delimiter");
        }
        return Optional.empty();
    }

    private static void checkDynamic(Path file, String where, Form form, List<Finding> findings) {
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

    private static void checkImportNames(Path file, String where, Form form, List<Finding> findings) {
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

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
