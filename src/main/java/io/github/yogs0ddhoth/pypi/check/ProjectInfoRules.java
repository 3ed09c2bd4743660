package io.github.yogs0ddhoth.pypi.check;

import static io.github.yogs0ddhoth.pypi.check.MetadataForm.refusal;
import static io.github.yogs0ddhoth.pypi.check.MetadataForm.shorten;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What PyPI shows about a project: URLs, e-mail addresses, classifiers, the license and license files.
 * Part of {@link MetadataRules}' catalogue.
 */
final class ProjectInfoRules {
    private static final int MAX_URL_LABEL = 32;

    private ProjectInfoRules() {}

    static void checkUrls(Path file, String where, MetadataForm form, List<Finding> findings) {
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

    static void checkEmails(Path file, String where, MetadataForm form, List<Finding> findings) {
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

    static void checkClassifiers(TroveClassifiers classifiers, Path file, String where, MetadataForm form,
            List<Finding> findings) {
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

    static void checkLicense(LicenseExpression licenses, Path file, String where, MetadataForm form,
            Optional<String> metadataVersion, List<Finding> findings) {
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
}
