package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.yogs0ddhoth.pypi.testing.RawTar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SdistReaderTest {

    private static final String PKG_INFO = "Metadata-Version: 2.1\nName: a\nVersion: 1\nSummary: s\n";

    @TempDir
    Path root;

    private final SdistReader reader = new SdistReader(MetadataLimit.DEFAULT);

    @Test
    @Timeout(60)
    void aSmallSdistThatInflatesToGibibytesIsRefusedOnceItPassesFiftyTimesItsSize() throws Exception {
        // 4 GiB of zeros in about 4 MiB of gzip, spread over 4,000 gzip members: a valid sdist for tarfile.
        Path bomb = RawTar.zeroBomb(root, "a-1.tar.gz", "a-1", PKG_INFO, 4096);
        long fileSize = Files.size(bomb);
        long start = System.nanoTime();

        DistributionException e = catchThrowableOfType(() -> reader.inspect(bomb), DistributionException.class);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(e).as("a %d-byte file inflating to 4 GiB", fileSize).isNotNull();
        assertThat(e.kind()).isEqualTo(FileProblem.Kind.COMPRESSION_RATIO);
        long cap = 50 * fileSize;
        assertThat(e.getMessage())
                .startsWith("Cannot read " + bomb + ": it decompresses to more than " + cap + " bytes, 50 times its"
                        + " size of " + fileSize + " bytes")
                .contains("decompression bomb")
                .contains("64 MiB")
                .endsWith("or exclude the file.");
        // It stops at the cap (about 200 MiB inflated), not at the end of the 4 GiB.
        assertThat(millis).as("milliseconds to refuse it").isLessThan(20_000);
    }

    @Test
    void aSmallSdistMayInflateToSixtyFourMebibytesWhateverItsRatio() throws Exception {
        // 32 MiB from about 32 KiB (a ratio near 1,000) is under the floor: a tiny sdist is never refused for it.
        Path small = RawTar.zeroBomb(root, "a-1.tar.gz", "a-1", PKG_INFO, 32);

        Inspection inspection = reader.inspect(small);

        assertThat(inspection).isInstanceOf(Inspection.Accepted.class);
    }

    @Test
    void memberNamesAreCappedInTotalSoLongNamesCannotFillTheHeap() throws Exception {
        // 17 GNU long names of 1 MiB each: the member cap allows 100,000 of them, a hundred gigabytes of names.
        Path sdist = RawTar.longNames(root, "a-1.tar.gz", "a-1", PKG_INFO, 17, 1 << 20);

        DistributionException e = catchThrowableOfType(() -> reader.inspect(sdist), DistributionException.class);

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(FileProblem.Kind.TOO_MANY_MEMBERS);
        assertThat(e.getMessage()).startsWith("Cannot read " + sdist + ": its member and link names add up to more"
                + " than 16777216 characters, the most this plugin keeps.").endsWith("or exclude the file.");
    }

    @Test
    void aLongMemberNameOrLinkTargetIsCutShortInTheMessage() throws Exception {
        // GNU long names of 100,000 characters: a member path that climbs out of the archive, and a link target.
        String longName = "../" + "n".repeat(99_997);
        String longTarget = "../../" + "t".repeat(99_994);
        Path sdist = new RawTar().file("a-1/PKG-INFO", PKG_INFO).longNamed("a-1/evil", longTarget)
                .longNamed(longName, null).write(root, "a-1.tar.gz");

        Inspection result = reader.inspect(sdist);

        // Not refused here: the release's checks refuse both members (archive-path-outside, sdist-special-member)
        // with these texts, which must not carry 100,000 characters each into the log.
        assertThat(result instanceof Inspection.Accepted).as("read").isTrue();
        TarListing listing = (TarListing) ((Inspection.Accepted) result).distribution().listing();
        // A failing AssertJ comparison would print both 100,000-character lists; equals() says the same in short.
        assertThat(listing.outside().equals(List.of(longName))).as("outside: the long name, whole").isTrue();
        assertThat(listing.special()).containsExactly("'a-1/evil' (a symbolic link to '../../" + "t".repeat(194)
                + "... (100000 characters)', outside the archive)");
    }

    @Test
    void namesUnderTheCapAreRead() throws Exception {
        Path sdist = RawTar.longNames(root, "a-1.tar.gz", "a-1", PKG_INFO, 15, 1 << 20);

        assertThat(reader.inspect(sdist)).isInstanceOf(Inspection.Accepted.class);
    }
}
