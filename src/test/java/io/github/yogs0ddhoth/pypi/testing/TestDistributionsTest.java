package io.github.yogs0ddhoth.pypi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures are only useful if they are what PyPI would accept, so they are tested too. */
class TestDistributionsTest {

    @TempDir
    Path dir;

    @Test
    void wheelEntriesCarryTheirSizesSoNoDataDescriptorIsWritten() throws IOException {
        Path wheel = TestDistributions.wheel(dir, "pkg-1.0-py3-none-any.whl", TestDistributions.metadata("pkg", "1.0"));

        List<Integer> flags = TestDistributions.localHeaderFlags(wheel);

        assertThat(flags).hasSize(4).allSatisfy(flag -> assertThat(flag & 0x08).isZero());
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
            assertThat(zip.stream().map(ZipEntry::getExtra)).containsOnlyNulls();
            assertThat(zip.stream().map(ZipEntry::getComment)).containsOnlyNulls();
        }
    }

    @Test
    void wheelHasThePackageThenTheDistInfoWithRecordLast() throws IOException {
        Path wheel = TestDistributions.wheel(dir, "My_Pkg-2.0-1-py2.py3-none-any.whl", "Name: My_Pkg\n");

        assertThat(wheel).isEqualTo(dir.resolve("My_Pkg-2.0-1-py2.py3-none-any.whl"));
        assertThat(entryNames(wheel)).containsExactly(
                "my_pkg/__init__.py",
                "My_Pkg-2.0.dist-info/METADATA",
                "My_Pkg-2.0.dist-info/WHEEL",
                "My_Pkg-2.0.dist-info/RECORD");
        assertThat(read(wheel, "My_Pkg-2.0.dist-info/METADATA")).isEqualTo("Name: My_Pkg\n");
        assertThat(read(wheel, "my_pkg/__init__.py")).isEqualTo("__version__ = \"2.0\"\n");
        assertThat(read(wheel, "My_Pkg-2.0.dist-info/WHEEL")).isEqualTo("Wheel-Version: 1.0\n"
                + "Generator: pypi-maven-plugin-tests (1.0)\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py2-none-any\n"
                + "Tag: py3-none-any\n"
                + "Build: 1\n");
    }

    @Test
    void recordListsEveryOtherEntryWithItsHashAndSize() throws IOException {
        Path wheel = TestDistributions.wheel(dir, "pkg-1.0-cp312-cp312-win_amd64.whl", "Name: pkg\n",
                Map.of("pkg/data.bin", new byte[] {1, 2, 3}));

        List<String> expected = new ArrayList<>();
        for (String name : List.of("pkg/__init__.py", "pkg/data.bin", "pkg-1.0.dist-info/METADATA",
                "pkg-1.0.dist-info/WHEEL")) {
            byte[] bytes = readBytes(wheel, name);
            expected.add(name + "," + TestDistributions.recordHash(bytes) + "," + bytes.length);
        }
        expected.add("pkg-1.0.dist-info/RECORD,,");

        assertThat(read(wheel, "pkg-1.0.dist-info/RECORD").split("\n")).containsExactlyElementsOf(expected);
        assertThat(read(wheel, "pkg-1.0.dist-info/WHEEL"))
                .contains("Root-Is-Purelib: false\nTag: cp312-cp312-win_amd64\n");
    }

    @Test
    void recordHashIsUrlSafeBase64WithoutPadding() {
        assertThat(TestDistributions.recordHash(new byte[0]))
                .isEqualTo("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
    }

    @Test
    void extraEntriesReplaceOrRemoveStandardOnes() throws IOException {
        Map<String, byte[]> extra = new HashMap<>();
        extra.put("pkg-1.0.dist-info/WHEEL", "custom\n".getBytes(StandardCharsets.UTF_8));
        extra.put("pkg-1.0.dist-info/RECORD", null);
        extra.put("pkg/__init__.py", null);
        extra.put("pkg-1.0.dist-info/entry_points.txt", "[console_scripts]\n".getBytes(StandardCharsets.UTF_8));

        Path wheel = TestDistributions.wheel(dir, "pkg-1.0-py3-none-any.whl", null, extra);

        assertThat(entryNames(wheel))
                .containsExactly("pkg-1.0.dist-info/WHEEL", "pkg-1.0.dist-info/entry_points.txt");
        assertThat(read(wheel, "pkg-1.0.dist-info/WHEEL")).isEqualTo("custom\n");
    }

    @Test
    void outputIsReproducible() throws IOException {
        Path a = TestDistributions.wheel(dir.resolve("a"), "pkg-1.0-py3-none-any.whl", "Name: pkg\n");
        Path b = TestDistributions.wheel(dir.resolve("b"), "pkg-1.0-py3-none-any.whl", "Name: pkg\n");
        Path c = TestDistributions.sdist(dir.resolve("a"), "pkg-1.0.tar.gz", "pkg-1.0", "Name: pkg\n");
        Path d = TestDistributions.sdist(dir.resolve("b"), "pkg-1.0.tar.gz", "pkg-1.0", "Name: pkg\n");

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(c)).isEqualTo(Files.readAllBytes(d));
    }

    @Test
    void sdistHasOneTopLevelDirectoryWithPkgInfoFirst() throws IOException {
        Path sdist = TestDistributions.sdist(dir.resolve("nested/dist"), "my_pkg-1.0.tar.gz", "my_pkg-1.0",
                "Metadata-Version: 2.1\nName: my_pkg\nVersion: 1.0\n");

        Map<String, String> entries = tarEntries(sdist);

        assertThat(sdist).isEqualTo(dir.resolve("nested/dist/my_pkg-1.0.tar.gz"));
        assertThat(entries.keySet()).containsExactly("my_pkg-1.0/", "my_pkg-1.0/PKG-INFO",
                "my_pkg-1.0/pyproject.toml", "my_pkg-1.0/src/my_pkg/__init__.py");
        assertThat(entries.get("my_pkg-1.0/PKG-INFO")).isEqualTo("Metadata-Version: 2.1\nName: my_pkg\nVersion: 1.0\n");
        assertThat(entries.get("my_pkg-1.0/pyproject.toml")).contains("name = \"my_pkg\"\nversion = \"1.0\"\n");
    }

    @Test
    void sdistExtraEntriesAreRelativeToTheTopDirectory() throws IOException {
        Map<String, byte[]> extra = new HashMap<>();
        extra.put("LICENSE", "MIT\n".getBytes(StandardCharsets.UTF_8));
        extra.put("pyproject.toml", null);
        Path sdist = TestDistributions.sdist(dir, "pkg-1.0.tar.gz", "pkg-1.0", null, extra);

        assertThat(tarEntries(sdist).keySet())
                .containsExactly("pkg-1.0/", "pkg-1.0/LICENSE", "pkg-1.0/src/pkg/__init__.py");
    }

    @Test
    void tarballHasExactlyTheGivenEntriesInOrder() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("app-1.0/bin/app", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        entries.put("app-1.0/", new byte[0]);
        entries.put("/abs/path", new byte[0]);

        Path tarball = TestDistributions.tarball(dir, "app-1.0-bin.tar.gz", entries);

        assertThat(tarEntries(tarball).keySet()).containsExactly("app-1.0/bin/app", "app-1.0/", "/abs/path");
    }

    private static List<String> entryNames(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    private static String read(Path zip, String entry) throws IOException {
        return new String(readBytes(zip, entry), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path zip, String entry) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry(entry))) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> tarEntries(Path tarball) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
