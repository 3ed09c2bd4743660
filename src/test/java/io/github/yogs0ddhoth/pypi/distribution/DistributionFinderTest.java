package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.Assumptions.assumeThatCode;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.yogs0ddhoth.pypi.testing.RawTar;
import io.github.yogs0ddhoth.pypi.testing.TestDistributions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionFinderTest {

    private static final List<String> DEFAULTS = List.of("**/*.whl", "**/*.tar.gz");
    private static final String HINT = "Build the wheel and sdist before the deploy phase (for example with"
            + " 'python -m build' bound to an earlier phase, writing into this directory), or set packagesDirectory to"
            + " the directory that holds them.";

    @TempDir
    Path root;

    private final DistributionFinder finder = new DistributionFinder();

    private DiscoveryResult find() throws DistributionException {
        return strict(finder.discover(root, DEFAULTS, List.of()));
    }

    /** The result, or its first problem thrown: how the tests below read one broken file's message. */
    private static DiscoveryResult strict(DiscoveryResult result) throws DistributionException {
        if (result.hasProblems()) {
            FileProblem p = result.problems().get(0);
            throw p.cause() instanceof DistributionException original ? original
                    : new DistributionException(p.kind(), p.message(), p.cause());
        }
        return result;
    }

    private static String metadata(String name, String version) {
        return TestDistributions.metadata(name, version);
    }

    @Nested
    class Finding {

        @Test
        void findsWheelsAndSdistsInNestedDirectoriesWheelsFirst() throws Exception {
            Path sdist = TestDistributions.sdist(root.resolve("dist/src"), "my_pkg-1.0.tar.gz", "my_pkg-1.0",
                    metadata("my-pkg", "1.0") + "\n# README\n");
            Path win = TestDistributions.wheel(root.resolve("wheels/win"), "my_pkg-1.0-cp312-cp312-win_amd64.whl",
                    metadata("my-pkg", "1.0"));
            Path pure = TestDistributions.wheel(root, "my_pkg-1.0-py2.py3-none-any.whl", metadata("my-pkg", "1.0"));

            DiscoveryResult result = find();

            assertThat(result.distributions()).extracting(Distribution::filename).containsExactly(
                    "my_pkg-1.0-cp312-cp312-win_amd64.whl", "my_pkg-1.0-py2.py3-none-any.whl", "my_pkg-1.0.tar.gz");
            assertThat(result.ignored()).isEmpty();

            Distribution first = result.distributions().get(0);
            assertThat(first.path()).isEqualTo(win);
            assertThat(first.type()).isEqualTo(DistributionType.WHEEL);
            assertThat(first.type().filetype()).isEqualTo("bdist_wheel");
            assertThat(first.size()).isEqualTo(Files.size(win));
            assertThat(first.pyversion()).isEqualTo("cp312");
            assertThat(first.name()).contains("my-pkg");
            assertThat(first.version()).contains("1.0");
            assertThat(first.metadata().first("Summary")).contains("A test distribution");

            assertThat(result.distributions().get(1).path()).isEqualTo(pure);
            assertThat(result.distributions().get(1).pyversion()).isEqualTo("py2.py3");

            Distribution last = result.distributions().get(2);
            assertThat(last.path()).isEqualTo(sdist);
            assertThat(last.filename()).isEqualTo("my_pkg-1.0.tar.gz");
            assertThat(last.type()).isEqualTo(DistributionType.SDIST);
            assertThat(last.type().filetype()).isEqualTo("sdist");
            assertThat(last.size()).isEqualTo(Files.size(sdist));
            assertThat(last.pyversion()).isEqualTo("source");
            assertThat(last.metadata().body()).isEqualTo("# README\n");
        }

        @Test
        void patternsWrittenWithWindowsBackslashesSelectTheSameFilesOnEveryOs() throws Exception {
            Path kept = TestDistributions.wheel(root.resolve("dist"), "a-1-py3-none-any.whl", metadata("a", "1"));
            TestDistributions.wheel(root.resolve("dist/old"), "a-0.9-py3-none-any.whl", metadata("a", "0.9"));
            TestDistributions.wheel(root.resolve("other"), "b-1-py3-none-any.whl", metadata("b", "1"));

            DiscoveryResult windows = finder.discover(root, List.of(".\\dist\\**\\*.whl"), List.of("dist\\old\\"));
            DiscoveryResult unix = finder.discover(root, List.of("./dist/**/*.whl"), List.of("dist/old/"));

            assertThat(windows.distributions()).extracting(Distribution::path).containsExactly(kept);
            assertThat(unix.distributions()).extracting(Distribution::path).containsExactly(kept);
        }

        @Test
        void patternsAreCaseSensitiveOnEveryOsWhateverTheFileSystem() throws Exception {
            // Windows and macOS would open a.WHL as a.whl; the patterns decide by the name as listed, the same
            // everywhere, and PyPI's file names are lower-case .whl and .tar.gz.
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            TestDistributions.wheel(root, "b-1-py3-none-any.WHL", metadata("b", "1"));

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of("**/A-*.whl"));

            assertThat(result.distributions()).extracting(Distribution::filename).containsExactly(
                    "a-1-py3-none-any.whl");
            assertThat(result.ignored()).isEmpty();
        }

        @Test
        void reportsAbsoluteNormalisedPathsForARelativeDirectory() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path relative = Path.of("").toAbsolutePath().relativize(root);

            DiscoveryResult result = strict(finder.discover(relative.resolve("x/.."), DEFAULTS, List.of()));

            assertThat(result.distributions().get(0).path()).isEqualTo(root.resolve("a-1-py3-none-any.whl"));
        }

        @Test
        void usesTheDefaultPatternsWhenNoIncludeIsGiven() throws Exception {
            TestDistributions.wheel(root.resolve("a"), "a-1-py3-none-any.whl", metadata("a", "1"));
            TestDistributions.sdist(root, "a-1.tar.gz", "a-1", metadata("a", "1"));

            assertThat(strict(finder.discover(root, null, null)).distributions()).hasSize(2);
            assertThat(strict(finder.discover(root, List.of(), List.of())).distributions()).hasSize(2);
            assertThat(strict(finder.discover(root, Arrays.asList(" ", null), null)).distributions()).hasSize(2);
        }

        @Test
        void onlyLooksAtFilesMatchingTheIncludes() throws Exception {
            TestDistributions.wheel(root.resolve("dist"), "a-1-py3-none-any.whl", metadata("a", "1"));
            TestDistributions.wheel(root.resolve("other"), "b-1-py3-none-any.whl", metadata("b", "1"));
            TestDistributions.sdist(root.resolve("dist"), "a-1.tar.gz", "a-1", metadata("a", "1"));

            DiscoveryResult result = strict(finder.discover(root, List.of("dist/*.whl"), List.of()));

            assertThat(result.distributions()).extracting(Distribution::filename)
                    .containsExactly("a-1-py3-none-any.whl");
            assertThat(result.ignored()).isEmpty();
        }

        @Test
        void excludesWinOverIncludes() throws Exception {
            TestDistributions.wheel(root, "a-2-py3-none-any.whl", metadata("a", "2"));
            Path old = TestDistributions.wheel(root.resolve("old"), "a-1-py3-none-any.whl", metadata("a", "1"));

            DiscoveryResult result = strict(finder.discover(root, DEFAULTS, List.of("**/old/**")));

            assertThat(result.distributions()).extracting(Distribution::filename)
                    .containsExactly("a-2-py3-none-any.whl");
            assertThat(result.ignored()).containsExactly(
                    IgnoredFile.excluded(old, "matches include '**/*.whl' but is excluded by '**/old/**'"));
        }

        @Test
        void ignoresAnAssemblyTarballWithAReason() throws Exception {
            TestDistributions.wheel(root, "app-1.0-py3-none-any.whl", metadata("app", "1.0"));
            Map<String, byte[]> assembly = new LinkedHashMap<>();
            assembly.put("app-1.0/", new byte[0]);
            assembly.put("app-1.0/bin/app", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            assembly.put("app-1.0/lib/app-1.0.jar", new byte[] {'P', 'K', 3, 4});
            Path tarball = TestDistributions.tarball(root, "app-1.0-bin.tar.gz", assembly);

            DiscoveryResult result = find();

            assertThat(result.distributions()).extracting(Distribution::filename)
                    .containsExactly("app-1.0-py3-none-any.whl");
            assertThat(result.ignored()).containsExactly(new IgnoredFile(tarball, "no app-1.0/PKG-INFO: not an sdist"));
        }

        @Test
        void ignoresOtherMatchedFilesWithAReason() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path zip = TestDistributions.zip(root, "a-1.zip", Map.of("a-1/PKG-INFO", new byte[0]));
            Path egg = Files.write(root.resolve("a-1-py3.8.egg"), new byte[] {1});
            Path txt = Files.write(root.resolve("notes.txt"), new byte[] {1});

            DiscoveryResult result = strict(finder.discover(root, List.of("**/*.whl", "**/*.zip", "*.egg", "*.txt"),
                    List.of()));

            assertThat(result.distributions()).hasSize(1);
            assertThat(result.ignored()).containsExactly(
                    new IgnoredFile(egg, "an egg or Windows installer: PyPI no longer accepts these; upload wheels"
                            + " (.whl) instead"),
                    new IgnoredFile(zip, "a .zip file: PyPI accepts only wheels (.whl) and .tar.gz sdists; .zip sdists"
                            + " are refused (PEP 625)"),
                    new IgnoredFile(txt, "not a wheel (.whl) or an sdist (.tar.gz)"));
        }

        @Test
        void aDirectoryNamedLikeAWheelIsAProblemButItsContentsAreFound() throws Exception {
            Files.createDirectories(root.resolve("x.whl"));
            Files.createDirectories(root.resolve("y.tar.gz/inner"));
            TestDistributions.wheel(root.resolve("x.whl"), "a-1-py3-none-any.whl", metadata("a", "1"));

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.distributions()).extracting(Distribution::path)
                    .containsExactly(root.resolve("x.whl/a-1-py3-none-any.whl"));
            assertThat(result.ignored()).isEmpty();
            assertThat(result.problems()).extracting(FileProblem::path, FileProblem::kind).containsExactly(
                    tuple(root.resolve("x.whl"), FileProblem.Kind.NOT_A_REGULAR_FILE),
                    tuple(root.resolve("y.tar.gz"), FileProblem.Kind.NOT_A_REGULAR_FILE));
            assertThat(result.problems().get(0).message()).isEqualTo("Cannot upload " + root.resolve("x.whl")
                    + ": it is a directory, but it matches the include pattern '**/*.whl'. A wheel or sdist is a"
                    + " single regular file (a symbolic link to one is followed). Remove or rename it, point the link"
                    + " at the built file, or exclude it.");
        }

        @Test
        void aDirectoryMatchedByADirectoryPatternIsNotAProblem() throws Exception {
            TestDistributions.wheel(root.resolve("dist"), "a-1-py3-none-any.whl", metadata("a", "1"));

            DiscoveryResult result = finder.discover(root, List.of("dist/"), List.of());

            assertThat(result.distributions()).hasSize(1);
            assertThat(result.problems()).isEmpty();
        }

        @Test
        void doesNotFollowSymbolicLinksToDirectories() throws Exception {
            Path outside = Files.createDirectories(root.resolve("../outside-" + root.getFileName()));
            TestDistributions.wheel(outside, "b-1-py3-none-any.whl", metadata("b", "1"));
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            assumeThatCode(() -> Files.createSymbolicLink(root.resolve("link"), outside)).doesNotThrowAnyException();

            try {
                assertThat(find().distributions()).extracting(Distribution::filename)
                        .containsExactly("a-1-py3-none-any.whl");
            } finally {
                Files.delete(outside.resolve("b-1-py3-none-any.whl"));
                Files.delete(outside);
            }
        }

        @Test
        void readsASymbolicLinkToAFile() throws Exception {
            Path target = TestDistributions.wheel(root.resolve("store"), "a-1-py3-none-any.whl", metadata("a", "1"));
            Files.createDirectories(root.resolve("dist"));
            Path link = root.resolve("dist/a-1-py3-none-any.whl");
            assumeThatCode(() -> Files.createSymbolicLink(link, target)).doesNotThrowAnyException();

            DiscoveryResult result = strict(finder.discover(root, List.of("dist/*.whl"), List.of()));

            assertThat(result.distributions()).extracting(Distribution::path).containsExactly(link);
        }

        @Test
        void searchesTheTargetWhenTheDirectoryItselfIsASymbolicLink() throws Exception {
            Path real = Files.createDirectories(root.resolve("real"));
            TestDistributions.wheel(real.resolve("sub"), "a-1-py3-none-any.whl", metadata("a", "1"));
            Path link = root.resolve("link");
            assumeThatCode(() -> Files.createSymbolicLink(link, real)).doesNotThrowAnyException();

            DiscoveryResult result = strict(finder.discover(link, DEFAULTS, List.of()));

            assertThat(result.distributions()).extracting(Distribution::path)
                    .containsExactly(link.resolve("sub/a-1-py3-none-any.whl"));
        }

        @Test
        void resultListsCannotBeModified() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            DiscoveryResult result = find();

            assertThatThrownBy(() -> result.distributions().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> result.ignored().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class NothingFound {

        @Test
        void anEmptyDirectoryNamesTheDirectoryAndThePatterns() {
            assertThatThrownBy(() -> strict(finder.discover(root, DEFAULTS, List.of("**/old/**"))))
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessage("No distributions to upload: found no wheel or sdist in " + root
                            + " (searched recursively with includes [**/*.whl, **/*.tar.gz], excludes [**/old/**])."
                            + " No file matched the include patterns. " + HINT);
        }

        @Test
        void listsWhatWasIgnored() throws Exception {
            Path tarball = TestDistributions.tarball(root.resolve("target"), "app-1.0-bin.tar.gz",
                    Map.of("app-1.0/bin/app", new byte[] {1}));
            Path old = TestDistributions.wheel(root.resolve("old"), "a-1-py3-none-any.whl", metadata("a", "1"));

            assertThatThrownBy(() -> strict(finder.discover(root, DEFAULTS, List.of("old/"))))
                    .hasMessage("No distributions to upload: found no wheel or sdist in " + root
                            + " (searched recursively with includes [**/*.whl, **/*.tar.gz], excludes [old/])."
                            + " Ignored 2 files:\n"
                            + "  - " + old + ": matches include '**/*.whl' but is excluded by 'old/'\n"
                            + "  - " + tarball + ": no app-1.0/PKG-INFO: not an sdist\n"
                            + HINT);
        }

        @Test
        void aMissingDirectoryIsNamed() {
            Path missing = root.resolve("target/dist");

            assertThatThrownBy(() -> strict(finder.discover(missing, DEFAULTS, List.of())))
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessage("No distributions to upload: the directory " + missing + " does not exist (includes"
                            + " [**/*.whl, **/*.tar.gz], excludes []). " + HINT);
        }

        @Test
        void aFileIsNotADirectory() throws Exception {
            Path file = Files.write(root.resolve("file"), new byte[0]);

            assertThatThrownBy(() -> strict(finder.discover(file, DEFAULTS, List.of())))
                    .hasMessageStartingWith(
                            "No distributions to upload: the directory " + file + " is not a directory");
        }
    }

    @Nested
    class BrokenWheels {

        @Test
        void aWheelWithAnInvalidNameIsAnError() throws Exception {
            Path wheel = TestDistributions.wheel(root, "my-pkg-1.0-py3-none-any.whl", metadata("my-pkg", "1.0"));

            assertThatThrownBy(() -> find())
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessage("Cannot upload " + wheel + ": 'my-pkg-1.0-py3-none-any.whl' is not a valid wheel file"
                            + " name. Expected '{name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform"
                            + " tag}.whl', for example 'my_project-1.0-py3-none-any.whl': name and version contain no"
                            + " '-', a build tag starts with a digit, and tags are letters, digits and '_' (several"
                            + " joined with '.'). Keep the name the build backend gave the wheel (PyPI reads the tags"
                            + " from it), or exclude the file.");
        }

        @Test
        void aCorruptWheelIsAnErrorNotACrash() throws Exception {
            Path wheel =
                    Files.write(root.resolve("a-1-py3-none-any.whl"), "not a zip".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> find())
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessageStartingWith("Cannot read wheel " + wheel + ": it is not a readable ZIP archive"
                            + " (ZipException: ")
                    .hasMessageEndingWith("). A wheel is a ZIP file; this one is corrupt or truncated. Rebuild it with"
                            + " the build backend (for example 'python -m build --wheel'), or exclude it from the"
                            + " upload.")
                    .hasCauseInstanceOf(java.util.zip.ZipException.class);
        }

        @Test
        void aTruncatedWheelIsAnError() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            byte[] bytes = Files.readAllBytes(wheel);
            Files.write(wheel, Arrays.copyOf(bytes, bytes.length - 30));

            assertThatThrownBy(() -> find()).hasMessageStartingWith("Cannot read wheel " + wheel + ": it is not a"
                    + " readable ZIP archive");
        }

        @Test
        void aWheelWithoutMetadataNamesTheExpectedEntry() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a_b-1.0-py3-none-any.whl", null);

            assertThatThrownBy(() -> find())
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessage("Wheel " + wheel + " has no core metadata: expected the entry"
                            + " 'a_b-1.0.dist-info/METADATA' (named after the file name's name and version parts 'a_b'"
                            + " and '1.0'), and there is no other '*.dist-info/METADATA' at the top of the archive."
                            + " The file is not a complete wheel; rebuild it with the build backend (for example"
                            + " 'python -m build --wheel').");
        }

        @Test
        void aNestedMetadataDoesNotCount() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", null,
                    Map.of("vendored/b-1.dist-info/METADATA", metadata("b", "1").getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(() -> find()).hasMessageContaining("has no core metadata: expected the entry"
                    + " 'a-1.dist-info/METADATA'");
        }

        @Test
        void aDirectoryEntryIsNotTheMetadataFile() throws Exception {
            Map<String, byte[]> extra = new HashMap<>();
            extra.put("a-1.dist-info/METADATA/", new byte[0]);
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", null, extra);

            assertThatThrownBy(() -> find()).hasMessageContaining("has no core metadata");
        }

        @Test
        void fallsBackToTheOnlyTopLevelDistInfo() throws Exception {
            // The file name says "A" but the builder wrote "a-1.dist-info": still readable, a validator reports it.
            Path wheel = TestDistributions.wheel(root, "A-1-py3-none-any.whl", null, Map.of(
                    "a-1.dist-info/METADATA", metadata("a", "1").getBytes(StandardCharsets.UTF_8)));

            Distribution distribution = find().distributions().get(0);

            assertThat(distribution.path()).isEqualTo(wheel);
            assertThat(distribution.name()).contains("a");
        }

        @Test
        void refusesToGuessBetweenSeveralDistInfoDirectories() throws Exception {
            Path wheel = TestDistributions.wheel(root, "c-1-py3-none-any.whl", null, Map.of(
                    "a-1.dist-info/METADATA", metadata("a", "1").getBytes(StandardCharsets.UTF_8),
                    "b-1.dist-info/METADATA", metadata("b", "1").getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(() -> find())
                    .hasMessage("Wheel " + wheel + " has no 'c-1.dist-info/METADATA' but several other metadata files"
                            + " [a-1.dist-info/METADATA, b-1.dist-info/METADATA], so it is unclear which one describes"
                            + " the wheel. Expected exactly one '<name>-<version>.dist-info/METADATA' matching the file"
                            + " name. Rebuild the wheel from a clean build directory.");
        }

        @Test
        void malformedMetadataNamesTheFileAndEntry() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", "Name: M\u00fcller\n", Map.of(
                    "a-1.dist-info/METADATA", "Name: M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1)));

            assertThatThrownBy(() -> find())
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageStartingWith("Malformed core metadata in " + wheel + " (entry 'a-1.dist-info/METADATA'):"
                            + " it is not valid UTF-8 at byte offset 7 (line 1, bytes FC)");
        }

        @Test
        void metadataOverTheCapIsAnError() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", "Name: a\n\n" + "x".repeat(100));
            DistributionFinder small = new DistributionFinder(new MetadataLimit(100));

            assertThatThrownBy(() -> strict(small.discover(root, DEFAULTS, List.of())))
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessage("Core metadata too large in " + wheel + " (entry 'a-1.dist-info/METADATA'): it is 109"
                            + " bytes, the limit is 100 bytes. Core metadata is normally a few kilobytes;"
                            + " check what the build backend put into the description (for example a generated file"
                            + " instead of the README) and rebuild the distribution.");
        }

        @Test
        void metadataOverSixteenMebibytesIsAnError() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", "x".repeat(16 * 1024 * 1024 + 1));

            assertThatThrownBy(() -> find())
                    .hasMessageStartingWith("Core metadata too large in " + wheel + " (entry 'a-1.dist-info/METADATA'):"
                            + " it is 16777217 bytes, the limit is 16777216 bytes (16 MiB).");
        }

        @Test
        void metadataAtTheCapIsRead() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", "Name: a\n\n" + "x".repeat(91));

            assertThat(strict(new DistributionFinder(new MetadataLimit(100)).discover(root, DEFAULTS, List.of()))
                    .distributions().get(0).metadata().body()).hasSize(91);
        }
    }

    @Nested
    class Sdists {

        @Test
        void acceptsDotSlashEntryNamesAndNoDirectoryEntries() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("./", new byte[0]);
            entries.put("./pkg-1.0/PKG-INFO", metadata("pkg", "1.0").getBytes(StandardCharsets.UTF_8));
            entries.put("./pkg-1.0/setup.py", new byte[0]);
            TestDistributions.tarball(root, "pkg-1.0.tar.gz", entries);

            assertThat(find().distributions()).extracting(Distribution::name).containsExactly(Optional.of("pkg"));
        }

        @Test
        void aTarballWithAPkgInfoIsAnSdistEvenWithSeveralTopLevelDirectories() throws Exception {
            // A broken sdist, not someone else's tarball: the validator reports its layout.
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("a-1/PKG-INFO", metadata("a", "1").getBytes(StandardCharsets.UTF_8));
            entries.put("b-1/PKG-INFO", metadata("b", "1").getBytes(StandardCharsets.UTF_8));
            Path tarball = TestDistributions.tarball(root, "a-1.tar.gz", entries);

            DiscoveryResult result = find();

            assertThat(result.distributions()).extracting(Distribution::path, Distribution::name)
                    .containsExactly(tuple(tarball, Optional.of("a")));
            assertThat(result.ignored()).isEmpty();
        }

        @Test
        void ignoresATarballWithSeveralTopLevelDirectoriesAndNoPkgInfo() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("a-1/setup.py", new byte[0]);
            entries.put("b-1/setup.py", new byte[0]);
            Path tarball = TestDistributions.tarball(root, "a-1.tar.gz", entries);

            assertThat(find().ignored()).containsExactly(new IgnoredFile(tarball,
                    "entries under 2 top-level names (a-1, b-1): not an sdist, which has a single top-level"
                            + " directory"));
        }

        @Test
        void ignoresATarballWithAFileAtTheTopLevel() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path tarball = TestDistributions.tarball(root, "a-1.tar.gz",
                    Map.of("PKG-INFO", metadata("a", "1").getBytes(StandardCharsets.UTF_8)));

            assertThat(find().ignored()).containsExactly(new IgnoredFile(tarball, "'PKG-INFO' is a file at the top"
                    + " level, outside any directory: not an sdist, whose entries all live under one top-level"
                    + " directory"));
        }

        @Test
        void ignoresATarballWithAnEscapingPathAndNoPkgInfo() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Map<String, byte[]> absolute = new LinkedHashMap<>();
            absolute.put("a-1/setup.py", new byte[0]);
            absolute.put("/etc/passwd", new byte[0]);
            Path first = TestDistributions.tarball(root, "a-1.tar.gz", absolute);
            Path second = TestDistributions.tarball(root, "b-1.tar.gz", Map.of("b-1/../../evil", new byte[0]));

            assertThat(find().ignored()).containsExactly(
                    new IgnoredFile(first, "entry '/etc/passwd' has an absolute path: not an sdist, whose entries all"
                            + " live under one top-level directory"),
                    new IgnoredFile(second, "entry 'b-1/../../evil' points outside the archive: not an sdist, whose"
                            + " entries all live under one top-level directory"));
        }

        @Test
        void aTarballWithAPkgInfoAndAnAbsolutePathIsAnSdistForTheValidatorToRefuse() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("a-1/PKG-INFO", metadata("a", "1").getBytes(StandardCharsets.UTF_8));
            entries.put("/etc/passwd", new byte[0]);
            Path tarball = TestDistributions.tarball(root, "a-1.tar.gz", entries);

            assertThat(find().distributions()).extracting(Distribution::path).containsExactly(tarball);
        }

        @Test
        void ignoresAnEmptyTarball() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path tarball = TestDistributions.tarball(root, "empty.tar.gz", Map.of());

            assertThat(find().ignored())
                    .containsExactly(new IgnoredFile(tarball, "no tar entries in the archive: not an sdist"));
        }

        @Test
        void anSdistWhosePkgInfoIsADirectoryIsAnErrorNotIgnored() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path tarball = TestDistributions.tarball(root, "a-1.tar.gz", Map.of("a-1/PKG-INFO/", new byte[0]));

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.ignored()).isEmpty();
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(tarball);
                assertThat(p.kind()).isEqualTo(FileProblem.Kind.PKG_INFO_NOT_REGULAR);
                assertThat(p.message()).contains("that PKG-INFO is a directory, not a regular file");
            });
        }

        @Test
        void aTruncatedSdistIsAnErrorNotACrash() throws Exception {
            Path sdist = TestDistributions.sdist(root, "a-1.tar.gz", "a-1", metadata("a", "1"));
            byte[] bytes = Files.readAllBytes(sdist);
            Files.write(sdist, Arrays.copyOf(bytes, bytes.length / 2));

            assertThatThrownBy(() -> find())
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessageStartingWith("Cannot read " + sdist + ": it is not a complete gzip-compressed tar"
                            + " archive (EOFException: the file ends inside the compressed data of gzip member 1, after "
                            + bytes.length / 2 + " bytes).")
                    .hasMessageEndingWith("). The file is truncated or corrupt, or not a .tar.gz despite its name."
                            + " Rebuild the sdist with the build backend (for example 'python -m build --sdist'), or"
                            + " exclude the file from the upload.")
                    .hasCauseInstanceOf(IOException.class);
        }

        @Test
        void aTarballMissingOnlyItsGzipTrailerIsAnError() throws Exception {
            Path sdist = TestDistributions.sdist(root, "a-1.tar.gz", "a-1", metadata("a", "1"));
            byte[] bytes = Files.readAllBytes(sdist);
            Files.write(sdist, Arrays.copyOf(bytes, bytes.length - 4));

            assertThatThrownBy(() -> find()).hasMessageStartingWith("Cannot read " + sdist + ": it is not a complete"
                    + " gzip-compressed tar archive");
        }

        @Test
        void aMultiMemberGzipIsReadToItsLastMemberAsTarfileReadsIt() throws Exception {
            // The tar split across two gzip members, PKG-INFO in the second: 'cat a.gz b.gz' makes such files.
            Path whole = TestDistributions.sdist(root.resolve("src"), "a-1.tar.gz", "a-1", metadata("a", "1"));
            byte[] tar;
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(whole))) {
                tar = in.readAllBytes();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] part : List.of(Arrays.copyOf(tar, 512), Arrays.copyOfRange(tar, 512, tar.length))) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                    gzip.write(part);
                }
            }
            Path sdist = Files.write(root.resolve("a-1.tar.gz"), bytes.toByteArray());
            Files.delete(whole);

            assertThat(find().distributions()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo(sdist);
                assertThat(d.name()).contains("a");
                assertThat(((TarListing) d.listing()).names()).contains("a-1/PKG-INFO", "a-1/pyproject.toml");
            });
        }

        @Test
        void garbageAfterTheGzipDataIsAnError() throws Exception {
            Path sdist = TestDistributions.sdist(root, "a-1.tar.gz", "a-1", metadata("a", "1"));
            Files.write(sdist, "junk".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);

            assertThatThrownBy(() -> find()).hasMessageStartingWith("Cannot read " + sdist + ": it is not a complete"
                    + " gzip-compressed tar archive (ZipException: garbage after gzip member 1 at byte ");
        }

        @Test
        void aFileThatIsNotGzipIsAnError() throws Exception {
            Path sdist = Files.write(root.resolve("a-1.tar.gz"), "plain text".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> find()).hasMessageStartingWith("Cannot read " + sdist + ": it is not a complete"
                    + " gzip-compressed tar archive (");
        }

        @Test
        void aGzipThatIsNotATarIsAnError() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write("x".repeat(2000).getBytes(StandardCharsets.UTF_8));
            }
            Path sdist = Files.write(root.resolve("a-1.tar.gz"), bytes.toByteArray());

            assertThatThrownBy(() -> find()).hasMessageStartingWith("Cannot read " + sdist + ": it is not a complete"
                    + " gzip-compressed tar archive (");
        }

        @Test
        void pkgInfoOverTheCapIsAnError() throws Exception {
            Path sdist = TestDistributions.sdist(root, "a-1.tar.gz", "a-1", "x".repeat(16 * 1024 * 1024 + 1));

            assertThatThrownBy(() -> find())
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessageStartingWith("Core metadata too large in " + sdist + " (entry 'a-1/PKG-INFO'): it is"
                            + " 16777217 bytes, the limit is 16777216 bytes (16 MiB).");
        }

        @Test
        void malformedPkgInfoNamesTheFileAndEntry() throws Exception {
            Path sdist = TestDistributions.sdist(root, "a-1.tar.gz", "a-1", "Name: a\nbroken line\n");

            assertThatThrownBy(() -> find())
                    .isInstanceOf(MalformedMetadataException.class)
                    .hasMessageStartingWith("Malformed core metadata in " + sdist + " (entry 'a-1/PKG-INFO'): line 2"
                            + " 'broken line' is neither a field");
        }
    }

    @Nested
    class EveryProblemAtOnce {

        @Test
        void collectsEveryBrokenFileAndStillFindsTheGoodOnes() throws Exception {
            Path good = TestDistributions.wheel(root, "good-1.0-py3-none-any.whl", metadata("good", "1.0"));
            Path corrupt = Files.write(root.resolve("corrupt-1.0-py3-none-any.whl"),
                    "not a zip".getBytes(StandardCharsets.UTF_8));
            Path truncated = TestDistributions.sdist(root, "trunc-1.0.tar.gz", "trunc-1.0", metadata("trunc", "1.0"));
            byte[] bytes = Files.readAllBytes(truncated);
            Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
            Path badName = TestDistributions.wheel(root, "bad-name-1.0-py3-none-any.whl", metadata("bad-name", "1.0"));
            Path latin1 = TestDistributions.wheel(root, "latin-1.0-py3-none-any.whl", null, Map.of(
                    "latin-1.0.dist-info/METADATA", "Name: M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1)));
            Path noMetadata = TestDistributions.wheel(root, "empty-1.0-py3-none-any.whl", null);

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.distributions()).extracting(Distribution::path).containsExactly(good);
            assertThat(result.hasProblems()).isTrue();
            assertThat(result.problems()).extracting(FileProblem::path, FileProblem::kind).containsExactly(
                    tuple(badName, FileProblem.Kind.INVALID_WHEEL_FILENAME),
                    tuple(corrupt, FileProblem.Kind.CORRUPT_ARCHIVE),
                    tuple(noMetadata, FileProblem.Kind.MISSING_METADATA),
                    tuple(latin1, FileProblem.Kind.MALFORMED_METADATA),
                    tuple(truncated, FileProblem.Kind.CORRUPT_ARCHIVE));
            assertThat(result.problems().get(1).message()).startsWith("Cannot read wheel " + corrupt
                    + ": it is not a readable ZIP archive (ZipException: ");
            assertThat(result.problems().get(4).message()).startsWith("Cannot read " + truncated
                    + ": it is not a complete gzip-compressed tar archive (EOFException: the file ends inside the"
                    + " compressed data of gzip member 1, after " + bytes.length / 2 + " bytes).");
            assertThat(result.problems().get(1).cause()).isInstanceOf(DistributionException.class);
        }

        @Test
        void aSingleProblemKeepsItsOwnMessage() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", "x".repeat(101));

            DistributionFinder small = new DistributionFinder(new MetadataLimit(100));
            assertThatThrownBy(() -> strict(small.discover(root, DEFAULTS, List.of())))
                    .isExactlyInstanceOf(DistributionException.class)
                    .hasMessageStartingWith("Core metadata too large in " + wheel)
                    .extracting(e -> ((DistributionException) e).kind())
                    .isEqualTo(FileProblem.Kind.METADATA_TOO_LARGE);
        }

        @Test
        void onlyBrokenFilesIsAResultNotNothingFound() throws Exception {
            Path broken = Files.write(root.resolve("a-1.0-py3-none-any.whl"), new byte[0]);

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.distributions()).isEmpty();
            assertThat(result.problems()).extracting(FileProblem::path).containsExactly(broken);
        }

        @Test
        void aDanglingLinkAndALinkToADirectoryAreProblems() throws Exception {
            TestDistributions.wheel(root, "good-1.0-py3-none-any.whl", metadata("good", "1.0"));
            Path dangling = root.resolve("gone-1.0-py3-none-any.whl");
            Path toDirectory = root.resolve("dir-1.0.tar.gz");
            Path directory = Files.createDirectories(root.resolve("real-dir"));
            assumeThatCode(() -> {
                Files.createSymbolicLink(dangling, root.resolve("nowhere.whl"));
                Files.createSymbolicLink(toDirectory, directory);
            }).doesNotThrowAnyException();

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.problems()).extracting(FileProblem::path, FileProblem::kind).containsExactly(
                    tuple(toDirectory, FileProblem.Kind.NOT_A_REGULAR_FILE),
                    tuple(dangling, FileProblem.Kind.NOT_A_REGULAR_FILE));
            assertThat(result.problems().get(0).message()).startsWith("Cannot upload " + toDirectory
                    + ": it is a symbolic link to a directory (" + directory + "), but it matches the include pattern"
                    + " '**/*.tar.gz'.");
            assertThat(result.problems().get(1).message()).startsWith("Cannot upload " + dangling
                    + ": it is a symbolic link to " + root.resolve("nowhere.whl") + ", which does not exist, but it"
                    + " matches the include pattern '**/*.whl'.");
        }

        @Test
        void aFileThatFailsToReadIsUnreadableNotCorrupt() throws Exception {
            // Reading /proc/self/mem at offset 0 fails with EIO even for root: a real read error on a regular file.
            Path mem = Path.of("/proc/self/mem");
            assumeThat(Files.isRegularFile(mem)).isTrue();
            Path link = root.resolve("a-1.0.tar.gz");
            assumeThatCode(() -> Files.createSymbolicLink(link, mem)).doesNotThrowAnyException();

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(FileProblem.Kind.UNREADABLE);
                assertThat(p.message()).startsWith("Cannot read " + link + " (IOException: ")
                        .endsWith("). It matches the include patterns, so it was meant to be published. Check that the"
                                + " user running Maven may read it and that no other process is still writing it, or"
                                + " exclude it.");
            });
        }

        @Test
        void aFileWithoutReadPermissionIsUnreadable() throws Exception {
            Path wheel = TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            assumeThatCode(() -> Files.setPosixFilePermissions(wheel, PosixFilePermissions.fromString("---------")))
                    .doesNotThrowAnyException();
            // Root reads anything whatever the permissions; the check only means something for other users.
            assumeThat(Files.isReadable(wheel)).isFalse();

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.problems()).extracting(FileProblem::kind).containsExactly(FileProblem.Kind.UNREADABLE);
        }
    }

    /** Archives and names a build backend never writes, as an attacker or a broken tool might. */
    @Nested
    class HostileFiles {

        private static final String PKG_INFO = "Metadata-Version: 2.1\nName: a\nVersion: 1\nSummary: linked\n";

        private FileProblem onlyProblem(Path expectedFile) throws DistributionException {
            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());
            assertThat(result.ignored()).as("nothing may be dropped silently").isEmpty();
            assertThat(result.problems()).hasSize(1);
            FileProblem problem = result.problems().get(0);
            assertThat(problem.path()).isEqualTo(expectedFile);
            return problem;
        }

        @Test
        void anSdistWithMoreTarMembersThanTheCapIsRefusedNamingTheCap() throws Exception {
            DistributionFinder capped = new DistributionFinder(MetadataLimit.DEFAULT, 10);
            RawTar ten = new RawTar().directory("a-1").file("a-1/PKG-INFO", PKG_INFO);
            for (int i = 0; i < 8; i++) {
                ten.file("a-1/f" + i, "");
            }
            ten.write(root, "a-1.tar.gz");
            assertThat(capped.discover(root, DEFAULTS, List.of()).distributions()).hasSize(1);

            Path eleven = ten.file("a-1/one-more", "").write(root, "a-1.tar.gz");
            DiscoveryResult result = capped.discover(root, DEFAULTS, List.of());

            assertThat(result.distributions()).isEmpty();
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(eleven);
                assertThat(p.kind()).isEqualTo(FileProblem.Kind.TOO_MANY_MEMBERS);
                assertThat(p.message()).startsWith("Cannot read " + eleven + ": it has more than 10 tar members,"
                        + " the most this plugin reads.").contains("MANIFEST.in").endsWith("or exclude the file.");
            });
        }

        @Test
        @org.junit.jupiter.api.Timeout(60)
        void aBombOfTinyMembersIsRefusedAtTheDefaultCapWithoutReadingThemAll() throws Exception {
            Path bomb = RawTar.manyEmptyFiles(root, "a-1.tar.gz", "a-1", PKG_INFO, 3 * TarMembers.MAX);
            long start = System.nanoTime();

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(FileProblem.Kind.TOO_MANY_MEMBERS);
                assertThat(p.message()).contains("more than " + TarMembers.MAX + " tar members");
            });
            // Reading stops at the cap: a third of the archive, a few seconds at most even on a loaded machine.
            assertThat(millis).as("milliseconds to refuse %s (%d bytes)", bomb, Files.size(bomb)).isLessThan(20_000);
        }

        @Test
        void aHardLinkedPkgInfoIsReadThroughTheLink() throws Exception {
            // What tar stores for setuptools' two identical PKG-INFO files when they are hard links on disk.
            Path sdist = new RawTar()
                    .directory("a-1")
                    .file("a-1/src/a.egg-info/PKG-INFO", PKG_INFO)
                    .hardLink("a-1/PKG-INFO", "a-1/src/a.egg-info/PKG-INFO")
                    .file("a-1/pyproject.toml", "[project]\nname = \"a\"\n")
                    .write(root, "a-1.tar.gz");

            DiscoveryResult result = find();

            assertThat(result.ignored()).isEmpty();
            assertThat(result.distributions()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo(sdist);
                assertThat(d.type()).isEqualTo(DistributionType.SDIST);
                assertThat(d.name()).contains("a");
                assertThat(d.metadata().all("Summary")).containsExactly("linked");
            });
        }

        @Test
        void aChainOfHardLinksIsFollowedToTheRegularMember() throws Exception {
            new RawTar()
                    .file("a-1/./data/meta", PKG_INFO)
                    .hardLink("a-1/copy", "a-1/data/meta")
                    .hardLink("a-1/PKG-INFO", "a-1/copy")
                    .write(root, "a-1.tar.gz");

            assertThat(find().distributions()).extracting(Distribution::name).containsExactly(Optional.of("a"));
        }

        @Test
        void aHardLinkIsResolvedToTheLastEarlierMemberOfItsName() throws Exception {
            // Python's tarfile looks the target up among the members before the link, the last one winning.
            new RawTar()
                    .file("a-1/meta", "Metadata-Version: 2.1\nName: old\nVersion: 1\n")
                    .file("a-1/meta", PKG_INFO)
                    .hardLink("a-1/PKG-INFO", "a-1/meta")
                    .file("a-1/meta", "Metadata-Version: 2.1\nName: later\nVersion: 1\n")
                    .write(root, "a-1.tar.gz");

            assertThat(find().distributions()).extracting(Distribution::name).containsExactly(Optional.of("a"));
        }

        @Test
        void aHardLinkToNoEarlierMemberIsAnError() throws Exception {
            Path sdist = new RawTar()
                    .hardLink("a-1/PKG-INFO", "a-1/meta")
                    .file("a-1/meta", PKG_INFO)
                    .write(root, "a-1.tar.gz");

            FileProblem problem = onlyProblem(sdist);

            assertThat(problem.kind()).isEqualTo(FileProblem.Kind.PKG_INFO_NOT_REGULAR);
            assertThat(problem.message()).startsWith("Cannot upload " + sdist + ": it is an sdist (it has the member"
                    + " 'a-1/PKG-INFO'), but that PKG-INFO is a hard link to 'a-1/meta', which is not an earlier"
                    + " member of the archive, not a regular file holding the core metadata.");
        }

        @Test
        void aSymbolicLinkPkgInfoIsAnErrorNamedAsSuch() throws Exception {
            TestDistributions.wheel(root, "a-1-py3-none-any.whl", metadata("a", "1"));
            Path sdist = new RawTar()
                    .file("a-1/src/a.egg-info/PKG-INFO", PKG_INFO)
                    .symbolicLink("a-1/PKG-INFO", "src/a.egg-info/PKG-INFO")
                    .write(root, "a-1.tar.gz");

            FileProblem problem = onlyProblem(sdist);

            assertThat(problem.kind()).isEqualTo(FileProblem.Kind.PKG_INFO_NOT_REGULAR);
            assertThat(problem.message()).contains("that PKG-INFO is a symbolic link to 'src/a.egg-info/PKG-INFO',"
                    + " not a regular file").contains("'tar --dereference'");
        }

        @Test
        void aFifoPkgInfoIsAnErrorNamedAsSuch() throws Exception {
            Path sdist = new RawTar().file("a-1/setup.py", "").fifo("a-1/PKG-INFO").write(root, "a-1.tar.gz");

            assertThat(onlyProblem(sdist).message()).contains("that PKG-INFO is a FIFO (named pipe), not a regular"
                    + " file");
        }

        @Test
        void aDevicePkgInfoIsAnErrorNamedAsSuch() throws Exception {
            Path sdist = new RawTar().characterDevice("a-1/PKG-INFO").write(root, "a-1.tar.gz");

            assertThat(onlyProblem(sdist).message()).contains("that PKG-INFO is a character device, not a regular"
                    + " file");
        }

        @Test
        void aLaterLinkReplacesAnEarlierRegularPkgInfo() throws Exception {
            // As in Python's tarfile, the last member of a name is the one read: here, a link.
            Path sdist = new RawTar()
                    .file("a-1/PKG-INFO", PKG_INFO)
                    .symbolicLink("a-1/PKG-INFO", "/etc/passwd")
                    .write(root, "a-1.tar.gz");

            assertThat(onlyProblem(sdist).message()).contains("a symbolic link to '/etc/passwd'");
        }

        @Test
        void aSymbolicLinkLoopIsReportedAsALoop() throws Exception {
            TestDistributions.wheel(root, "c-1-py3-none-any.whl", metadata("c", "1"));
            Path a = root.resolve("a-1-py3-none-any.whl");
            Path b = root.resolve("b-1-py3-none-any.whl");
            assumeThatCode(() -> {
                Files.createSymbolicLink(a, b.getFileName());
                Files.createSymbolicLink(b, a.getFileName());
            }).doesNotThrowAnyException();

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            assertThat(result.problems()).extracting(FileProblem::path).containsExactly(a, b);
            assertThat(result.problems().get(0).message()).isEqualTo("Cannot upload " + a + ": it is a symbolic link"
                    + " that loops (a-1-py3-none-any.whl -> b-1-py3-none-any.whl -> a-1-py3-none-any.whl), so it names"
                    + " no file, but it matches the include pattern '**/*.whl'. A wheel or sdist is a single regular"
                    + " file (a symbolic link to one is followed). Remove or rename it, point the link at the built"
                    + " file, or exclude it.");
            assertThat(result.problems().get(1).message()).contains("loops (b-1-py3-none-any.whl ->"
                    + " a-1-py3-none-any.whl -> b-1-py3-none-any.whl)").doesNotContain("does not exist");
        }

        @Test
        void aLinkToItselfIsALoop() throws Exception {
            Path self = root.resolve("a-1-py3-none-any.whl");
            assumeThatCode(() -> Files.createSymbolicLink(self, self.getFileName())).doesNotThrowAnyException();

            assertThat(onlyProblem(self).message()).contains("a symbolic link that loops (a-1-py3-none-any.whl ->"
                    + " a-1-py3-none-any.whl)");
        }

        @Test
        void aDanglingLinkIsStillCalledDangling() throws Exception {
            Path link = root.resolve("a-1-py3-none-any.whl");
            assumeThatCode(() -> Files.createSymbolicLink(link, Path.of("gone.whl"))).doesNotThrowAnyException();

            assertThat(onlyProblem(link).message()).contains("is a symbolic link to gone.whl, which does not exist");
        }

        @Test
        void lineBreaksInFileNamesAreEscapedInEveryMessage() throws Exception {
            String injected = "a\n::stop-commands::x\r\u2028y";
            Path dir;
            try {
                dir = Files.createDirectories(root.resolve("dir" + injected));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                assumeThat(false).as("the file system refuses line breaks in names").isTrue();
                return;
            }
            TestDistributions.wheel(root, "ok-1-py3-none-any.whl", metadata("ok", "1"));
            Files.writeString(dir.resolve(injected + ".whl"), "not a wheel"); // a name that does not parse
            Path tarball = TestDistributions.tarball(dir, injected + ".tar.gz",
                    Map.of("t" + injected + "/x", new byte[0], "u/y", new byte[0])); // not an sdist: ignored
            Path sdist = new RawTar().symbolicLink("s/PKG-INFO", injected).write(dir, "s-1.tar.gz");
            Path loop = dir.resolve("loop" + injected + ".whl");
            Files.createSymbolicLink(loop, loop.getFileName());

            DiscoveryResult result = finder.discover(root, DEFAULTS, List.of());

            List<String> messages = new java.util.ArrayList<>();
            result.problems().forEach(p -> messages.add(p.message()));
            result.ignored().forEach(f -> messages.add(f.reason()));
            assertThat(result.problems()).hasSize(3);
            assertThat(result.ignored()).extracting(IgnoredFile::path).containsExactly(tarball);
            assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\n", "\r", "\u2028"));
            assertThat(String.join(" ", messages))
                    .contains("a\\n::stop-commands::x\\r\\u2028y.whl")
                    .contains("symbolic link to 'a\\n::stop-commands::x\\r\\u2028y'")
                    .contains("top-level names (")
                    .contains("ta\\n::stop-commands::x\\r\\u2028y");
            assertThat(sdist).exists();
        }
    }
}
