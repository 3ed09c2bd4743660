package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TarReaderTest {

    /** One 512-byte header, ustar unless changed; {@link #bytes()} fills in the checksum. */
    private static final class Header {
        final byte[] b = new byte[512];

        Header(String name, char type, long size) {
            text(0, name);
            octal(100, 8, type == '5' ? 0755 : 0644);
            octal(108, 8, 1000);
            octal(116, 8, 1000);
            octal(124, 12, size);
            octal(136, 12, 315_619_200L);
            b[156] = (byte) type;
            text(257, "ustar\0");
            text(263, "00");
        }

        Header text(int offset, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, b, offset, bytes.length);
            return this;
        }

        Header octal(int offset, int length, long value) {
            Arrays.fill(b, offset, offset + length, (byte) 0);
            return text(offset, String.format("%0" + (length - 1) + "o", value));
        }

        Header raw(int offset, int... bytes) {
            for (int i = 0; i < bytes.length; i++) {
                b[offset + i] = (byte) bytes[i];
            }
            return this;
        }

        Header linkName(String target) {
            return text(157, target);
        }

        /** A v7 header: no magic, version, owner names or prefix. */
        Header v7() {
            Arrays.fill(b, 257, 512, (byte) 0);
            return this;
        }

        /** The old GNU magic, "ustar  \0", which has no prefix field. */
        Header oldGnu() {
            Arrays.fill(b, 257, 265, (byte) 0);
            return text(257, "ustar  ");
        }

        byte[] bytes() {
            return withChecksum(false);
        }

        /** The checksum summed over signed bytes, as some old tars wrote it. */
        byte[] signedChecksum() {
            return withChecksum(true);
        }

        private byte[] withChecksum(boolean signed) {
            Arrays.fill(b, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte x : b) {
                sum += signed ? x : x & 0xff;
            }
            Arrays.fill(b, 148, 156, (byte) 0);
            text(148, String.format("%06o", sum));
            b[155] = ' ';
            return b.clone();
        }
    }

    /** A tar stream built block by block. */
    private static final class Tar {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar header(Header header) {
            out.writeBytes(header.bytes());
            return this;
        }

        Tar raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        /** Data padded to the next block. */
        Tar data(byte[] data) {
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        Tar data(String text) {
            return data(text.getBytes(StandardCharsets.UTF_8));
        }

        Tar file(String name, String text) {
            return header(new Header(name, '0', text.getBytes(StandardCharsets.UTF_8).length)).data(text);
        }

        Tar extended(char type, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            return header(new Header("././@Extended", type, bytes.length)).data(bytes);
        }

        Tar end() {
            out.writeBytes(new byte[1024]);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A pax record with its length computed: the length counts its own digits. */
    private static String record(String keyword, String value) {
        int length = keyword.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length
                + 3;
        int total = length + String.valueOf(length).length();
        if (String.valueOf(total).length() != String.valueOf(length).length()) {
            total++;
        }
        return total + " " + keyword + "=" + value + "\n";
    }

    /** Every member and the data read from it, in order. */
    private static Map<TarEntry, String> read(byte[] tar) throws IOException {
        Map<TarEntry, String> members = new LinkedHashMap<>();
        try (TarReader reader = new TarReader(new ByteArrayInputStream(tar))) {
            TarEntry entry;
            while ((entry = reader.next()) != null) {
                members.put(entry, new String(reader.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(reader.next()).isNull();
        }
        return members;
    }

    private static List<TarEntry> entries(byte[] tar) throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        try (TarReader reader = new TarReader(new ByteArrayInputStream(tar))) {
            TarEntry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry); // data left unread: next() skips it
            }
        }
        return entries;
    }

    private static TarEntry only(byte[] tar) throws IOException {
        assertThat(entries(tar)).hasSize(1);
        return entries(tar).get(0);
    }

    private static TarEntry file(String name, long size) {
        return new TarEntry(name, "", (byte) '0', size, false);
    }

    @Nested
    class Headers {

        @Test
        void readsUstarMembersAndTheirData() throws IOException {
            byte[] tar = new Tar().header(new Header("pkg-1.0/", '5', 0)).file("pkg-1.0/PKG-INFO", "Name: pkg\n")
                    .file("pkg-1.0/big", "x".repeat(1500)).end().bytes();

            assertThat(read(tar)).containsExactly(
                    Map.entry(new TarEntry("pkg-1.0/", "", (byte) '5', 0, false), ""),
                    Map.entry(file("pkg-1.0/PKG-INFO", 10), "Name: pkg\n"),
                    Map.entry(file("pkg-1.0/big", 1500), "x".repeat(1500)));
        }

        @Test
        void unreadDataIsSkipped() throws IOException {
            byte[] tar = new Tar().file("a/one", "x".repeat(700)).file("a/two", "y").end().bytes();

            assertThat(entries(tar)).extracting(TarEntry::name).containsExactly("a/one", "a/two");
        }

        @Test
        void joinsTheUstarPrefixToTheName() throws IOException {
            String prefix = "p".repeat(120);
            byte[] tar = new Tar().header(new Header("n".repeat(100), '0', 0).text(345, prefix)).end().bytes();

            assertThat(only(tar).name()).isEqualTo(prefix + "/" + "n".repeat(100));
        }

        @Test
        void readsV7AndOldGnuHeaders() throws IOException {
            byte[] tar = new Tar().header(new Header("v7/file", '\0', 1).v7()).data("1")
                    .header(new Header("v7/dir/", '\0', 0).v7())
                    .header(new Header("gnu/file", '0', 2).oldGnu()).data("22").end().bytes();

            assertThat(read(tar)).containsExactly(
                    Map.entry(new TarEntry("v7/file", "", (byte) 0, 1, false), "1"),
                    // v7 marks a directory only by its slash; tarfile makes it a directory
                    Map.entry(new TarEntry("v7/dir/", "", (byte) '5', 0, false), ""),
                    Map.entry(file("gnu/file", 2), "22"));
        }

        @Test
        void acceptsAChecksumOfSignedBytes() throws IOException {
            Header header = new Header("caf\u00e9", '0', 0);
            byte[] tar = new Tar().raw(header.signedChecksum()).end().bytes();

            assertThat(only(tar).name()).isEqualTo("caf\u00e9");
        }

        @Test
        void readsGnuBase256Numbers() throws IOException {
            Header header = new Header("a/big-uid", '0', 0);
            Arrays.fill(header.b, 124, 136, (byte) 0);
            header.raw(124, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x01); // size 513
            header.raw(108, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe); // uid -2: parsed, not used
            byte[] tar = new Tar().header(header).data("z".repeat(513)).end().bytes();

            assertThat(read(tar)).containsExactly(Map.entry(file("a/big-uid", 513), "z".repeat(513)));
        }

        @Test
        void readsEveryMemberType() throws IOException {
            byte[] tar = new Tar().header(new Header("a/hard", '1', 0).linkName("a/file"))
                    .header(new Header("a/sym", '2', 0).linkName("../x"))
                    .header(new Header("a/chr", '3', 0).linkName("ignored"))
                    .header(new Header("a/blk", '4', 0))
                    .header(new Header("a/fifo", '6', 0))
                    .header(new Header("a/contig", '7', 1)).data("c")
                    .header(new Header("a/unknown", 'V', 1)).data("v").end().bytes();

            List<TarEntry> entries = entries(tar);

            assertThat(entries).containsExactly(new TarEntry("a/hard", "a/file", (byte) '1', 0, false),
                    new TarEntry("a/sym", "../x", (byte) '2', 0, false),
                    new TarEntry("a/chr", "", (byte) '3', 0, false),
                    new TarEntry("a/blk", "", (byte) '4', 0, false),
                    new TarEntry("a/fifo", "", (byte) '6', 0, false),
                    new TarEntry("a/contig", "", (byte) '7', 1, false),
                    new TarEntry("a/unknown", "", (byte) 'V', 1, false));
            assertThat(entries.get(0).isHardLink()).isTrue();
            assertThat(entries.get(1).isSymbolicLink()).isTrue();
            assertThat(entries.get(2).isCharacterDevice()).isTrue();
            assertThat(entries.get(3).isBlockDevice()).isTrue();
            assertThat(entries.get(4).isFifo()).isTrue();
        }

        @Test
        void aDirectoryOrLinkHeaderIsFollowedByTheNextHeaderWhateverItsSizeSays() throws IOException {
            // tarfile reads no data after a directory, link, device or FIFO; neither does this reader.
            byte[] tar = new Tar().header(new Header("a/", '5', 600)).header(new Header("a/link", '2', 5)
                    .linkName("b")).file("a/b", "b").end().bytes();

            assertThat(entries(tar)).extracting(TarEntry::name).containsExactly("a/", "a/link", "a/b");
        }
    }

    @Nested
    class EndOfArchive {

        @Test
        void endsAtTheFirstZeroBlockAsTarfileDoes() throws IOException {
            byte[] tar = new Tar().file("a/one", "1").raw(new byte[512]).file("a/after", "2").end().bytes();

            assertThat(entries(tar)).extracting(TarEntry::name).containsExactly("a/one");
        }

        @Test
        void endsAtTheEndOfTheStreamWithoutZeroBlocks() throws IOException {
            assertThat(entries(new Tar().file("a/one", "1").bytes())).extracting(TarEntry::name)
                    .containsExactly("a/one");
            assertThat(entries(new byte[0])).isEmpty();
        }

        @Test
        void aPartialBlockAtTheEndIsTheEndOfTheArchive() throws IOException {
            byte[] tar = new Tar().file("a/one", "1").raw("trailing".getBytes(StandardCharsets.US_ASCII)).bytes();

            assertThat(entries(tar)).extracting(TarEntry::name).containsExactly("a/one");
        }

        @Test
        void theArchiveEndingInsideMemberDataIsAnError() {
            byte[] tar = Arrays.copyOf(new Tar().file("a/long\nname", "x".repeat(1000)).bytes(), 512 + 600);

            assertThatThrownBy(() -> read(tar)).isExactlyInstanceOf(EOFException.class)
                    .hasMessage("the tar archive ends inside the data of member 'a/long\\nname'");
            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(EOFException.class);
        }

        @Test
        void theArchiveEndingInsideThePaddingIsAnError() {
            byte[] tar = Arrays.copyOf(new Tar().file("a/one", "1").bytes(), 600);

            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(EOFException.class);
        }
    }

    @Nested
    class Malformed {

        @Test
        void aBadChecksumIsAnError() {
            byte[] header = new Header("a/file", '0', 0).bytes();
            header[0] = 'b';
            byte[] tar = new Tar().file("a/first", "1").raw(header).end().bytes();

            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(IOException.class)
                    .hasMessageMatching("invalid tar header at byte 1024 of the tar stream: the header checksum is"
                            + " \\d+ but the header sums to \\d+; the header is corrupt or the file is not a tar");
        }

        @Test
        void textThatIsNotATarIsAnError() {
            byte[] text = "x".repeat(2000).getBytes(StandardCharsets.US_ASCII);

            assertThatThrownBy(() -> entries(text)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " checksum field holds 'xxxxxxxx', not an octal number; the header is corrupt or the file is"
                    + " not a tar");
        }

        @Test
        void aNumericFieldThatIsNotOctalIsAnError() {
            byte[] tar = new Tar().header(new Header("a/file", '0', 0).text(124, "12x")).end().bytes();

            assertThatThrownBy(() -> entries(tar)).hasMessageContaining("the size field holds '12x00000000', not an"
                    + " octal number");
        }

        @Test
        void aNegativeOrHugeBase256SizeIsAnError() {
            Header negative = new Header("a/file", '0', 0);
            negative.raw(124, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
            Header huge = new Header("a/file", '0', 0);
            huge.raw(124, 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

            assertThatThrownBy(() -> entries(new Tar().header(negative).end().bytes()))
                    .hasMessageContaining("the size field holds -1, a negative size");
            assertThatThrownBy(() -> entries(new Tar().header(huge).end().bytes()))
                    .hasMessageContaining("the size field holds a base-256 number too large to use");
        }

        @Test
        void aHugeDeclaredSizeReadsOnlyWhatIsThereAndFails() {
            Header header = new Header("a/file", '0', 0);
            header.raw(124, 0x80, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff); // Long.MAX_VALUE
            byte[] tar = new Tar().header(header).data("x").end().bytes();

            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(EOFException.class);
        }
    }

    @Nested
    class GnuLongNames {

        @Test
        void aLongNameAndALongLinkNameReplaceTheHeaderFields() throws IOException {
            String name = "pkg-1.0/" + "n".repeat(150);
            String target = "pkg-1.0/" + "t".repeat(150);
            byte[] tar = new Tar().extended('L', name + "\0").extended('K', target + "\0")
                    .header(new Header("pkg-1.0/short", '2', 0).linkName("short")).end().bytes();

            assertThat(only(tar)).isEqualTo(new TarEntry(name, target, (byte) '2', 0, false));
        }

        @Test
        void readsWhatCommonsCompressWritesInGnuMode() throws IOException {
            String name = "pkg-1.0/" + "d".repeat(120) + "/file.py";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(3);
                entry.setUserId(1L << 40); // base-256 in the uid field
                tar.putArchiveEntry(entry);
                tar.write("abc".getBytes(StandardCharsets.US_ASCII));
                tar.closeArchiveEntry();
            }

            assertThat(read(out.toByteArray())).containsExactly(Map.entry(file(name, 3), "abc"));
        }

        @Test
        void aLongNameHeaderOverTheCapIsRefusedBeforeItIsRead() {
            byte[] tar = new Tar().header(new Header("././@LongLink", 'L', TarReader.MAX_EXTENDED_HEADER + 1))
                    .end().bytes();

            assertThatThrownBy(() -> entries(tar)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " GNU long name declares 1048577 bytes, more than the 1048576 this plugin reads; real ones are a"
                    + " few hundred");
        }

        @Test
        void aLongNameWithNoMemberAfterItIsAnError() {
            byte[] tar = new Tar().extended('L', "a/name\0").end().bytes();

            assertThatThrownBy(() -> entries(tar)).hasMessage("invalid tar header at byte 1024 of the tar stream: the"
                    + " archive ends after a GNU long name header, before the member it describes");
        }

        @Test
        void aTruncatedLongNameIsAnError() {
            byte[] tar = Arrays.copyOf(new Tar().extended('L', "n".repeat(600)).bytes(), 512 + 100);

            assertThatThrownBy(() -> entries(tar)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " archive ends inside the GNU long name");
        }
    }

    @Nested
    class Pax {

        @Test
        void pathLinkpathAndSizeReplaceTheHeaderFields() throws IOException {
            String name = "pkg-1.0/" + "\u00e9".repeat(80);
            byte[] tar = new Tar().extended('x', record("path", name) + record("linkpath", "t\u00e9") + record("mtime",
                    "1.5")).header(new Header("pkg-1.0/short", '1', 0).linkName("t"))
                    .extended('x', record("size", "5") + record("comment", "a=b\nc")).header(new Header("a/f", '0', 0))
                    .data("12345").end().bytes();

            assertThat(read(tar)).containsExactly(Map.entry(new TarEntry(name, "t\u00e9", (byte) '1', 0, false), ""),
                    Map.entry(file("a/f", 5), "12345"));
        }

        @Test
        void aPaxPathLosesItsTrailingSlashesAsInTarfile() throws IOException {
            byte[] tar = new Tar().extended('x', record("path", "a/dir//")).header(new Header("x", '5', 0)).end()
                    .bytes();

            assertThat(only(tar).name()).isEqualTo("a/dir");
        }

        @Test
        void globalRecordsApplyToEveryLaterMember() throws IOException {
            byte[] tar = new Tar().file("a/before", "").extended('g', record("comment", "git commit id")
                    + record("linkpath", "global")).header(new Header("a/link", '2', 0).linkName("own"))
                    .extended('x', record("linkpath", "local")).header(new Header("a/link2", '2', 0)).end().bytes();

            assertThat(entries(tar)).extracting(TarEntry::name, TarEntry::linkName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a/before", ""),
                    org.assertj.core.groups.Tuple.tuple("a/link", "global"),
                    org.assertj.core.groups.Tuple.tuple("a/link2", "local"));
        }

        @Test
        void theEarlierOfTwoExtendedHeadersWinsAsInTarfile() throws IOException {
            byte[] paxFirst = new Tar().extended('x', record("path", "from/pax")).extended('L', "from/gnu\0")
                    .header(new Header("header", '0', 0)).end().bytes();
            byte[] gnuFirst = new Tar().extended('L', "from/gnu\0").extended('x', record("path", "from/pax"))
                    .header(new Header("header", '0', 0)).end().bytes();

            assertThat(only(paxFirst).name()).isEqualTo("from/pax");
            assertThat(only(gnuFirst).name()).isEqualTo("from/gnu");
        }

        @Test
        void gnuSparseRecordsMarkTheMemberSparseAndNameIt() throws IOException {
            byte[] tar = new Tar().extended('x', record("GNU.sparse.major", "1") + record("GNU.sparse.minor", "0")
                    + record("GNU.sparse.name", "a/data.bin") + record("GNU.sparse.realsize", "4"))
                    .header(new Header("a/GNUSparseFile.0/data.bin", '0', 3)).data("map")
                    .extended('x', record("SCHILY.filetype", "sparse")).header(new Header("a/star", '0', 0))
                    .file("a/plain", "p").end().bytes();

            assertThat(entries(tar)).containsExactly(new TarEntry("a/data.bin", "", (byte) '0', 3, true),
                    new TarEntry("a/star", "", (byte) '0', 0, true), file("a/plain", 1));
        }

        @Test
        void readsWhatCommonsCompressWritesInPosixMode() throws IOException {
            String name = "pkg-1.0/" + "\u00fc".repeat(90) + "/file.py";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(2);
                entry.setGroupId(1L << 40);
                tar.putArchiveEntry(entry);
                tar.write("ok".getBytes(StandardCharsets.US_ASCII));
                tar.closeArchiveEntry();
            }

            assertThat(read(out.toByteArray())).containsExactly(Map.entry(file(name, 2), "ok"));
        }

        @Test
        void aMalformedRecordIsAnError() {
            for (String content : List.of("5 path=a/b\n", "x path=a\n", "13 path a/bc\n", "9 =a/bcd\n",
                    "99 path=a/b\n", "12path=a/bcd\n", "11 path=a/bc")) {
                byte[] tar = new Tar().extended('x', content).file("a/f", "").end().bytes();

                assertThatThrownBy(() -> entries(tar)).as(content.replace("\n", "\\n"))
                        .hasMessageStartingWith("invalid tar header at byte 0 of the tar stream: the pax header holds"
                                + " a malformed record at byte 0 (")
                        .hasMessageEndingWith("); a record is '<length> <keyword>=<value>' and a line feed, the"
                                + " length counting every byte");
            }
        }

        @Test
        void aSizeThatIsNotANumberIsAnError() {
            byte[] tar = new Tar().extended('x', record("size", "-1")).file("a/f", "").end().bytes();

            assertThatThrownBy(() -> entries(tar)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " pax record size=-1 is not a size in bytes");
        }

        @Test
        void aPaxHeaderOverTheCapIsRefusedBeforeItIsRead() {
            for (char type : new char[] {'x', 'g'}) {
                byte[] tar = new Tar().header(new Header("pax", type, 5L * 1024 * 1024 * 1024)).end().bytes();

                assertThatThrownBy(() -> entries(tar)).hasMessageContaining("declares 5368709120 bytes, more than"
                        + " the 1048576 this plugin reads");
            }
        }

        @Test
        void globalRecordsAreCappedInTotalNotOnlyPerHeader() throws IOException {
            String big = "v".repeat(600_000);
            byte[] replaced = new Tar().extended('g', record("comment", big)).extended('g', record("comment", big))
                    .file("a/f", "").end().bytes();
            byte[] added = new Tar().extended('g', record("one", big)).extended('g', record("two", big))
                    .file("a/f", "").end().bytes();

            assertThat(only(replaced).name()).isEqualTo("a/f");
            assertThatThrownBy(() -> entries(added)).hasMessageStartingWith("invalid tar header at byte 600576 of the"
                    + " tar stream: the pax global records add up to more than 1048576 characters");
        }

        @Test
        void aPaxHeaderWithNoMemberAfterItIsAnError() {
            assertThatThrownBy(() -> entries(new Tar().extended('x', record("path", "a")).end().bytes()))
                    .hasMessageContaining("the archive ends after a pax extended header, before the member it"
                            + " describes");
            assertThatThrownBy(() -> entries(new Tar().extended('g', record("comment", "a")).bytes()))
                    .hasMessageContaining("the archive ends after a pax global header, before the member it"
                            + " describes");
        }
    }

    @Nested
    class OldGnuSparse {

        @Test
        void skipsTheSparseMapExtensionBlocksBeforeTheData() throws IOException {
            Header sparse = new Header("a/sparse", 'S', 4).oldGnu().raw(482, 1);
            byte[] extension1 = new byte[512];
            extension1[504] = 1;
            byte[] extension2 = new byte[512];
            byte[] tar = new Tar().header(sparse).raw(extension1).raw(extension2).data("data").file("a/next", "n")
                    .end().bytes();

            assertThat(read(tar)).containsExactly(Map.entry(new TarEntry("a/sparse", "", (byte) 'S', 4, true),
                    "data"), Map.entry(file("a/next", 1), "n"));
        }

        @Test
        void anArchiveEndingInTheSparseMapIsAnError() {
            Header sparse = new Header("a/sparse", 'S', 0).oldGnu().raw(482, 1);
            byte[] tar = new Tar().header(sparse).raw(new byte[100]).bytes();

            assertThatThrownBy(() -> entries(tar)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " archive ends inside the sparse map of 'a/sparse'");
        }
    }

    /** Inputs made to break the reader: each must end in a member list or an IOException, never anything else. */
    @Nested
    class Hostile {

        private byte[] sample() {
            return new Tar().extended('g', record("comment", "global")).header(new Header("a/", '5', 0))
                    .extended('x', record("path", "a/" + "p".repeat(120)) + record("size", "3")).header(new Header(
                            "a/short", '0', 0)).data("abc").extended('L', "a/" + "l".repeat(200) + "\0")
                    .file("a/ignored", "long").header(new Header("a/link", '2', 0).linkName("ignored"))
                    .file("a/last", "z").end().bytes();
        }

        /** Reads every member and its data; an IOException is fine, any other exception fails the test. */
        private void readsOrFailsCleanly(byte[] tar, String what) {
            try {
                read(tar);
            } catch (IOException e) {
                assertThat(e.getMessage()).as(what).isNotBlank().doesNotContain("\n", "\r", "\u001b", "\0");
            }
        }

        @Test
        void everyTruncationEndsInTheMembersSoFarOrAnIoException() {
            byte[] tar = sample();
            for (int length = 0; length < tar.length; length++) {
                readsOrFailsCleanly(Arrays.copyOf(tar, length), "truncated to " + length);
            }
        }

        @Test
        void everySingleByteChangeEndsInMembersOrAnIoException() {
            byte[] tar = sample();
            for (int i = 0; i < tar.length - 1024; i++) {
                for (int value : new int[] {0x00, 0x39, 0xff}) { // NUL, not octal, a base-256 mark
                    byte[] changed = tar.clone();
                    changed[i] = (byte) value;
                    readsOrFailsCleanly(changed, "byte " + i + " set to " + value);
                }
            }
        }

        @Test
        void paxLengthsThatAreZeroHugeOrPastTheHeaderAreMalformed() {
            for (String content : List.of("0 path=\n", "99999999999999999999 path=a\n",
                    "9223372036854775807 path=a\n", "18446744073709551616 path=a\n", "-5 path=\n",
                    "4 p=\n", " 10 path=a\n")) {
                byte[] tar = new Tar().extended('x', content).file("a/f", "").end().bytes();

                assertThatThrownBy(() -> entries(tar)).as(content.replace("\n", "\\n"))
                        .isExactlyInstanceOf(IOException.class)
                        .hasMessageContaining("the pax header holds a malformed record at byte 0");
            }
        }

        @Test
        void aChainOfLongNameHeadersConsumesBlocksAndTheFirstNameWins() throws IOException {
            Tar tar = new Tar();
            for (int i = 0; i < 1000; i++) {
                tar.extended('L', "a/name" + i + "\0");
            }
            byte[] bytes = tar.file("a/short", "x").end().bytes();

            assertThat(only(bytes).name()).isEqualTo("a/name0");
        }

        @Test
        void aChainOfEmptyExtendedHeadersEndingInEofIsAnError() {
            Tar tar = new Tar();
            for (int i = 0; i < 1000; i++) {
                tar.header(new Header("././@LongLink", 'L', 0));
            }

            assertThatThrownBy(() -> entries(tar.bytes())).hasMessage("invalid tar header at byte 512000 of the tar"
                    + " stream: the archive ends after a GNU long name header, before the member it describes");
        }

        @Test
        void controlCharactersInNamesAreEscapedInMessages() {
            String name = "a/\u001b[31mred\r\n::error::x\0y";
            byte[] tar = Arrays.copyOf(new Tar().extended('x', record("path", name)).header(new Header("a/f", '0',
                    100)).data("x".repeat(100)).bytes(), 512 * 3 + 10);

            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(EOFException.class).hasMessage("the tar"
                    + " archive ends inside the data of member 'a/\\u001b[31mred\\r\\n::error::x\\u0000y'");
        }

        @Test
        void aPaxSizeIsEscapedAndCutShortInTheMessage() {
            byte[] bad = new Tar().extended('x', record("size", "1\n::error::x\0")).file("a/f", "").end().bytes();
            byte[] huge = new Tar().extended('x', record("size", "9".repeat(5000))).file("a/f", "").end().bytes();

            assertThatThrownBy(() -> entries(bad)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " pax record size=1\\n::error::x\\u0000 is not a size in bytes");
            assertThatThrownBy(() -> entries(huge)).hasMessage("invalid tar header at byte 0 of the tar stream: the"
                    + " pax record size=" + "9".repeat(200) + "... (5000 characters) is not a size in bytes");
        }

        @Test
        void aLongNameIsCutShortInTheMessage() {
            String name = "a/" + "n".repeat(100_000);
            byte[] tar = Arrays.copyOf(new Tar().extended('L', name + "\0").header(new Header("a/f", '0', 100))
                    .data("x".repeat(100)).bytes(), 512 + 100_352 + 512 + 10);

            assertThatThrownBy(() -> entries(tar)).isExactlyInstanceOf(EOFException.class).hasMessage("the tar"
                    + " archive ends inside the data of member '" + name.substring(0, 200) + "... (100002"
                    + " characters)'");
        }

        @Test
        void aZeroBlockEndsTheArchiveWhateverFollowsIt() throws IOException {
            byte[] tar = new Tar().file("a/one", "1").raw(new byte[512]).raw("garbage".repeat(100)
                    .getBytes(StandardCharsets.US_ASCII)).bytes();

            assertThat(entries(tar)).extracting(TarEntry::name).containsExactly("a/one");
        }
    }
}
