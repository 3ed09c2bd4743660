package io.github.yogs0ddhoth.pypi.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * {@code multipart/form-data} body of one upload: the text fields, then the file streamed from disk. The length
 * is known up front, so the request carries a Content-Length and never holds the file in memory; writing it again
 * re-reads the file, so a retried request sends the same bytes.
 */
final class MultipartFormEntity extends AbstractHttpEntity {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final UploadForm form;
    private final byte[] head;
    private final byte[] tail;
    private final ProgressListener progress;

    MultipartFormEntity(UploadForm form, ProgressListener progress) {
        this(form, progress, newBoundary());
    }

    MultipartFormEntity(UploadForm form, ProgressListener progress, String boundary) {
        super("multipart/form-data; boundary=" + boundary, null);
        this.form = form;
        this.progress = progress;
        this.head = head(form, boundary);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String newBoundary() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return "pypi-maven-plugin-" + HexFormat.of().formatHex(random);
    }

    private static byte[] head(UploadForm form, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FormField field : form.fields()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(field.name())
                    + "\"\r\n\r\n");
            write(out, field.value());
            out.writeBytes(CRLF);
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + quote(form.filename()) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return out.toByteArray();
    }

    /** Escapes as browsers do (WHATWG multipart encoding), so a quote or newline cannot break the header. */
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long getContentLength() {
        return head.length + form.size() + tail.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("the upload body is only written, never read back");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        long sent = 0;
        long total = form.size();
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        FileChannel channel;
        try {
            channel = FileChannel.open(form.file(), Set.of(StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw changedOnDisk(FileChangedException.GONE);
        } catch (IOException e) {
            throw unreadable(e, false);
        }
        try (channel) {
            while (true) {
                buffer.clear();
                int n;
                try {
                    n = channel.read(buffer);
                } catch (IOException e) {
                    throw unreadable(e, sent > 0);
                }
                if (n < 0) {
                    break;
                }
                if (sent + n > total) {
                    throw changedOnDisk(FileChangedException.sizeNow(form.file()));
                }
                out.write(chunk, 0, n);
                sent += n;
                progress.sent(sent, total);
            }
        }
        if (sent != total) {
            // The digests in the form were computed from the file as it was; anything else would be rejected.
            throw changedOnDisk(FileChangedException.sizeNow(form.file()));
        }
        out.write(tail);
        out.flush();
    }

    /**
     * A failure of the local file, not of the network, thrown out of {@link #writeTo} through the HTTP client, which
     * passes I/O errors on as they are; the upload client unwraps it into the {@link UploadException} it carries.
     */
    static final class LocalFileError extends IOException {
        private final transient UploadException detail;

        LocalFileError(UploadException detail) {
            super(detail.getMessage(), detail.getCause());
            this.detail = detail;
        }

        UploadException detail() {
            return detail;
        }
    }

    private LocalFileError changedOnDisk(long sizeNow) {
        return new LocalFileError(new FileChangedException(form.filename(), form.file(), form.size(), sizeNow, true));
    }

    private LocalFileError unreadable(IOException cause, boolean midUpload) {
        return new LocalFileError(new FileUnreadableException(form.filename(), form.file(), cause, midUpload));
    }

    @Override
    public void close() {}
}
