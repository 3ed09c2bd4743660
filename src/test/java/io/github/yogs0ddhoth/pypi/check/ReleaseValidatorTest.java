package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.distribution.DiscoveryResult;
import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.testing.RawTar;
import io.github.yogs0ddhoth.pypi.testing.RawZip;
import io.github.yogs0ddhoth.pypi.testing.TestDistributions;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of good and bad releases, built by the tests: one release per rule, each asserting its own message, plus
 * layouts as real build backends write them.
 */
class ReleaseValidatorTest {

    private static final List<String> ALL = List.of("**/*.whl", "**/*.tar.gz", "**/*.zip");

    @TempDir
    Path root;

    private final ReleaseValidator validator = new ReleaseValidator();

    static String metadata(String name, String version) {
        return "Metadata-Version: 2.4\n"
                + "Name: " + name + "\n"
                + "Version: " + version + "\n"
                + "Summary: A demo\n"
                + "Description-Content-Type: text/markdown\n"
                + "\n"
                + "# Demo\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ValidationReport validate() throws Exception {
        return validate(Optional.empty());
    }

    private ValidationReport validate(Optional<String> expected) throws Exception {
        DiscoveryResult found = new DistributionFinder().discover(root, ALL, List.of());
        return validator.validate(found, expected);
    }

    private static List<String> errorRules(ValidationReport report) {
        return report.errors().stream().map(Finding::rule).toList();
    }

    /** The single finding of {@code rule}, checked for a fix and the expected file. */
    private static Finding single(ValidationReport report, String rule, Path file) {
        List<Finding> matching = report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(matching).as("findings of %s in %s", rule, report.findings()).hasSize(1);
        Finding finding = matching.get(0);
        assertThat(finding.file()).isEqualTo(file == null ? null : file.toString());
        assertThat(finding.fix()).isNotBlank();
        return finding;
    }

    private Path goodWheel(String filename, String name, String version) {
        return TestDistributions.wheel(root, filename, metadata(name, version));
    }

    /** A wheel written with RawZip: the standard files first, then whatever {@code extra} adds. */
    private Path rawWheel(String filename, java.util.function.UnaryOperator<RawZip> extra) {
        String distInfo = filename.split("-")[0] + "-" + filename.split("-")[1] + ".dist-info";
        String name = filename.split("-")[0];
        RawZip zip = new RawZip()
                .stored(distInfo + "/METADATA", metadata(name, filename.split("-")[1]))
                .stored(distInfo + "/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        zip = extra.apply(zip);
        return zip.write(root.resolve(filename));
    }

    @Nested
    class TheReleaseAsAWhole {

        @Test
        void aCleanReleasePasses() throws Exception {
            Path wheel = goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            Path sdist = TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"));

            ValidationReport report = validate(Optional.of("1.0.0"));

            assertThat(report.findings()).isEmpty();
            assertThat(report.hasErrors()).isFalse();
            assertThat(report.files()).containsExactly(wheel.toString(), sdist.toString());
            assertThat(report.verdict(wheel.toString())).isEqualTo("PASSED");
        }

        @Test
        void aStaleWheelBesideTheCurrentOnesListsTheVersionGroups() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"));
            goodWheel("demo-0.9-py3-none-any.whl", "demo", "0.9");

            ValidationReport report = validate();

            Finding f = single(report, "release-versions", null);
            assertThat(f.message()).isEqualTo("The files have 2 different versions (compared as PEP 440 versions):"
                    + " '0.9' (demo-0.9-py3-none-any.whl), '1.0' (demo-1.0-py3-none-any.whl, demo-1.0.tar.gz). A"
                    + " release is one version; the others are usually stale files from an earlier build, and PyPI"
                    + " never lets a published file be replaced.");
            assertThat(f.fix()).contains("mvn clean");
            assertThat(errorRules(report)).containsExactly("release-versions");
        }

        @Test
        void versionsThatArePep440EqualAreOneRelease() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0.0"));

            assertThat(errorRules(validate())).containsExactly("sdist-filename");
        }

        @Test
        void foreignWheelsAreAnotherProject() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            goodWheel("other_lib-1.0-py3-none-any.whl", "Other.Lib", "1.0");

            Finding f = single(validate(), "release-names", null);

            assertThat(f.message()).isEqualTo("The files belong to 2 projects, but a release is one project: 'demo'"
                    + " (demo-1.0-py3-none-any.whl), 'other-lib' (other_lib-1.0-py3-none-any.whl). Publishing them"
                    + " together would upload to several projects at once.");
        }

        @Test
        void aSnapshotExpectedVersionExplainsThatPythonHasNoSnapshots() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");

            ValidationReport report = validate(Optional.of("1.0-SNAPSHOT"));

            Finding f = single(report, "expected-version-snapshot", null);
            assertThat(f.message()).isEqualTo("pypi.expectedVersion is '1.0-SNAPSHOT'. Python has no snapshot"
                    + " versions: '-SNAPSHOT' is not PEP 440, and PyPI never replaces a published file, so every upload"
                    + " is a permanent release that no later build can overwrite.");
            assertThat(f.fix()).contains("'1.0'").contains("'1.0rc1'").contains("'1.0.dev1'");
            assertThat(errorRules(report)).containsExactly("expected-version-snapshot");
        }

        @Test
        void anExpectedVersionThatIsNotPep440IsAnError() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");

            assertThat(single(validate(Optional.of("1.0.x")), "expected-version-invalid", null).message())
                    .startsWith("pypi.expectedVersion is '1.0.x', which is not a PEP 440 version");
        }

        @Test
        void aFileOfAnotherVersionThanTheExpectedOneIsAnError() throws Exception {
            Path wheel = goodWheel("demo-1.1-py3-none-any.whl", "demo", "1.1");

            Finding f = single(validate(Optional.of("1.0")), "expected-version-mismatch", wheel);

            assertThat(f.message()).isEqualTo("demo-1.1-py3-none-any.whl has version 1.1, but pypi.expectedVersion is"
                    + " 1.0. Publishing it would release a version nobody asked for.");
        }

        @Test
        void atMostOneSdist() throws Exception {
            Path first = TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"));
            Path second = TestDistributions.sdist(root.resolve("old"), "demo-1.0.tar.gz", "demo-1.0",
                    metadata("demo", "1.0"));

            ValidationReport report = validate();

            assertThat(single(report, "release-sdists", null).message()).isEqualTo("There are 2 sdists (" + first
                    + ", " + second + "). PyPI refuses the second one: \"Only one sdist may be uploaded per"
                    + " release.\"");
            assertThat(single(report, "release-duplicate-filename", null).message()).startsWith("The file name"
                    + " demo-1.0.tar.gz was found 2 times");
        }

        @Test
        void anEmptyDiscoveryIsAnEmptyRelease() {
            ValidationReport report = validator.validate(new DiscoveryResult(List.of(), List.of()), Optional.empty());

            assertThat(single(report, "release-empty", null).message()).isEqualTo("There is no wheel or sdist to"
                    + " publish.");
        }
    }

    @Nested
    class FileNames {

        @Test
        void aWheelNameMustBeTheNormalisedProjectName() throws Exception {
            Path wheel = TestDistributions.wheel(root, "My.Demo-1.0-py3-none-any.whl", metadata("My.Demo", "1.0"));

            Finding f = single(validate(), "wheel-filename-name", wheel);

            assertThat(f.message()).isEqualTo("The name part of 'My.Demo-1.0-py3-none-any.whl' is 'My.Demo'; PyPI"
                    + " requires the normalised project name 'my_demo' (lower case, runs of '-', '_' and '.' as one"
                    + " '_'). PyPI refuses the upload: \"Filename 'My.Demo-1.0-py3-none-any.whl' should contain the"
                    + " normalized project name 'my_demo', not 'My.Demo'.\"");
        }

        @Test
        void aWheelOfAnotherProjectSaysHowToStartTheFilename() throws Exception {
            Path wheel = goodWheel("other-1.0-py3-none-any.whl", "demo", "1.0");

            assertThat(single(validate(), "wheel-filename-name", wheel).message()).endsWith("PyPI refuses the upload:"
                    + " \"Start filename for 'demo' with 'demo'.\"");
        }

        @Test
        void aWheelWhoseMetadataDisagreesWithItsFilenameVersion() throws Exception {
            Path wheel = goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.1");

            Finding f = single(validate(), "wheel-filename-version", wheel);

            assertThat(f.message()).isEqualTo("'demo-1.0-py3-none-any.whl' carries version '1.0' in its name, but its"
                    + " METADATA says Version: 1.1. PyPI refuses the upload: \"Version in filename should be '1.1' not"
                    + " '1.0'.\"");
        }

        @Test
        void aPlainLinuxWheelGetsTheManylinuxExplanation() throws Exception {
            Path wheel = goodWheel("demo-1.0-cp312-cp312-linux_x86_64.whl", "demo", "1.0");

            Finding f = single(validate(), "wheel-platform-tag", wheel);

            assertThat(f.message()).startsWith("'demo-1.0-cp312-cp312-linux_x86_64.whl' has the platform tag"
                    + " 'linux_x86_64'. A plain 'linux_x86_64' wheel was linked against the libraries of the machine"
                    + " that built it").contains("manylinux (PEP 600) or musllinux (PEP 656)")
                    .endsWith("\"Binary wheel 'demo-1.0-cp312-cp312-linux_x86_64.whl' has an unsupported platform tag"
                            + " 'linux_x86_64'.\"");
            assertThat(f.fix()).startsWith("Run 'auditwheel repair demo-1.0-cp312-cp312-linux_x86_64.whl'");
        }

        @Test
        void everyTagOfACompressedSetIsChecked() throws Exception {
            goodWheel("demo-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "demo", "1.0");
            Path odd = goodWheel("demo-1.0-cp311-cp311-manylinux_2_17_x86_64.freebsd_14_amd64.whl", "demo", "1.0");

            ValidationReport report = validate();

            assertThat(single(report, "wheel-platform-tag", odd).message()).contains("'freebsd_14_amd64'")
                    .contains("PyPI accepts only platforms with a published binary-compatibility specification.");
        }

        @Test
        void anSdistMustHaveItsExactPep625Name() throws Exception {
            Path sdist = TestDistributions.sdist(root, "Demo_Pkg-01.0.tar.gz", "Demo_Pkg-01.0",
                    metadata("demo.pkg", "01.0"));

            Finding f = single(validate(), "sdist-filename", sdist);

            assertThat(f.message()).isEqualTo("The sdist is named 'Demo_Pkg-01.0.tar.gz'; PyPI requires exactly"
                    + " 'demo_pkg-1.0.tar.gz': the normalised project name with '_' for separators, '-', the normalised"
                    + " version (PEP 625). PyPI refuses the upload: \"Filename 'Demo_Pkg-01.0.tar.gz' is invalid,"
                    + " should be 'demo_pkg-1.0.tar.gz'.\"");
        }

        @Test
        void aZipSdistIsRefusedWithTheReason() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            Path zip = TestDistributions.zip(root, "demo-1.0.zip", Map.of("demo-1.0/PKG-INFO",
                    utf8(metadata("demo", "1.0"))));

            ValidationReport report = validate();

            Finding f = single(report, "sdist-zip", zip);
            assertThat(f.message()).contains("PyPI accepts sdists only as gzip-compressed tar files named"
                    + " {name}-{version}.tar.gz (PEP 625)");
            assertThat(report.verdict(zip.toString())).isEqualTo("FAILED");
        }
    }

    @Nested
    class WheelContents {

        @Test
        void aWheelWithoutWheelFile() throws Exception {
            Map<String, byte[]> remove = new HashMap<>();
            remove.put("demo-1.0.dist-info/WHEEL", null);
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", metadata("demo", "1.0"), remove);

            assertThat(single(validate(), "wheel-wheel-file", wheel).message()).isEqualTo("'demo-1.0-py3-none-any.whl'"
                    + " has no 'demo-1.0.dist-info/WHEEL' (the directory is named after the file name's first two"
                    + " parts, as PyPI looks it up). PyPI refuses the upload: \"Invalid distribution file. WHEEL not"
                    + " found at demo-1.0.dist-info/WHEEL\".");
        }

        @Test
        void aWheelWhoseMetadataIsElsewhereThanPyPILooks() throws Exception {
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", null,
                    Map.of("Demo-1.0.dist-info/METADATA", utf8(metadata("demo", "1.0"))));

            assertThat(single(validate(), "wheel-metadata-file", wheel).message()).isEqualTo(
                    "'demo-1.0-py3-none-any.whl' has no 'demo-1.0.dist-info/METADATA' (the directory is named after"
                            + " the file name's first two parts, as PyPI looks it up); it has"
                            + " Demo-1.0.dist-info/METADATA instead. PyPI refuses the upload: \"Wheel"
                            + " 'demo-1.0-py3-none-any.whl' does not contain the required METADATA file:"
                            + " demo-1.0.dist-info/METADATA\".");
        }

        @Test
        void aWheelWithoutRecord() throws Exception {
            Map<String, byte[]> remove = new HashMap<>();
            remove.put("demo-1.0.dist-info/RECORD", null);
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", metadata("demo", "1.0"), remove);

            assertThat(single(validate(), "wheel-record-file", wheel).message()).endsWith("PyPI refuses the upload:"
                    + " \"Wheel 'demo-1.0-py3-none-any.whl' does not contain the required RECORD file:"
                    + " demo-1.0.dist-info/RECORD\".");
        }

        @Test
        void aRecordThatDoesNotMatchIsAWarning() throws Exception {
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", metadata("demo", "1.0"),
                    Map.of("demo-1.0.dist-info/RECORD", utf8("demo/__init__.py,,\ndemo/gone.py,,\n")));

            ValidationReport report = validate();

            Finding f = single(report, "wheel-record-mismatch", wheel);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("demo-1.0.dist-info/RECORD does not match the archive: 3 archive"
                    + " file(s) are not in RECORD ('demo-1.0.dist-info/METADATA', 'demo-1.0.dist-info/RECORD',"
                    + " 'demo-1.0.dist-info/WHEEL'); 1"
                    + " RECORD line(s) name files the archive lacks ('demo/gone.py'). PyPI accepts the upload but"
                    + " e-mails the project's owners about it, and installers that check RECORD may refuse the"
                    + " wheel.");
            assertThat(report.verdict(wheel.toString())).isEqualTo("PASSED with warnings");
        }

        @Test
        void invalidEntryPointsAreRefused() throws Exception {
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", metadata("demo", "1.0"),
                    Map.of("demo-1.0.dist-info/entry_points.txt", utf8("[console_scripts]\n../evil = demo:main\n")));

            assertThat(single(validate(), "wheel-entry-points", wheel).message()).isEqualTo(
                    "'demo-1.0.dist-info/entry_points.txt' cannot be read as PyPI reads it: invalid entry point name"
                            + " '../evil' in 'console_scripts'. PyPI refuses the upload: \"Wheel"
                            + " 'demo-1.0-py3-none-any.whl' has invalid entry points defined in the entry_points.txt"
                            + " file\".");
        }

        @Test
        void everyLicenseFileMustBeWherePyPILooks() throws Exception {
            String text = metadata("demo", "1.0").replace("\n\n", "\nLicense-File: LICENSE\nLicense-File: NOTICE\n\n");
            Path wheel = TestDistributions.wheel(root, "demo-1.0-py3-none-any.whl", text,
                    Map.of("demo-1.0.dist-info/licenses/LICENSE", utf8("MIT"), "demo-1.0.dist-info/NOTICE",
                            utf8("n")));

            assertThat(single(validate(), "license-file-missing", wheel).message()).isEqualTo("METADATA declares"
                    + " License-File 'NOTICE', but the wheel has no 'demo-1.0.dist-info/licenses/NOTICE', where PyPI"
                    + " looks for it. PyPI refuses the upload: \"License-File NOTICE does not exist in distribution"
                    + " file demo-1.0-py3-none-any.whl at demo-1.0.dist-info/licenses/NOTICE\".");
        }
    }

    @Nested
    class ZipFramingAsPyPIChecksIt {

        @Test
        void aJavaZipOutputStreamWheelHasDataDescriptors() throws Exception {
            Path wheel = root.resolve("demo-1.0-py3-none-any.whl");
            try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String[] e : new String[][] {{"demo/__init__.py", "x = 1\n"},
                    {"demo-1.0.dist-info/METADATA", metadata("demo", "1.0")},
                    {"demo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n"},
                    {"demo-1.0.dist-info/RECORD", "demo/__init__.py,,\ndemo-1.0.dist-info/METADATA,,\n"
                            + "demo-1.0.dist-info/WHEEL,,\ndemo-1.0.dist-info/RECORD,,\n"}}) {
                    zip.putNextEntry(new ZipEntry(e[0]));
                    zip.write(utf8(e[1]));
                    zip.closeEntry();
                }
            }

            ValidationReport report = validate();

            Finding f = single(report, "zip-data-descriptor", wheel);
            assertThat(f.message()).isEqualTo("Entries use a data descriptor (general-purpose flag bit 3): their sizes"
                    + " and CRC follow the data instead of being in the local header, so a streaming reader and the"
                    + " central directory can disagree: 4 of 4 entries ('demo/__init__.py',"
                    + " 'demo-1.0.dist-info/METADATA', 'demo-1.0.dist-info/WHEEL', 'demo-1.0.dist-info/RECORD'). PyPI"
                    + " refuses the upload: \"Invalid distribution file. ZIP archive not accepted: ZIP contains a data"
                    + " descriptor. See https://docs.pypi.org/archives for more information\".");
            assertThat(f.fix()).contains("set each entry's size, compressed size and CRC before putNextEntry");
            assertThat(errorRules(report)).containsExactly("zip-data-descriptor");
        }

        @Test
        void entryComments() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.withComment("demo/a.py", utf8("a"), "hi"));

            assertThat(single(validate(), "zip-entry-comment", wheel).message()).startsWith("Entries carry a comment"
                    + " in the central directory: 1 of 3 entries ('demo/a.py'). PyPI refuses the upload: \"Invalid"
                    + " distribution file. ZIP archive not accepted: Comment in central directory.");
        }

        @Test
        void trailingData() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.trailing(utf8("garbage")));

            assertThat(single(validate(), "zip-trailing-data", wheel).message()).startsWith("Bytes follow the end of"
                    + " the ZIP archive (another archive appended, or padding): 7 bytes follow the"
                    + " end-of-central-directory record").contains("ZIP archive not accepted: Trailing data.");
        }

        @Test
        void duplicateNames() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl",
                    z -> z.stored("demo/a.py", "one").stored("demo/a.py", "two"));

            ValidationReport report = validate();

            List<Finding> duplicates = report.findings().stream().filter(f -> f.rule().equals("zip-duplicate-name"))
                    .toList();
            assertThat(duplicates).extracting(Finding::message).satisfiesExactly(
                    m -> assertThat(m).contains("'demo/a.py'").contains("Duplicate filename in central directory"),
                    m -> assertThat(m).contains("'demo/a.py'").contains("Duplicate filename in local headers"));
            assertThat(duplicates.get(0).file()).isEqualTo(wheel.toString());
        }

        @Test
        void anUnsupportedCompressionMethod() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.withMethod("demo/a.py", utf8("a"), 12));

            assertThat(single(validate(), "zip-compression-method", wheel).message()).isEqualTo("Entries use a"
                    + " compression method other than stored (0) or deflated (8), which pip cannot be relied on to"
                    + " read: 1 of 3 entries ('demo/a.py (method 12)'). PyPI refuses the upload: \"Invalid"
                    + " distribution file. File does not use a supported compression type\".");
        }

        @Test
        void aCompressionRatioOverFiftyPastSixtyFourMebibytes() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl",
                    z -> z.claimingSize("demo/data.bin", new byte[100], 65L * 1024 * 1024));

            assertThat(single(validate(), "zip-compression-ratio", wheel).message()).startsWith("The archive looks"
                    + " like a decompression bomb: the entries decompress to").contains("PyPI refuses more than 50"
                    + " once the total passes 67108864 bytes (64 MiB)").endsWith("\"Invalid distribution file. File"
                    + " exceeds compression ratio of 50\".");
        }

        @Test
        void otherFramingProblemsUsePyPIsReason() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.localOnly("demo/hidden.py", utf8("x")));

            assertThat(single(validate(), "zip-malformed", wheel).message()).isEqualTo("The ZIP records do not line"
                    + " up the way PyPI requires. PyPI refuses the upload: \"Invalid distribution file. ZIP archive not"
                    + " accepted: Filename not in central directory. See https://docs.pypi.org/archives for more"
                    + " information\".");
        }

        @Test
        void aPrefixedArchiveIsReadAsPythonReadsItAndRefusedForItsFraming() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.deflated("demo/a.py", utf8("a = 1\n")));
            byte[] bytes = Files.readAllBytes(wheel);
            byte[] prefixed = new byte[bytes.length + 16];
            System.arraycopy(bytes, 0, prefixed, 16, bytes.length);
            Files.write(wheel, prefixed);

            ValidationReport report = validate();

            // METADATA is found through the shifted offsets, as Python's zipfile finds it; the walk from byte 0
            // meets the prefix, which PyPI refuses.
            assertThat(single(report, "zip-malformed", wheel).message()).contains("Unknown record signature");
            assertThat(errorRules(report)).doesNotContain("archive-corrupt", "wheel-metadata-missing");
        }

        @Test
        void aValidRawZipHasNoFramingFindings() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.deflated("demo/a.py", utf8("a = 1\n")));

            assertThat(validate().findings()).extracting(Finding::rule).noneMatch(r -> r.startsWith("zip-"));
        }
    }

    @Nested
    class EachArchiveIsReadOnce {

        @Test
        void theCheckWorksOnWhatDiscoveryReadWithoutOpeningTheFilesAgain() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.deflated("demo/a.py", utf8("a = 1\n"))
                    .stored("demo-1.0.dist-info/entry_points.txt", "[console_scripts]\nbad name = demo:main\n"));
            Path sdist = TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"));
            DiscoveryResult found = new DistributionFinder().discover(root, ALL, List.of());
            ValidationReport before = validator.validate(found, Optional.empty());

            Files.delete(wheel);
            Files.delete(sdist);
            ValidationReport after = validator.validate(found, Optional.empty());

            assertThat(after.findings()).isEqualTo(before.findings());
            assertThat(errorRules(after)).contains("wheel-record-file", "wheel-entry-points")
                    .doesNotContain("file-unreadable");
        }
    }

    @Nested
    class SdistContents {

        @Test
        void moreThanOneTopLevelEntry() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("demo-1.0/PKG-INFO", utf8(metadata("demo", "1.0")));
            entries.put("setup.py", utf8(""));
            Path sdist = TestDistributions.tarball(root, "demo-1.0.tar.gz", entries);

            assertThat(single(validate(), "sdist-top-level", sdist).message()).isEqualTo("demo-1.0.tar.gz has 2"
                    + " top-level entries ('demo-1.0', 'setup.py'); an sdist keeps everything under one directory,"
                    + " such as 'demo-1.0'. PyPI refuses the upload: \"Invalid distribution file. Incorrect number of"
                    + " top-level directories in sdist\".");
        }

        @Test
        void dotSlashNamesHideThePkgInfoFromPyPI() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("./demo-1.0/PKG-INFO", utf8(metadata("demo", "1.0")));
            entries.put("./demo-1.0/setup.py", utf8(""));
            Path sdist = TestDistributions.tarball(root, "demo-1.0.tar.gz", entries);

            assertThat(single(validate(), "sdist-pkg-info", sdist).message()).isEqualTo("demo-1.0.tar.gz has no member"
                    + " named 'demo-1.0/PKG-INFO' (its member names start with './', and PyPI looks the name up"
                    + " exactly). PyPI refuses the upload: \"Invalid distribution file. PKG-INFO not found at"
                    + " demo-1.0/PKG-INFO\".");
        }

        @Test
        void sparseMembers() throws Exception {
            Path sdist = root.resolve("demo-1.0.tar.gz");
            try (OutputStream out = Files.newOutputStream(sdist);
                    GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                byte[] pkgInfo = utf8(metadata("demo", "1.0"));
                TarArchiveEntry info = new TarArchiveEntry("demo-1.0/PKG-INFO");
                info.setSize(pkgInfo.length);
                tar.putArchiveEntry(info);
                tar.write(pkgInfo);
                tar.closeArchiveEntry();
                // GNU sparse format 1.0 in pax headers, as 'tar --sparse --format=pax' writes it: the data starts
                // with a 512-byte block holding the map (1 region: offset 0, 4 bytes).
                TarArchiveEntry sparse = new TarArchiveEntry("demo-1.0/GNUSparseFile.0/data.bin");
                sparse.addPaxHeader("GNU.sparse.major", "1");
                sparse.addPaxHeader("GNU.sparse.minor", "0");
                sparse.addPaxHeader("GNU.sparse.name", "demo-1.0/data.bin");
                sparse.addPaxHeader("GNU.sparse.realsize", "4");
                byte[] data = new byte[516];
                byte[] map = utf8("1\n0\n4\n");
                System.arraycopy(map, 0, data, 0, map.length);
                System.arraycopy(new byte[] {1, 2, 3, 4}, 0, data, 512, 4);
                sparse.setSize(data.length);
                tar.putArchiveEntry(sparse);
                tar.write(data);
                tar.closeArchiveEntry();
            }

            assertThat(single(validate(), "tar-sparse", sdist).message()).isEqualTo("1 member(s) of demo-1.0.tar.gz"
                    + " are sparse files ('demo-1.0/data.bin'), a GNU tar extension that not every tar reader"
                    + " understands. PyPI refuses the upload: \"Invalid distribution file. tar archive not accepted:"
                    + " Sparse members are not allowed. See https://docs.pypi.org/archives for more information\".");
        }

        @Test
        void everyLicenseFileMustBeInTheSdist() throws Exception {
            String text = metadata("demo", "1.0").replace("\n\n", "\nLicense-File: LICENSE\nLicense-File: AUTHORS\n\n");
            Path sdist = TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0", text,
                    Map.of("LICENSE", utf8("MIT")));

            assertThat(single(validate(), "license-file-missing", sdist).message()).isEqualTo("PKG-INFO declares"
                    + " License-File 'AUTHORS', but demo-1.0.tar.gz has no 'demo-1.0/AUTHORS', where PyPI looks for"
                    + " it. PyPI refuses the upload: \"License-File AUTHORS does not exist in distribution file"
                    + " demo-1.0.tar.gz at demo-1.0/AUTHORS\".");
        }
    }

    @Nested
    class BrokenFiles {

        @Test
        void everyBrokenFileIsAFindingBesideTheOtherFindings() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            Path corrupt = Files.write(root.resolve("demo-1.0-cp312-cp312-win_amd64.whl"), utf8("not a zip"));
            Path badName = Files.write(root.resolve("demo-1.0.whl"), utf8("x"));
            Path stale = goodWheel("demo-0.9-py3-none-any.whl", "demo", "0.9");

            ValidationReport report = validate();

            assertThat(report.errors()).extracting(Finding::rule, Finding::file).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("archive-corrupt", corrupt.toString()),
                    org.assertj.core.groups.Tuple.tuple("wheel-filename-invalid", badName.toString()),
                    org.assertj.core.groups.Tuple.tuple("release-versions", null));
            assertThat(report.findingsFor(corrupt.toString()).get(0).message()).startsWith("Cannot read wheel "
                    + corrupt + ": it is not a readable ZIP archive");
            assertThat(report.verdict(stale.toString())).isEqualTo("PASSED");
        }
    }

    @Nested
    class RealWorldLayouts {

        private static final String SETUPTOOLS_METADATA = "Metadata-Version: 2.4\n"
                + "Name: demo-ext\n"
                + "Version: 1.0.post1\n"
                + "Summary: A demo extension\n"
                + "Author-email: Jane Doe <jane@example.org>\n"
                + "License-Expression: MIT OR Apache-2.0\n"
                + "Project-URL: Homepage, https://example.org/demo\n"
                + "Project-URL: Source, https://github.com/example/demo-ext\n"
                + "Classifier: Programming Language :: Python :: 3\n"
                + "Classifier: Operating System :: POSIX :: Linux\n"
                + "Requires-Python: >=3.9\n"
                + "Description-Content-Type: text/markdown\n"
                + "License-File: LICENSE\n"
                + "Requires-Dist: numpy>=1.26\n"
                + "Requires-Dist: rich; extra == \"cli\"\n"
                + "Provides-Extra: cli\n"
                + "Dynamic: license-file\n"
                + "\n"
                + "# demo-ext\n\nA demo.\n";

        @Test
        void aPurePythonWheelAsHatchlingWritesIt() throws Exception {
            Map<String, byte[]> extra = new LinkedHashMap<>();
            extra.put("demo_ext/cli.py", utf8("def main(): pass\n"));
            extra.put("demo_ext-1.0.post1.dist-info/entry_points.txt", utf8("[console_scripts]\ndemo = demo_ext.cli:main\n"));
            extra.put("demo_ext-1.0.post1.dist-info/licenses/LICENSE", utf8("MIT License\n"));
            TestDistributions.wheel(root, "demo_ext-1.0.post1-py3-none-any.whl", SETUPTOOLS_METADATA, extra);

            ValidationReport report = validate(Optional.of("1.0-1"));

            assertThat(report.findings()).isEmpty();
        }

        @Test
        void aManylinuxPlatformWheel() throws Exception {
            String distInfo = "demo_ext-1.0.post1.dist-info";
            String filename = "demo_ext-1.0.post1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
            Path wheel = new RawZip()
                    .deflated("demo_ext/__init__.py", utf8("from ._core import add\n"))
                    .deflated("demo_ext/_core.cpython-312-x86_64-linux-gnu.so", new byte[4096])
                    .deflated("demo_ext.libs/libgomp-a34b3233.so.1.0.0", new byte[2048])
                    .stored(distInfo + "/METADATA", SETUPTOOLS_METADATA)
                    .stored(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: setuptools (80.9.0)\n"
                            + "Root-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_x86_64\n"
                            + "Tag: cp312-cp312-manylinux2014_x86_64\n")
                    .stored(distInfo + "/licenses/LICENSE", "MIT License\n")
                    .stored(distInfo + "/top_level.txt", "demo_ext\n")
                    .stored(distInfo + "/RECORD", "demo_ext/__init__.py,,\n"
                            + "demo_ext/_core.cpython-312-x86_64-linux-gnu.so,,\n"
                            + "demo_ext.libs/libgomp-a34b3233.so.1.0.0,,\n" + distInfo + "/METADATA,,\n"
                            + distInfo + "/WHEEL,,\n" + distInfo + "/licenses/LICENSE,,\n" + distInfo
                            + "/top_level.txt,,\n" + distInfo + "/RECORD,,\n")
                    .write(root.resolve(filename));

            ValidationReport report = validate();

            assertThat(report.findings()).isEmpty();
            assertThat(report.files()).containsExactly(wheel.toString());
        }

        @Test
        void anSdistAsSetuptoolsLaysItOut() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            String top = "demo_ext-1.0.post1/";
            entries.put(top, new byte[0]);
            entries.put(top + "LICENSE", utf8("MIT License\n"));
            entries.put(top + "PKG-INFO", utf8(SETUPTOOLS_METADATA));
            entries.put(top + "README.md", utf8("# demo-ext\n"));
            entries.put(top + "pyproject.toml", utf8("[build-system]\nrequires = [\"setuptools>=77\"]\n"));
            entries.put(top + "setup.cfg", utf8("[egg_info]\ntag_build = \ntag_date = 0\n\n"));
            entries.put(top + "src/", new byte[0]);
            entries.put(top + "src/demo_ext/", new byte[0]);
            entries.put(top + "src/demo_ext/__init__.py", utf8(""));
            entries.put(top + "src/demo_ext.egg-info/", new byte[0]);
            entries.put(top + "src/demo_ext.egg-info/PKG-INFO", utf8(SETUPTOOLS_METADATA));
            entries.put(top + "src/demo_ext.egg-info/SOURCES.txt", utf8("LICENSE\nREADME.md\npyproject.toml\n"));
            TestDistributions.tarball(root, "demo_ext-1.0.post1.tar.gz", entries);

            ValidationReport report = validate();

            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void rendersLikeTwineCheck() throws Exception {
        Path good = goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
        Path warned = TestDistributions.sdist(root, "demo-1.0.tar.gz", "demo-1.0",
                metadata("demo", "1.0").replace("Description-Content-Type: text/markdown\n", ""));
        Path failed = goodWheel("demo-1.0-cp312-cp312-linux_x86_64.whl", "demo", "1.0");

        String text = validate().render();

        assertThat(text).startsWith("Checking " + failed + ": FAILED\n"
                + "  ERROR [wheel-platform-tag] 'demo-1.0-cp312-cp312-linux_x86_64.whl' has the platform tag");
        assertThat(text).contains("\n    Fix: Run 'auditwheel repair demo-1.0-cp312-cp312-linux_x86_64.whl'");
        assertThat(text).contains("Checking " + good + ": PASSED\n");
        assertThat(text).contains("Checking " + warned + ": PASSED with warnings\n"
                + "  WARNING [description-content-type-missing] PKG-INFO has a description but no"
                + " Description-Content-Type");
        assertThat(text).endsWith("Release as a whole: PASSED\n3 files checked: 1 error, 1 warning; nothing may be"
                + " published until every error is fixed\n");
    }

    @Test
    void validatesTheShippedRealMetadataAsWheelsWithoutErrors() throws Exception {
        // Metadata of wheels PyPI accepted, each packed into a wheel named as the original: no error may come out.
        try (var files = Files.list(Path.of("src/test/resources/real-metadata"))) {
            for (Path metadata : files.filter(p -> p.toString().endsWith(".METADATA")).toList()) {
                String filename = metadata.getFileName().toString().replace(".METADATA", "");
                String[] parts = filename.split("-");
                String text = Files.readString(metadata);
                Map<String, byte[]> licenses = new LinkedHashMap<>();
                for (String line : text.split("\n")) {
                    if (line.startsWith("License-File: ")) {
                        licenses.put(parts[0] + "-" + parts[1] + ".dist-info/licenses/"
                                + line.substring("License-File: ".length()).strip(), utf8("license"));
                    }
                }
                TestDistributions.wheel(root.resolve(parts[0]), filename, text, licenses);
            }
        }
        DiscoveryResult found = new DistributionFinder().discover(root, List.of("**/*.whl"), List.of());

        ValidationReport report = validator.validate(found, Optional.empty());

        assertThat(found.distributions()).hasSize(9);
        assertThat(report.errors()).extracting(Finding::rule).containsOnly("release-names", "release-versions");
        assertThat(report.errors()).allMatch(Finding::isReleaseLevel);
    }

    /**
     * Text files written with Windows line ends (CRLF), as a build run on Windows or a checkout with
     * {@code core.autocrlf} can leave them: the same release, the same verdict as with LF.
     */
    @Nested
    class WindowsLineEnds {

        private static final String METADATA = "Metadata-Version: 2.4\n"
                + "Name: demo\n"
                + "Version: 1.0\n"
                + "Summary: A demo\n"
                + "License-Expression: MIT\n"
                + "Classifier: Programming Language :: Python :: 3\n"
                + "Classifier: Operating System :: OS Independent\n"
                + "Requires-Dist: requests>=2; extra == \"http\"\n"
                + "Provides-Extra: http\n"
                + "Description-Content-Type: text/markdown\n"
                + "\n"
                + "# Demo\n\nTwo lines.\n";

        private static String crlf(String text) {
            return text.replace("\n", "\r\n");
        }

        private Path wheel(Path dir, boolean windows) {
            String eol = windows ? "\r\n" : "\n";
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("demo/__init__.py", utf8("x = 1" + eol));
            entries.put("demo-1.0.dist-info/METADATA", utf8(windows ? crlf(METADATA) : METADATA));
            entries.put("demo-1.0.dist-info/WHEEL", utf8(String.join(eol, "Wheel-Version: 1.0",
                    "Generator: hand (1.0)", "Root-Is-Purelib: true", "Tag: py3-none-any", "")));
            entries.put("demo-1.0.dist-info/entry_points.txt", utf8(String.join(eol, "[console_scripts]",
                    "demo = demo:main", "", "[demo.plugins]", "a = demo:a", "")));
            StringBuilder record = new StringBuilder();
            entries.forEach((name, bytes) -> record.append(name).append(',')
                    .append(TestDistributions.recordHash(bytes)).append(',').append(bytes.length).append(eol));
            record.append("demo-1.0.dist-info/RECORD,,").append(eol);
            RawZip zip = new RawZip();
            entries.forEach(zip::stored);
            return zip.stored("demo-1.0.dist-info/RECORD", record.toString())
                    .write(dir.resolve("demo-1.0-py3-none-any.whl"));
        }

        private ValidationReport validate(Path dir) throws Exception {
            return validator.validate(new DistributionFinder().discover(dir, ALL, List.of()), Optional.of("1.0"));
        }

        @Test
        void aWheelAndAnSdistWithCrlfFilesPassAsTheirLfTwinsDo() throws Exception {
            Path lf = Files.createDirectories(root.resolve("lf"));
            Path windows = Files.createDirectories(root.resolve("crlf"));
            wheel(lf, false);
            TestDistributions.sdist(lf, "demo-1.0.tar.gz", "demo-1.0", METADATA);
            Path crlfWheel = wheel(windows, true);
            Path crlfSdist = TestDistributions.sdist(windows, "demo-1.0.tar.gz", "demo-1.0", crlf(METADATA),
                    Map.of("pyproject.toml", utf8(crlf("[project]\nname = \"demo\"\nversion = \"1.0\"\n"))));

            ValidationReport expected = validate(lf);
            ValidationReport report = validate(windows);

            assertThat(expected.findings()).isEmpty();
            assertThat(report.findings()).isEmpty();
            assertThat(report.verdict(crlfWheel.toString())).isEqualTo("PASSED");
            assertThat(report.verdict(crlfSdist.toString())).isEqualTo("PASSED");
        }

        @Test
        void crlfMetadataParsesToTheSameFieldsWithNoCarriageReturnInAnyValue() throws Exception {
            Path windows = Files.createDirectories(root.resolve("crlf"));
            wheel(windows, true);
            Path lf = Files.createDirectories(root.resolve("lf"));
            wheel(lf, false);

            var fromCrlf = new DistributionFinder().discover(windows, ALL, List.of()).distributions().get(0).metadata();
            var fromLf = new DistributionFinder().discover(lf, ALL, List.of()).distributions().get(0).metadata();

            assertThat(fromCrlf.fields()).isEqualTo(fromLf.fields());
            assertThat(fromCrlf.fields()).allSatisfy(f -> assertThat(f.value()).doesNotContain("\r"));
            assertThat(fromCrlf.all("Classifier")).containsExactly("Programming Language :: Python :: 3",
                    "Operating System :: OS Independent");
        }
    }

    /** What pip refuses to install, and what is matched but not published: never passed over in silence. */
    @Nested
    class InstallabilityAndLeftOutFiles {

        @Test
        void aWheelWithAnEntryClimbingOutIsAnError() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.stored("demo/../../../etc/evil.pth", "x"));

            Finding finding = single(validate(), "archive-path-outside", wheel);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).startsWith("1 entry of demo-1.0-py3-none-any.whl have an absolute path or"
                    + " climb out with '..' ('demo/../../../etc/evil.pth')").contains("pip refuses to install");
        }

        @Test
        void aWheelWithAnAbsoluteEntryIsAnError() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.stored("/usr/lib/evil.so", "x")
                    .stored("C:/Windows/evil.dll", "y"));

            assertThat(single(validate(), "archive-path-outside", wheel).message())
                    .startsWith("2 entries of demo-1.0-py3-none-any.whl").contains("'/usr/lib/evil.so'",
                            "'C:/Windows/evil.dll'");
        }

        @Test
        void aDotDotThatStaysInsideIsFine() throws Exception {
            rawWheel("demo-1.0-py3-none-any.whl", z -> z.stored("demo/sub/../__init__.py", "x"));

            assertThat(validate().findings()).extracting(Finding::rule).doesNotContain("archive-path-outside");
        }

        @Test
        void anSdistWithTooManyMembersIsItsOwnError() throws Exception {
            Path sdist = RawTar.manyEmptyFiles(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"),
                    io.github.yogs0ddhoth.pypi.distribution.TarMembers.MAX);

            Finding finding = single(validate(), "archive-too-many-members", sdist);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("more than " + io.github.yogs0ddhoth.pypi.distribution.TarMembers.MAX
                    + " tar members");
        }

        @Test
        void anSdistThatInflatesPastFiftyTimesItsSizeIsItsOwnError() throws Exception {
            Path sdist = RawTar.zeroBomb(root, "demo-1.0.tar.gz", "demo-1.0", metadata("demo", "1.0"), 1024);

            Finding finding = single(validate(), "archive-compression-ratio", sdist);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("decompression bomb");
        }

        @Test
        void aWheelWithTwoDistInfoDirectoriesIsAnError() throws Exception {
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.stored("demo-0.9.dist-info/METADATA",
                    metadata("demo", "0.9")));

            Finding finding = single(validate(), "wheel-dist-info-several", wheel);

            assertThat(finding.message()).isEqualTo("demo-1.0-py3-none-any.whl has 2 top-level .dist-info"
                    + " directories ('demo-0.9.dist-info', 'demo-1.0.dist-info'). pip refuses to install it"
                    + " (\"multiple .dist-info directories found\"), since it cannot tell which one describes the"
                    + " wheel.");
        }

        @Test
        void anSdistWithFifoDeviceAndEscapingLinksIsAnError() throws Exception {
            Path sdist = new RawTar()
                    .directory("demo-1.0")
                    .file("demo-1.0/PKG-INFO", metadata("demo", "1.0"))
                    .fifo("demo-1.0/pipe")
                    .characterDevice("demo-1.0/null")
                    .symbolicLink("demo-1.0/passwd", "/etc/passwd")
                    .symbolicLink("demo-1.0/src/up", "../../..")
                    .symbolicLink("demo-1.0/src/ok", "../PKG-INFO")
                    .hardLink("demo-1.0/hard", "../shadow")
                    .write(root, "demo-1.0.tar.gz");

            Finding finding = single(validate(), "sdist-special-member", sdist);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).startsWith("5 member(s) of demo-1.0.tar.gz are devices, FIFOs or links"
                    + " that point outside the archive ('demo-1.0/pipe' (a FIFO), 'demo-1.0/null' (a character"
                    + " device), 'demo-1.0/passwd' (a symbolic link to the absolute path '/etc/passwd'),"
                    + " 'demo-1.0/src/up' (a symbolic link to '../../..', outside the archive), 'demo-1.0/hard' (a"
                    + " hard link to '../shadow', outside the archive)).");
        }

        @Test
        void anSdistWithAMemberClimbingOutIsAnError() throws Exception {
            Path sdist = new RawTar()
                    .file("demo-1.0/PKG-INFO", metadata("demo", "1.0"))
                    .file("demo-1.0/../../evil.sh", "rm -rf ~")
                    .write(root, "demo-1.0.tar.gz");

            assertThat(single(validate(), "archive-path-outside", sdist).message())
                    .startsWith("1 member(s) of demo-1.0.tar.gz have an absolute path or climb out with '..'"
                            + " ('demo-1.0/../../evil.sh')");
        }

        @Test
        void windowsSeparatorsAndDriveLettersClimbOutOfWheelsAndSdistsToo() throws Exception {
            // On Linux these are odd names; pip on Windows reads '\\' as a separator and 'C:' as a drive.
            Path wheel = rawWheel("demo-1.0-py3-none-any.whl", z -> z.stored("demo\\..\\..\\evil.pth", "x")
                    .stored("demo/ok\\..\\fine.py", "y"));
            Path sdist = new RawTar()
                    .file("demo-1.0/PKG-INFO", metadata("demo", "1.0"))
                    .file("demo-1.0/..\\..\\evil.bat", "del")
                    .symbolicLink("demo-1.0/win", "C:\\Windows")
                    .symbolicLink("demo-1.0/up", "..\\..\\..")
                    .write(root, "demo-1.0.tar.gz");

            ValidationReport report = validate();
            List<Finding> outside = report.findings().stream().filter(f -> f.rule().equals("archive-path-outside"))
                    .toList();

            assertThat(outside).extracting(Finding::file).containsExactly(wheel.toString(), sdist.toString());
            assertThat(outside.get(0).message())
                    .startsWith("1 entry of demo-1.0-py3-none-any.whl have an absolute path or climb out with '..'"
                            + " ('demo\\..\\..\\evil.pth')");
            assertThat(outside.get(1).message())
                    .startsWith("1 member(s) of demo-1.0.tar.gz have an absolute path or climb out with '..'"
                            + " ('demo-1.0/..\\..\\evil.bat')");
            assertThat(single(report, "sdist-special-member", sdist).message()).contains(
                    "'demo-1.0/win' (a symbolic link to the absolute path 'C:\\Windows')",
                    "'demo-1.0/up' (a symbolic link to '..\\..\\..', outside the archive)");
        }

        @Test
        void aSymbolicLinkPkgInfoFailsTheReleaseUnderItsOwnRule() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            Path sdist = new RawTar()
                    .file("demo-1.0/src/demo.egg-info/PKG-INFO", metadata("demo", "1.0"))
                    .symbolicLink("demo-1.0/PKG-INFO", "src/demo.egg-info/PKG-INFO")
                    .write(root, "demo-1.0.tar.gz");

            ValidationReport report = validate();

            assertThat(single(report, "sdist-pkg-info-not-regular", sdist).severity()).isEqualTo(Severity.ERROR);
            assertThat(report.verdict(sdist.toString())).isEqualTo("FAILED");
            assertThat(report.hasErrors()).isTrue();
        }

        @Test
        void aMatchedTarballThatIsNotAnSdistIsAWarningNotSilence() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            Path assembly = TestDistributions.tarball(root, "demo-1.0-bin.tar.gz",
                    Map.of("demo-1.0/bin/demo", utf8("echo hi")));

            ValidationReport report = validate();

            Finding finding = single(report, "file-not-published", assembly);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).isEqualTo("It matches the include patterns but is not published:"
                    + " no demo-1.0/PKG-INFO: not an sdist.");
            assertThat(report.hasErrors()).isFalse();
            assertThat(report.render()).contains("Checking " + assembly + ": PASSED with warnings");
        }

        @Test
        void anExcludedFileIsNotWarnedAbout() throws Exception {
            goodWheel("demo-1.0-py3-none-any.whl", "demo", "1.0");
            TestDistributions.tarball(root, "demo-1.0-bin.tar.gz", Map.of("demo-1.0/bin/demo", utf8("echo hi")));

            DiscoveryResult found = new DistributionFinder().discover(root, ALL, List.of("*-bin.tar.gz"));

            assertThat(validator.validate(found, Optional.empty()).findings()).isEmpty();
        }
    }
}
