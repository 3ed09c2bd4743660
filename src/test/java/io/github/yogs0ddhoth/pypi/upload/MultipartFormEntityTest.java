package io.github.yogs0ddhoth.pypi.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartFormEntityTest {
    @TempDir
    Path dir;

    @Test
    void writesFieldsThenTheFileWithAnExactLength() throws IOException {
        Path file = Files.write(dir.resolve("demo-1.0-py3-none-any.whl"), new byte[] {1, 2, 3, 'P', 'K'});
        UploadForm form = new UploadForm(List.of(new FormField(":action", "file_upload"),
                new FormField("author", "Jürgen \"JM\" Müller")), file, "demo-1.0-py3-none-any.whl", 5);
        List<Long> progress = new ArrayList<>();
        MultipartFormEntity entity = new MultipartFormEntity(form, (sent, total) -> progress.add(sent), "BOUNDARY");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);

        String expectedHead = "--BOUNDARY\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n"
                + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"author\"\r\n\r\nJürgen \"JM\" Müller\r\n"
                + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"content\"; filename=\"demo-1.0-py3-none-any.whl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(expectedHead.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {1, 2, 3, 'P', 'K'});
        expected.writeBytes("\r\n--BOUNDARY--\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(entity.getContentLength()).isEqualTo(expected.size());
        assertThat(entity.getContentType()).isEqualTo("multipart/form-data; boundary=BOUNDARY");
        assertThat(progress).containsExactly(5L);
    }

    @Test
    void isRepeatableBecauseItRereadsTheFile() throws IOException {
        Path file = Files.write(dir.resolve("a.whl"), "abc".getBytes(StandardCharsets.US_ASCII));
        MultipartFormEntity entity = new MultipartFormEntity(new UploadForm(List.of(), file, "a.whl", 3),
                ProgressListener.NONE, "B");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        entity.writeTo(first);
        entity.writeTo(second);
        assertThat(entity.isRepeatable()).isTrue();
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }

    @Test
    void aFileThatChangedSizeIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("a.whl"), "abcdef".getBytes(StandardCharsets.US_ASCII));
        MultipartFormEntity entity = new MultipartFormEntity(new UploadForm(List.of(), file, "a.whl", 3),
                ProgressListener.NONE, "B");
        assertThatThrownBy(() -> entity.writeTo(new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MultipartFormEntity.LocalFileError.class, e -> assertThat(e.detail())
                        .isInstanceOfSatisfying(FileChangedException.class, c -> assertThat(c.currentSize()).isEqualTo(6)))
                .hasMessageContaining("a.whl changed on disk after it was hashed: it was 3 bytes then, and it is 6"
                        + " bytes now");
    }

    @Test
    void aFileThatCannotBeReadIsALocalErrorNotANetworkOne() throws IOException {
        // A directory where the file was: opening it fails on Windows (as a file another program holds without
        // sharing does) and reading it fails elsewhere (EISDIR), so each platform takes one of the two paths.
        Path notAFile = Files.createDirectories(dir.resolve("demo-1.0-py3-none-any.whl"));
        MultipartFormEntity entity = new MultipartFormEntity(new UploadForm(List.of(), notAFile,
                "demo-1.0-py3-none-any.whl", 3), ProgressListener.NONE, "B");

        assertThatThrownBy(() -> entity.writeTo(new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MultipartFormEntity.LocalFileError.class, e -> {
                    assertThat(e.detail()).isInstanceOf(FileUnreadableException.class);
                    assertThat(e.detail().isUncertain()).isFalse();
                    assertThat(e.detail().getCause()).isInstanceOf(IOException.class);
                })
                .hasMessageStartingWith("Cannot read demo-1.0-py3-none-any.whl from disk to upload it (")
                .hasMessageContaining(notAFile.toString())
                .hasMessageContaining("virus scanner")
                .hasMessageNotContaining("network");
    }

    @Test
    void aReadErrorPartWayThroughSaysTheIndexStoredNothing() {
        // What Windows reports when another process locked a region of the file after it was opened.
        IOException lock = new IOException("The process cannot access the file because another process has locked"
                + " a portion of the file");
        UploadException e = new FileUnreadableException("a.whl", dir.resolve("a.whl"), lock, true);

        assertThat(e.getMessage()).startsWith("Cannot read a.whl from disk to upload it (IOException: The process"
                + " cannot access the file because another process has locked a portion of the file; "
                + dir.resolve("a.whl") + "). The upload was stopped before its end, so the index stored nothing.")
                .contains("this is not retried");
        assertThat(e.getCause()).isSameAs(lock);
        assertThat(e.status()).isZero();
        assertThat(e.isUncertain()).isFalse();
    }

    @Test
    void boundariesAreRandom() {
        UploadForm form = new UploadForm(List.of(), dir.resolve("x"), "x", 0);
        assertThat(new MultipartFormEntity(form, ProgressListener.NONE).getContentType())
                .startsWith("multipart/form-data; boundary=pypi-maven-plugin-")
                .isNotEqualTo(new MultipartFormEntity(form, ProgressListener.NONE).getContentType());
    }

    // --- Forms hashed while sent: the digests follow the file and are those of the bytes sent.

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 11));
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return io.github.yogs0ddhoth.pypi.distribution.FileDigester.hex(
                java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static String blake2b256(byte[] b) {
        io.github.yogs0ddhoth.pypi.distribution.Blake2b blake = new io.github.yogs0ddhoth.pypi.distribution.Blake2b(32);
        blake.update(b, 0, b.length);
        return io.github.yogs0ddhoth.pypi.distribution.FileDigester.hex(blake.digest());
    }

    private static byte[] expectedHashedWhileSent(byte[] content, String sha256, String blake2b) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(("--B\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.whl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(content);
        expected.writeBytes(("\r\n--B\r\nContent-Disposition: form-data; name=\"sha256_digest\"\r\n\r\n" + sha256
                + "\r\n--B\r\nContent-Disposition: form-data; name=\"blake2_256_digest\"\r\n\r\n" + blake2b
                + "\r\n--B--\r\n").getBytes(StandardCharsets.US_ASCII));
        return expected.toByteArray();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 5, 3 * 1024 * 1024 + 17})
    void aFormHashedWhileSentSendsTheFileThenTheDigestsOfTheBytesSent(int n) throws Exception {
        byte[] content = bytes(n);
        Path file = Files.write(dir.resolve("a.whl"), content);
        UploadForm form = UploadForm.hashedWhileSent(List.of(new FormField(":action", "file_upload")), file, "a.whl");
        List<Long> progress = new ArrayList<>();
        MultipartFormEntity entity = new MultipartFormEntity(form, (sent, total) -> progress.add(sent), "B");
        assertThat(form.knownDigests()).as("nothing is read before the upload").isNull();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);

        byte[] expected = expectedHashedWhileSent(content, sha256(content), blake2b256(content));
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(entity.getContentLength()).isEqualTo(expected.length);
        assertThat(form.sha256()).isEqualTo(sha256(content));
        assertThat(form.blake2b256()).isEqualTo(blake2b256(content));
        assertThat(form.values("sha256_digest")).containsExactly(sha256(content));
        if (n > 0) {
            assertThat(progress).last().isEqualTo((long) n);
        }
    }

    @Test
    void aSecondAttemptSendsTheSameBytesWithTheDigestsOfTheFirst() throws Exception {
        byte[] content = bytes(3 * 1024 * 1024);
        Path file = Files.write(dir.resolve("a.whl"), content);
        UploadForm form = UploadForm.hashedWhileSent(List.of(new FormField(":action", "file_upload")), file, "a.whl");
        MultipartFormEntity entity = new MultipartFormEntity(form, ProgressListener.NONE, "B");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        entity.writeTo(first);
        entity.writeTo(second);

        assertThat(second.toByteArray()).isEqualTo(first.toByteArray())
                .isEqualTo(expectedHashedWhileSent(content, sha256(content), blake2b256(content)));
    }

    @Test
    void digestsAskedForBeforeTheUploadAreReadOnceAndSentAsTheyAre() throws Exception {
        byte[] content = bytes(70_000);
        Path file = Files.write(dir.resolve("a.whl"), content);
        UploadForm form = UploadForm.hashedWhileSent(List.of(new FormField(":action", "file_upload")), file, "a.whl");

        assertThat(form.withAttestations("[]").sha256()).as("an attestation needs it first").isEqualTo(sha256(content));
        assertThat(form.knownDigests()).as("shared with the copy that carries the attestations").isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MultipartFormEntity(form, ProgressListener.NONE, "B").writeTo(out);

        assertThat(out.toByteArray()).isEqualTo(expectedHashedWhileSent(content, sha256(content), blake2b256(content)));
    }

    @Test
    void aFileRewrittenWithTheSameSizeIsNotSentWithDigestsOfOtherBytes() throws Exception {
        byte[] content = bytes(3 * 1024 * 1024);
        Path file = Files.write(dir.resolve("a.whl"), content);
        UploadForm form = UploadForm.hashedWhileSent(List.of(new FormField(":action", "file_upload")), file, "a.whl");
        content[12345] ^= 1;
        Files.write(file, content);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                form.modified().toMillis() + 2000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new MultipartFormEntity(form, ProgressListener.NONE, "B").writeTo(out))
                .isInstanceOfSatisfying(MultipartFormEntity.LocalFileError.class, e -> assertThat(e.detail())
                        .isInstanceOf(FileChangedException.class))
                .hasMessageContaining("a.whl changed on disk while it was sent: it has the same size (3145728"
                        + " bytes) but was modified since it was found and validated")
                .hasMessageContaining("the index stored nothing");
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1))
                .as("the body is cut short: no digest, no closing boundary").doesNotContain("sha256_digest")
                .doesNotEndWith("--B--\r\n");
        assertThat(form.knownDigests()).isNull();
    }

    @Test
    void aFileThatGrowsWhileItIsSentIsRefusedBeforeItsDigests() throws Exception {
        Path file = Files.write(dir.resolve("a.whl"), bytes(3 * 1024 * 1024));
        UploadForm form = UploadForm.hashedWhileSent(List.of(), file, "a.whl");
        Files.write(file, bytes(4 * 1024 * 1024));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new MultipartFormEntity(form, ProgressListener.NONE, "B").writeTo(out))
                .isInstanceOfSatisfying(MultipartFormEntity.LocalFileError.class, e -> assertThat(e.detail())
                        .isInstanceOfSatisfying(FileChangedException.class,
                                c -> assertThat(c.currentSize()).isEqualTo(4 * 1024 * 1024)));
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("sha256_digest");
    }

    @Test
    void aFileGoneBeforeItIsSentIsAChangeNotANetworkError() throws Exception {
        Path file = Files.write(dir.resolve("a.whl"), bytes(10));
        UploadForm form = UploadForm.hashedWhileSent(List.of(), file, "a.whl");
        Files.delete(file);

        assertThatThrownBy(() -> new MultipartFormEntity(form, ProgressListener.NONE, "B")
                .writeTo(new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MultipartFormEntity.LocalFileError.class, e -> assertThat(e.detail())
                        .isInstanceOfSatisfying(FileChangedException.class,
                                c -> assertThat(c.currentSize()).isEqualTo(FileChangedException.GONE)));
    }

    @Test
    void aNetworkErrorWhileHashingIsPassedOnAsItIs() throws Exception {
        Path file = Files.write(dir.resolve("a.whl"), bytes(3 * 1024 * 1024));
        UploadForm form = UploadForm.hashedWhileSent(List.of(), file, "a.whl");
        IOException reset = new java.net.SocketException("Connection reset");
        java.io.OutputStream broken = new java.io.OutputStream() {
            long n;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                n += len;
                if (n > 1024 * 1024) {
                    throw reset;
                }
            }
        };

        assertThatThrownBy(() -> new MultipartFormEntity(form, ProgressListener.NONE, "B").writeTo(broken))
                .isSameAs(reset);
        assertThat(form.knownDigests()).as("an attempt cut short settles nothing").isNull();
    }
}
