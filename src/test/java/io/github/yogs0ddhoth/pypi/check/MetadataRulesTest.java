package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataRulesTest {

    private static final Path FILE = Path.of("dist/demo-1.0-py3-none-any.whl");
    private static final String SEE = " See https://packaging.python.org/specifications/core-metadata for more"
            + " information.\"";
    private static final String GOOD = "Metadata-Version: 2.4\n"
            + "Name: demo\n"
            + "Version: 1.0\n"
            + "Summary: A demo\n"
            + "Description-Content-Type: text/markdown\n"
            + "\n"
            + "# Demo\n";

    private final MetadataRules rules = new MetadataRules(TroveClassifiers.load(), LicenseExpression.load());

    private List<Finding> check(String text) throws Exception {
        return rules.check(FILE, "METADATA", CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The good metadata with extra header lines inserted before the body. */
    private List<Finding> checkWith(String... headers) throws Exception {
        return check(GOOD.replace("\n\n", "\n" + String.join("\n", headers) + "\n\n"));
    }

    private static Finding only(List<Finding> findings, String rule) {
        assertThat(findings).extracting(Finding::rule).containsExactly(rule);
        Finding finding = findings.get(0);
        assertThat(finding.file()).isEqualTo(FILE.toString());
        assertThat(finding.fix()).isNotBlank();
        return finding;
    }

    @Test
    void goodMetadataHasNoFindings() throws Exception {
        assertThat(check(GOOD)).isEmpty();
    }

    static Stream<Path> realMetadata() throws IOException {
        return Files.list(Path.of("src/test/resources/real-metadata")).filter(p -> p.toString().endsWith(".METADATA"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realMetadata")
    void metadataPyPIAcceptedHasNoErrors(Path file) throws Exception {
        List<Finding> findings = rules.check(FILE, "METADATA", CoreMetadata.parse(Files.readAllBytes(file)));

        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void metadataVersionTwoPointZeroIsRefusedWithTheReason() throws Exception {
        Finding f = only(check(GOOD.replace("2.4", "2.0")), "metadata-version");

        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("METADATA declares Metadata-Version '2.0'; PyPI accepts 1.0, 1.1, 1.2, 2.1,"
                + " 2.2, 2.3, 2.4, 2.5. Metadata-Version 2.0 was never a standard (PEP 426 was withdrawn), so no index"
                + " accepts it. PyPI refuses the upload: \"'2.0' is not a valid metadata version." + SEE);
    }

    @Test
    void aMissingMetadataVersionIsAnError() throws Exception {
        Finding f = only(check(GOOD.replace("Metadata-Version: 2.4\n", "")), "metadata-version");

        assertThat(f.message()).startsWith("METADATA has no Metadata-Version field.");
    }

    @Test
    void missingNameAndVersionAreRequiredFields() throws Exception {
        List<Finding> findings = check("Metadata-Version: 2.1\nSummary: x\nDescription-Content-Type: text/plain\n\nx");

        assertThat(findings).extracting(Finding::rule).containsExactly("required-field", "required-field");
        assertThat(findings.get(0).message()).isEqualTo("METADATA has no Name. PyPI refuses the upload: \"'name' is a"
                + " required field." + SEE);
        assertThat(findings.get(1).message()).startsWith("METADATA has no Version.");
    }

    @Test
    void anInvalidNameQuotesPyPIsFormError() throws Exception {
        Finding f = only(check(GOOD.replace("Name: demo", "Name: -demo!")), "name-invalid");

        assertThat(f.message()).isEqualTo("Name is '-demo!'. PyPI refuses the upload: \"'-demo!' is an invalid value"
                + " for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_'"
                + " and '-'." + SEE);
        assertThat(f.fix()).contains("'demo'");
    }

    @Test
    void aSnapshotVersionIsNotPep440AndSaysWhy() throws Exception {
        Finding f = only(check(GOOD.replace("Version: 1.0", "Version: 1.0-SNAPSHOT")), "version-invalid");

        assertThat(f.message()).isEqualTo("Version is '1.0-SNAPSHOT', which is not a PEP 440 version (Maven's"
                + " -SNAPSHOT has no meaning in Python; a pre-release is spelled 1.0.dev1 or 1.0rc1). PyPI refuses the"
                + " upload: \"'1.0-SNAPSHOT' is invalid for 'version'." + SEE);
    }

    @Test
    void aLocalVersionIsRefused() throws Exception {
        Finding f = only(check(GOOD.replace("Version: 1.0", "Version: 1.0+g1234")), "version-local");

        assertThat(f.message()).startsWith("Version is '1.0+g1234', a local version (the part after '+' is 'g1234').")
                .endsWith("\"The use of local versions in '1.0+g1234' is not allowed. See"
                        + " https://packaging.python.org/en/latest/specifications/version-specifiers/"
                        + "#local-version-identifiers for more information.\"");
        assertThat(f.fix()).startsWith("Publish '1.0' instead");
    }

    @Test
    void aFieldNewerThanTheDeclaredVersionIsRefused() throws Exception {
        Finding f = only(check(GOOD.replace("2.4", "1.2")), "field-too-new");

        assertThat(f.message()).isEqualTo("METADATA uses Description-Content-Type, which Metadata-Version 2.1"
                + " introduced, but declares Metadata-Version 1.2. PyPI refuses the upload: \"description-content-type"
                + " introduced in metadata version 2.1, not 1.2." + SEE);
    }

    @Test
    void aLicenseFileUnderAnOlderVersionIsDroppedWithAWarning() throws Exception {
        Finding f = only(check(GOOD.replace("2.4", "2.1").replace("\n\n", "\nLicense-File: LICENSE\n\n")),
                "license-file-dropped");

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("does not send it: the license files will not be listed on PyPI");
    }

    @Test
    void aRepeatedSingleFieldIsAWarningButARepeatedVersionAnError() throws Exception {
        List<Finding> findings = checkWith("Version: 2.0", "Summary: again");

        assertThat(findings).extracting(Finding::rule, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("field-repeated", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("field-repeated", Severity.WARNING));
        assertThat(findings.get(0).message()).startsWith("METADATA gives Version more than once; it is a"
                + " single-valued field. Only the first value ('1.0') is uploaded");
    }

    @Test
    void anUnknownFieldIsAWarning() throws Exception {
        Finding f = only(checkWith("X-Custom: 1"), "field-unknown");

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("METADATA has a field that core metadata does not define: X-Custom.");
    }

    @Test
    void unknownValuesFromOldSetuptoolsAreDroppedAsPyPIDropsThem() throws Exception {
        assertThat(checkWith("Home-page: UNKNOWN", "License: UNKNOWN", "Platform: UNKNOWN", "Author-email: UNKNOWN"))
                .isEmpty();
    }

    @Test
    void aMultiLineSummaryIsRefused() throws Exception {
        Finding f = only(check(GOOD.replace("Summary: A demo", "Summary: A demo\n  on two lines")), "summary");

        assertThat(f.message()).isEqualTo("Summary spans 2 lines (it starts 'A demo'); it must be one line. PyPI"
                + " refuses the upload: \"'summary' must be a single line." + SEE);
    }

    @Test
    void aSummaryOverFiveHundredTwelveCharactersIsRefused() throws Exception {
        Finding f = only(check(GOOD.replace("Summary: A demo", "Summary: " + "x".repeat(513))), "summary");

        assertThat(f.message()).startsWith("Summary is 513 characters long; PyPI allows at most 512.")
                .contains("\"'summary' field must be 512 characters or less.");
        assertThat(check(GOOD.replace("Summary: A demo", "Summary: " + "x".repeat(512)))).isEmpty();
    }

    @Test
    void descriptionContentTypeValuesAreChecked() throws Exception {
        Finding wrongType = only(check(GOOD.replace("text/markdown", "text/rst")), "description-content-type");
        Finding charset = only(check(GOOD.replace("text/markdown", "text/markdown; charset=latin-1")),
                "description-content-type");
        Finding variant = only(check(GOOD.replace("text/markdown", "text/markdown; variant=gfm")),
                "description-content-type");

        assertThat(wrongType.message()).startsWith("Description-Content-Type is 'text/rst': must be one of"
                + " ['text/plain', 'text/markdown', 'text/x-rst'], not 'text/rst'.");
        assertThat(charset.message()).contains("can only specify the UTF-8 charset, not 'latin-1'");
        assertThat(variant.message()).contains("valid Markdown variants are ['CommonMark', 'GFM'], not 'gfm'");
        assertThat(check(GOOD.replace("text/markdown", "TEXT/MARKDOWN; charset=utf-8; variant=CommonMark")))
                .isEmpty();
    }

    @Test
    void aMissingDescriptionContentTypeWarnsThatPyPIRendersReStructuredText() throws Exception {
        Finding f = only(check(GOOD.replace("Description-Content-Type: text/markdown\n", "")),
                "description-content-type-missing");

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("so PyPI renders it as reStructuredText");
    }

    @Test
    void aMissingDescriptionIsAWarning() throws Exception {
        Finding f = only(check(GOOD.replace("\n# Demo\n", "")), "description-missing");

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void anInvalidRequiresDistNamesTheParserError() throws Exception {
        Finding f = only(checkWith("Requires-Dist: requests >= 2.0 urllib3"), "requirement-syntax");

        assertThat(f.message()).isEqualTo("Requires-Dist 'requests >= 2.0 urllib3' is not a PEP 508 dependency"
                + " specifier: Expected comma (within version specifier), semicolon (after version specifier) or end"
                + " (at character 17). PyPI refuses the upload: \"'requests >= 2.0 urllib3' is invalid for"
                + " 'requires-dist'." + SEE);
    }

    @Test
    void directUrlDependenciesAreRefusedInEveryDistField() throws Exception {
        List<Finding> findings = checkWith("Requires-Dist: lib @ https://example.org/lib-1.0.whl",
                "Provides-Dist: other @ file:///tmp/other.whl", "Obsoletes-Dist: old @ https://example.org/o.whl");

        assertThat(findings).extracting(Finding::rule).containsOnly("direct-url-dependency").hasSize(3);
        assertThat(findings.get(0).message()).isEqualTo("Requires-Dist 'lib @ https://example.org/lib-1.0.whl'"
                + " points at a URL (https://example.org/lib-1.0.whl). PyPI refuses direct references, since pip could"
                + " not resolve them for your users: \"Can't have direct dependency: lib @"
                + " https://example.org/lib-1.0.whl\".");
    }

    @Test
    void anInvalidRequiresPythonIsRefused() throws Exception {
        Finding f = only(checkWith("Requires-Python: >=3.8,3.9"), "requires-python");

        assertThat(f.message()).startsWith("Requires-Python is '>=3.8,3.9'; '3.9' is not a version specifier.");
    }

    @Test
    void anInvalidExtraNameIsRefused() throws Exception {
        Finding f = only(checkWith("Provides-Extra: _private"), "provides-extra");

        assertThat(f.message()).contains("\"'_private' is invalid for 'provides-extra'.");
    }

    @Test
    void projectUrlsAreCheckedForLabelAndUrl() throws Exception {
        List<Finding> findings = checkWith("Project-URL: Source, https://example.org/src",
                "Project-URL: , https://example.org/x", "Project-URL: " + "L".repeat(33) + ", https://example.org",
                "Project-URL: Docs", "Project-URL: Chat, irc://libera.chat/demo", "Project-URL: Source, https://x.org");

        assertThat(findings).extracting(Finding::rule).containsOnly("project-url").hasSize(5);
        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Project-URL ', https://example.org/x' has no label.")
                        .contains("\"Must have a label."),
                m -> assertThat(m).startsWith("Project-URL label '" + "L".repeat(33) + "' is 33 characters long; PyPI"
                        + " allows at most 32."),
                m -> assertThat(m).startsWith("Project-URL 'Docs' has a label but no URL"),
                m -> assertThat(m).startsWith("Project-URL 'Chat' points at 'irc://libera.chat/demo', which is not an"
                        + " http or https URL.").contains("\"'irc://libera.chat/demo' is not a valid url."),
                m -> assertThat(m).isEqualTo("Project-URL label 'Source' is used more than once. PyPI refuses the"
                        + " upload: \"'project_urls' has invalid data\"."));
    }

    @Test
    void homePageAndDownloadUrlMustBeHttpUrls() throws Exception {
        List<Finding> findings = checkWith("Home-page: www.example.org", "Download-URL: ftp://example.org/demo.tgz");

        assertThat(findings).extracting(Finding::rule).containsExactly("url-invalid", "url-invalid");
        assertThat(findings.get(0).message()).startsWith("Home-page is 'www.example.org', which is not an http or"
                + " https URL.");
    }

    @Test
    void everyInvalidEmailAddressIsNamed() throws Exception {
        List<Finding> findings = checkWith("Author-email: Jane <jane@example.org>, Bob <bob@localhost>",
                "Maintainer-email: ops@build.local");

        assertThat(findings).extracting(Finding::rule).containsExactly("email-invalid", "email-invalid");
        assertThat(findings.get(0).message()).isEqualTo("Author-email 'Jane <jane@example.org>, Bob <bob@localhost>'"
                + " contains 'bob@localhost', which is not a valid email address: The part after the @-sign is not"
                + " valid. It should have a period. PyPI refuses the upload: \"'bob@localhost' is not a valid email"
                + " address: The part after the @-sign is not valid. It should have a period." + SEE);
    }

    @Test
    void unknownAndDeprecatedClassifiersAreRefusedWithPyPIsWords() throws Exception {
        List<Finding> findings = checkWith("Classifier: Programming Language :: Python :: 3",
                "Classifier: Programming Language :: Pyhton :: 3", "Classifier: Natural Language :: Ukranian",
                "Classifier: License :: OSI Approved :: Jabber Open Source License");

        assertThat(findings).extracting(Finding::rule).containsExactly("classifier-unknown", "classifier-deprecated",
                "classifier-deprecated");
        assertThat(findings.get(0).message()).startsWith("Classifier 'Programming Language :: Pyhton :: 3' is not in"
                + " the trove classifier list").endsWith("\"'Programming Language :: Pyhton :: 3' is not a valid"
                + " classifier." + SEE);
        assertThat(findings.get(1).message()).contains("\"The classifier 'Natural Language :: Ukranian' has been"
                + " deprecated, use one of ['Natural Language :: Ukrainian'] instead.");
        assertThat(findings.get(1).fix()).isEqualTo("Replace it with Natural Language :: Ukrainian.");
        assertThat(findings.get(2).message()).contains("\"The classifier 'License :: OSI Approved :: Jabber Open Source"
                + " License' has been deprecated.");
    }

    @Test
    void licenseAndLicenseExpressionAreExclusive() throws Exception {
        Finding f = only(checkWith("License: MIT License", "License-Expression: MIT"), "license-exclusive");

        assertThat(f.message()).isEqualTo("METADATA has both License ('MIT License') and License-Expression ('MIT')."
                + " PyPI refuses the upload: \"License is deprecated when License-Expression is present. Only"
                + " License-Expression should be present." + SEE);
    }

    @Test
    void anInvalidLicenseExpressionIsRefused() throws Exception {
        Finding f = only(checkWith("License-Expression: MIT OR Apache 2.0"), "license-expression");

        assertThat(f.message()).startsWith("License-Expression 'MIT OR Apache 2.0' is not a valid SPDX expression:"
                + " Invalid license expression: 'MIT OR Apache 2.0'.");
    }

    @Test
    void licenseFilePathsMustBeRelativeAndResolved() throws Exception {
        List<Finding> findings = checkWith("License-File: ../LICENSE", "License-File: LICENSES/*",
                "License-File: /abs/LICENSE", "License-File: docs\\LICENSE", "License-File: LICENSE");

        assertThat(findings).extracting(Finding::rule).containsOnly("license-file-path").hasSize(4);
        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("License-File '../LICENSE' parent directory indicators are not allowed"),
                m -> assertThat(m).startsWith("License-File 'LICENSES/*' paths must be resolved"),
                m -> assertThat(m).startsWith("License-File '/abs/LICENSE' paths must be relative"),
                m -> assertThat(m).startsWith("License-File 'docs\\LICENSE' paths must use '/' delimiter"));
    }

    @Test
    void dynamicMayNotListIdentityFieldsOrNonFields() throws Exception {
        List<Finding> findings = checkWith("Dynamic: Version", "Dynamic: Requires-Dist", "Dynamic: Colour",
                "Dynamic: Dynamic");

        assertThat(findings).extracting(Finding::rule).containsOnly("dynamic").hasSize(3);
        assertThat(findings.get(0).message()).contains("\"'version' is not allowed as a dynamic field.");
        assertThat(findings.get(1).message()).contains("\"Dynamic field 'colour' is not a valid dynamic field.");
        assertThat(findings.get(2).message()).contains("\"Dynamic field 'dynamic' is not a valid dynamic field.");
    }

    @Test
    void importNamesMustBeDottedIdentifiers() throws Exception {
        List<Finding> findings = check(GOOD.replace("2.4", "2.5").replace("\n\n", "\nImport-Name: demo.sub\n"
                + "Import-Name: demo.class\nImport-Namespace: 2fast\nImport-Name: demo._impl; private\n"
                + "Import-Name: demo; public\n\n"));

        assertThat(findings).extracting(Finding::rule).containsOnly("import-name").hasSize(3);
        assertThat(findings.get(0).message()).startsWith("Import-Name 'demo.class' has 'class', which is a keyword.");
        assertThat(findings.get(1).message()).startsWith("Import-Name 'demo; public' has an option other than"
                + " 'private'");
        assertThat(findings.get(2).message()).startsWith("Import-Namespace '2fast' has '2fast', which is not a valid"
                + " identifier.");
    }
}
