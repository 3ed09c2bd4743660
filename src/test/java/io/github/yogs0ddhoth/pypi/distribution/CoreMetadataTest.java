package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected values were checked against Python 3.11's email parser and packaging 26.2's {@code parse_email}, which is
 * what twine reads metadata with.
 */
class CoreMetadataTest {

    private static CoreMetadata parse(String text) throws MalformedMetadataException {
        return CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Fields {

        @Test
        void keepsSingleFieldsInFileOrderWithTheirNamesAsWritten() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\nName: my-pkg\nVersion: 1.0\nsummary: lower case\n");

            assertThat(metadata.fields()).containsExactly(
                    new Field("Metadata-Version", "2.1"),
                    new Field("Name", "my-pkg"),
                    new Field("Version", "1.0"),
                    new Field("summary", "lower case"));
            assertThat(metadata.metadataVersion()).contains("2.1");
            assertThat(metadata.name()).contains("my-pkg");
            assertThat(metadata.version()).contains("1.0");
            assertThat(metadata.body()).isEmpty();
        }

        @Test
        void looksUpNamesCaseInsensitively() throws Exception {
            CoreMetadata metadata = parse("summary: lower case\nREQUIRES-DIST: a\nRequires-Dist: b\n");

            assertThat(metadata.first("Summary")).contains("lower case");
            assertThat(metadata.first("SUMMARY")).contains("lower case");
            assertThat(metadata.all("requires-dist")).containsExactly("a", "b");
            assertThat(metadata.first("Author")).isEmpty();
            assertThat(metadata.all("Author")).isEmpty();
            assertThat(metadata.name()).isEmpty();
        }

        @Test
        void keepsRepeatedFieldsInOrder() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\n"
                    + "Name: pkg\n"
                    + "Version: 1.0\n"
                    + "Classifier: Programming Language :: Python :: 3\n"
                    + "Requires-Dist: requests>=2.0\n"
                    + "Classifier: License :: OSI Approved :: MIT License\n"
                    + "Project-URL: Homepage, https://example.com\n"
                    + "Requires-Dist: tomli; python_version < \"3.11\"\n"
                    + "Project-URL: Issues, https://example.com/issues\n"
                    + "Classifier: Operating System :: OS Independent\n");

            assertThat(metadata.all("Classifier")).containsExactly(
                    "Programming Language :: Python :: 3",
                    "License :: OSI Approved :: MIT License",
                    "Operating System :: OS Independent");
            assertThat(metadata.all("Requires-Dist"))
                    .containsExactly("requests>=2.0", "tomli; python_version < \"3.11\"");
            assertThat(metadata.all("Project-URL"))
                    .containsExactly("Homepage, https://example.com", "Issues, https://example.com/issues");
            assertThat(metadata.first("Classifier")).contains("Programming Language :: Python :: 3");
            assertThat(metadata.fields()).hasSize(10);
        }

        @Test
        void dropsSpacesAndTabsAfterTheColonButKeepsTrailingWhitespace() throws Exception {
            CoreMetadata metadata = parse("Summary: \t spaced out  \nKeywords:a,b\nAuthor:\nLicense:   \n");

            assertThat(metadata.fields()).containsExactly(
                    new Field("Summary", "spaced out  "),
                    new Field("Keywords", "a,b"),
                    new Field("Author", ""),
                    new Field("License", ""));
        }

        @Test
        void keepsAColonInTheValue() throws Exception {
            assertThat(parse("Home-page: https://example.com:8443/x\n").first("Home-page"))
                    .contains("https://example.com:8443/x");
        }

        @Test
        void readsNonAsciiValues() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\n"
                    + "Name: unicode\n"
                    + "Version: 1.0\n"
                    + "Summary: \u6f22\u5b57\u3068\u304b\u306a\u306e\u8aac\u660e \u2014 \ud83d\udc0d\n"
                    + "Author: J\u00fcrgen M\u00fcller\n");

            assertThat(metadata.first("Summary"))
                    .contains("\u6f22\u5b57\u3068\u304b\u306a\u306e\u8aac\u660e \u2014 \ud83d\udc0d");
            assertThat(metadata.first("Author")).contains("J\u00fcrgen M\u00fcller");
        }

        @Test
        void leavesEncodedWordsAlone() throws Exception {
            // packaging does not decode RFC 2047, so neither do we: the value goes to the index as written.
            assertThat(parse("Author: =?utf-8?q?J=C3=BCrgen?=\n").first("Author")).contains("=?utf-8?q?J=C3=BCrgen?=");
        }
    }

    @Nested
    class Folding {

        @Test
        void unfoldsContinuationLinesKeepingTheirLeadingWhitespace() throws Exception {
            CoreMetadata metadata = parse("Summary: a\n  folded\n\tsummary  \nName: x\n");

            assertThat(metadata.first("Summary")).contains("a\n  folded\n\tsummary  ");
            assertThat(metadata.first("Name")).contains("x");
        }

        @Test
        void keepsTheBarPrefixesOfAnOldSetuptoolsDescription() throws Exception {
            // setuptools < 66 folded Description with "\n        |" to protect blank lines and indentation. Only
            // setuptools' own reader removed the "        |"; packaging (and so twine and PyPI) keeps it.
            CoreMetadata metadata = parse("Metadata-Version: 1.0\n"
                    + "Name: oldpkg\n"
                    + "Version: 0.1\n"
                    + "Description: Old Package\n"
                    + "        |===========\n"
                    + "        |\n"
                    + "        |  Indented code\n"
                    + "        |\n"
                    + "        |End.\n"
                    + "Platform: UNKNOWN\n");

            assertThat(metadata.first("Description")).contains("Old Package\n"
                    + "        |===========\n"
                    + "        |\n"
                    + "        |  Indented code\n"
                    + "        |\n"
                    + "        |End.");
            assertThat(metadata.first("Platform")).contains("UNKNOWN");
            assertThat(metadata.body()).isEmpty();
        }

        @Test
        void keepsTheIndentationOfAnOldDistutilsDescription() throws Exception {
            CoreMetadata metadata = parse(
                    "Metadata-Version: 1.0\nDescription: Line one\n        Line two\n        \n        Line four\n");

            assertThat(metadata.first("Description"))
                    .contains("Line one\n        Line two\n        \n        Line four");
        }

        @Test
        void aValueCanStartOnAContinuationLine() throws Exception {
            assertThat(parse("Summary:\n  x\n").first("Summary")).contains("\n  x");
        }

        @Test
        void aWhitespaceOnlyLineContinuesTheFieldRatherThanEndingTheHeaders() throws Exception {
            CoreMetadata metadata = parse("Summary: a\n   \nName: b\n");

            assertThat(metadata.fields()).containsExactly(new Field("Summary", "a\n   "), new Field("Name", "b"));
            assertThat(metadata.body()).isEmpty();
        }
    }

    @Nested
    class Body {

        @Test
        void isEverythingAfterTheFirstEmptyLineVerbatim() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\n"
                    + "Name: pkg\n"
                    + "Version: 1.0\n"
                    + "Description-Content-Type: text/markdown\n"
                    + "\n"
                    + "# pkg\n"
                    + "\n"
                    + "Name: not a field\n"
                    + "    indented\n");

            assertThat(metadata.fields()).extracting(Field::name)
                    .containsExactly("Metadata-Version", "Name", "Version", "Description-Content-Type");
            assertThat(metadata.body()).isEqualTo("# pkg\n\nName: not a field\n    indented\n");
        }

        @Test
        void keepsTheTrailingNewlineAndExtraBlankLinesAsPackagingDoes() throws Exception {
            assertThat(parse("Name: a\n\nBody\n").body()).isEqualTo("Body\n");
            assertThat(parse("Name: a\n\nBody").body()).isEqualTo("Body");
            assertThat(parse("Name: a\n\n\nBody\n\n").body()).isEqualTo("\nBody\n\n");
            assertThat(parse("Name: a\n\n\n").body()).isEqualTo("\n");
        }

        @Test
        void isEmptyWhenThereIsNone() throws Exception {
            assertThat(parse("Name: a\n").body()).isEmpty();
            assertThat(parse("Name: a").body()).isEmpty();
            assertThat(parse("Name: a\n\n").body()).isEmpty();
        }

        @Test
        void anEmptyDocumentHasNoFieldsAndNoBody() throws Exception {
            CoreMetadata metadata = CoreMetadata.parse(new byte[0]);

            assertThat(metadata.fields()).isEmpty();
            assertThat(metadata.body()).isEmpty();
        }

        @Test
        void aLeadingEmptyLineMeansNoHeaders() throws Exception {
            CoreMetadata metadata = parse("\nBody");

            assertThat(metadata.fields()).isEmpty();
            assertThat(metadata.body()).isEqualTo("Body");
        }

        @Test
        void keepsNonAsciiText() throws Exception {
            assertThat(parse("Name: a\n\n\u00dcber \u4e2d\u6587 \ud83d\udc0d\n").body())
                    .isEqualTo("\u00dcber \u4e2d\u6587 \ud83d\udc0d\n");
        }
    }

    @Nested
    class LineEnds {

        @Test
        void acceptsCrlfInHeadersAndKeepsTheBodyVerbatim() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\r\n"
                    + "Name: crlf\r\n"
                    + "Version: 1.0\r\n"
                    + "Summary: folded\r\n"
                    + "\tsummary\r\n"
                    + "\r\n"
                    + "# Title\r\n"
                    + "\r\n"
                    + "Text.\r\n");

            assertThat(metadata.fields()).containsExactly(
                    new Field("Metadata-Version", "2.1"),
                    new Field("Name", "crlf"),
                    new Field("Version", "1.0"),
                    // The email parser would keep "\r\n" inside the value; a folded value is joined with "\n" here.
                    new Field("Summary", "folded\n\tsummary"));
            assertThat(metadata.body()).isEqualTo("# Title\r\n\r\nText.\r\n");
        }

        @Test
        void acceptsBareCarriageReturnsAsPythonDoes() throws Exception {
            CoreMetadata metadata = parse("Name: a\rVersion: 1\r\rbody\r");

            assertThat(metadata.fields()).containsExactly(new Field("Name", "a"), new Field("Version", "1"));
            assertThat(metadata.body()).isEqualTo("body\r");
        }
    }

    @Nested
    class MetadataVersions {

        @Test
        void readsVersion1_0() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 1.0\n"
                    + "Name: oldpkg\n"
                    + "Version: 0.1\n"
                    + "Summary: An old package\n"
                    + "Home-page: http://example.com\n"
                    + "Author: A. Author\n"
                    + "Author-email: a@example.com\n"
                    + "License: MIT\n"
                    + "Description: UNKNOWN\n"
                    + "Platform: UNKNOWN\n");

            assertThat(metadata.metadataVersion()).contains("1.0");
            assertThat(metadata.name()).contains("oldpkg");
            assertThat(metadata.version()).contains("0.1");
            assertThat(metadata.first("Home-page")).contains("http://example.com");
            assertThat(metadata.first("Description")).contains("UNKNOWN");
        }

        @Test
        void readsVersion1_1() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 1.1\n"
                    + "Name: pkg11\n"
                    + "Version: 1.1\n"
                    + "Download-URL: https://example.com/pkg11-1.1.tar.gz\n"
                    + "Classifier: Development Status :: 4 - Beta\n"
                    + "Requires: os\n"
                    + "Provides: pkg11\n");

            assertThat(metadata.metadataVersion()).contains("1.1");
            assertThat(metadata.first("Download-URL")).contains("https://example.com/pkg11-1.1.tar.gz");
            assertThat(metadata.all("Classifier")).containsExactly("Development Status :: 4 - Beta");
            assertThat(metadata.all("Requires")).containsExactly("os");
        }

        @Test
        void readsVersion1_2() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 1.2\n"
                    + "Name: pkg12\n"
                    + "Version: 1.2\n"
                    + "Maintainer: M. Aintainer\n"
                    + "Requires-Python: >=3.8\n"
                    + "Requires-Dist: attrs (>=19.1)\n"
                    + "Requires-External: libxml2\n"
                    + "Project-URL: Source, https://example.com/src\n");

            assertThat(metadata.metadataVersion()).contains("1.2");
            assertThat(metadata.first("Requires-Python")).contains(">=3.8");
            assertThat(metadata.all("Requires-Dist")).containsExactly("attrs (>=19.1)");
            assertThat(metadata.all("Requires-External")).containsExactly("libxml2");
        }

        @Test
        void readsVersion2_1() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.1\n"
                    + "Name: pkg21\n"
                    + "Version: 2.1\n"
                    + "Description-Content-Type: text/markdown; charset=UTF-8\n"
                    + "Provides-Extra: test\n"
                    + "Requires-Dist: pytest; extra == \"test\"\n"
                    + "\n"
                    + "# pkg21\n");

            assertThat(metadata.metadataVersion()).contains("2.1");
            assertThat(metadata.first("Description-Content-Type")).contains("text/markdown; charset=UTF-8");
            assertThat(metadata.all("Provides-Extra")).containsExactly("test");
            assertThat(metadata.body()).isEqualTo("# pkg21\n");
        }

        @Test
        void readsVersion2_2() throws Exception {
            CoreMetadata metadata = parse(
                    "Metadata-Version: 2.2\nName: pkg22\nVersion: 2.2\nDynamic: Requires-Dist\nDynamic: Summary\n");

            assertThat(metadata.metadataVersion()).contains("2.2");
            assertThat(metadata.all("Dynamic")).containsExactly("Requires-Dist", "Summary");
        }

        @Test
        void readsVersion2_3() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.3\nName: pkg23\nVersion: 2.3\nSummary: s\n");

            assertThat(metadata.metadataVersion()).contains("2.3");
            assertThat(metadata.name()).contains("pkg23");
        }

        @Test
        void readsVersion2_4() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.4\n"
                    + "Name: pkg24\n"
                    + "Version: 2.4\n"
                    + "License-Expression: MIT OR Apache-2.0\n"
                    + "License-File: LICENSE\n"
                    + "License-File: licenses/NOTICE.txt\n");

            assertThat(metadata.metadataVersion()).contains("2.4");
            assertThat(metadata.first("License-Expression")).contains("MIT OR Apache-2.0");
            assertThat(metadata.all("License-File")).containsExactly("LICENSE", "licenses/NOTICE.txt");
        }

        @Test
        void readsVersion2_5() throws Exception {
            CoreMetadata metadata = parse("Metadata-Version: 2.5\n"
                    + "Name: pkg25\n"
                    + "Version: 2.5\n"
                    + "Import-Name: pkg25\n"
                    + "Import-Namespace: ns\n");

            assertThat(metadata.metadataVersion()).contains("2.5");
            assertThat(metadata.all("Import-Name")).containsExactly("pkg25");
            assertThat(metadata.all("Import-Namespace")).containsExactly("ns");
        }

        @Test
        void doesNotValidateTheVersion() throws Exception {
            assertThat(parse("Metadata-Version: 9.9\n").metadataVersion()).contains("9.9");
        }
    }

    @Nested
    class Errors {

        @Test
        void refusesInvalidUtf8NamingTheOffset() {
            byte[] latin1 = "Metadata-Version: 2.1\nAuthor: J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1);

            assertThatThrownBy(() -> CoreMetadata.parse(latin1))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessage("Malformed core metadata in the core metadata: it is not valid UTF-8 at byte offset 31"
                            + " (line 2, bytes FC). Core metadata must be UTF-8; PyPI and twine refuse anything else."
                            + " Re-save the text as UTF-8 (often a Latin-1 name such as 'M\u00fcller' written by an old"
                            + " tool) and rebuild the distribution.");
        }

        @Test
        void refusesAnInvalidUtf8Body() {
            byte[] bytes = {'N', 'a', 'm', 'e', ':', ' ', 'a', '\n', '\n', (byte) 0xC3, '(', '\n'};

            assertThatThrownBy(() -> CoreMetadata.parse(bytes))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageContaining("not valid UTF-8 at byte offset 9 (line 3, bytes C3)");
        }

        @Test
        void refusesATruncatedSequenceAtTheEnd() {
            byte[] bytes = {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xE4, (byte) 0xB8};

            assertThatThrownBy(() -> CoreMetadata.parse(bytes))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageContaining("not valid UTF-8 at byte offset 6 (line 1, bytes E4 B8)");
        }

        @Test
        void namesTheSourceWhenGivenOne() {
            byte[] bytes = {(byte) 0xFF};

            assertThatThrownBy(() -> CoreMetadata.parse(bytes, "/tmp/x.whl (entry 'x-1.dist-info/METADATA')"))
                    .hasMessageStartingWith(
                            "Malformed core metadata in /tmp/x.whl (entry 'x-1.dist-info/METADATA'): it is not valid"
                                    + " UTF-8 at byte offset 0");
        }

        @Test
        void refusesAByteOrderMark() {
            byte[] bytes = "\uFEFFMetadata-Version: 2.1\n".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> CoreMetadata.parse(bytes))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageContaining("starts with a UTF-8 byte order mark (EF BB BF)");
        }

        @Test
        void refusesAHeaderLineThatIsNotAField() {
            assertThatThrownBy(() -> parse("Name: a\nnot a header\nVersion: 1\n"))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessage("Malformed core metadata in the core metadata: line 2 'not a header' is neither a"
                            + " field ('Name: value'), a continuation line (starting with a space or tab), nor the"
                            + " empty line that ends the header section. Python's email parser would silently take it"
                            + " and everything after it as the description. Expected every header line to be"
                            + " 'Field-Name: value' or to start with a space or tab, up to the first empty line."
                            + " Rebuild the distribution with a standard build backend, or fix the tool that wrote"
                            + " this file.");
        }

        @Test
        void refusesASpaceInAFieldName() {
            assertThatThrownBy(() -> parse("Name: a\nHome page: x\n"))
                    .hasMessageContaining("line 2 'Home page: x' is neither a field");
        }

        @Test
        void refusesAnEmptyFieldName() {
            assertThatThrownBy(() -> parse(": x\n")).hasMessageContaining("line 1 ': x' is neither a field");
        }

        @Test
        void refusesAContinuationLineWithNothingToContinue() {
            assertThatThrownBy(() -> parse(" lead\nName: a\n"))
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageContaining("line 1 ' lead' starts with whitespace, so it would continue a previous"
                            + " field, but there is none");
        }
    }

    @Test
    void isAValue() throws Exception {
        assertThat(parse("Name: a\n\nb")).isEqualTo(parse("Name: a\r\n\r\nb")).hasSameHashCodeAs(parse("Name: a\n\nb"));
        assertThat(parse("Name: a\n\nb")).isNotEqualTo(parse("Name: a\n\nc"));
        assertThat(parse("Metadata-Version: 2.1\nName: a\nVersion: 1\n\nbody").toString())
                .isEqualTo("CoreMetadata[Metadata-Version=2.1, Name=a, Version=1, 3 fields, body of 4 chars]");
    }

    @Test
    void fieldsCannotBeModified() throws Exception {
        CoreMetadata metadata = parse("Name: a\n");

        assertThatThrownBy(() -> metadata.fields().add(new Field("Name", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.all("Name").clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
