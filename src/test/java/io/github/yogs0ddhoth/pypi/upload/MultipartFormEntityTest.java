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
}
