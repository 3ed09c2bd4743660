package io.github.yogs0ddhoth.pypi.check;

import static io.github.yogs0ddhoth.pypi.check.MetadataForm.CORE_METADATA_SPEC;
import static io.github.yogs0ddhoth.pypi.check.MetadataForm.refusal;

import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields that identify the file (Metadata-Version, Name, Version) and the structure of the metadata:
 * repeated, unknown and too-new fields. Part of {@link MetadataRules}' catalogue.
 */
final class CoreFieldRules {
    private CoreFieldRules() {}

    static Optional<String> checkMetadataVersion(Path file, String where, MetadataForm form, List<Finding> findings) {
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

    static void checkName(Path file, String where, MetadataForm form, List<Finding> findings) {
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

    static void checkVersion(Path file, String where, MetadataForm form, List<Finding> findings) {
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

    static void checkStructure(Path file, String where, MetadataForm form, Optional<String> metadataVersion,
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
}
