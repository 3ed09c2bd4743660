package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * {@code multipart/form-data} body of one upload: the text fields, then the file streamed from disk. The length
 * is known up front, so the request carries a Content-Length and never holds the file in memory; writing it again
 * re-reads the file, so a retried request sends the same bytes.
 *
 * <p>For a form whose {@linkplain UploadForm#digestsAfterContent digests follow the file}, the two digest fields
 * come after it. While they are unknown, the file is hashed as it is sent, on two other threads, and the digests
 * sent are those of the bytes sent; before they are written the file must still have the size and modification
 * time it had when the form was made, else the body is cut short and the index stores nothing.
 */
final class MultipartFormEntity extends AbstractHttpEntity {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    /** Stands in for a digest when the length of the fields after the file is computed: each is 64 hex digits. */
    private static final String UNKNOWN_DIGEST = "0".repeat(64);

    private final UploadForm form;
    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final ProgressListener progress;

    MultipartFormEntity(UploadForm form, ProgressListener progress) {
        this(form, progress, newBoundary());
    }

    MultipartFormEntity(UploadForm form, ProgressListener progress, String boundary) {
        super("multipart/form-data; boundary=" + boundary, null);
        this.form = form;
        this.boundary = boundary;
        this.progress = progress;
        this.head = head(form, boundary);
        this.tail = form.digestsAfterContent()
                ? trailer(boundary, new FileDigests(form.size(), UNKNOWN_DIGEST, UNKNOWN_DIGEST))
                : ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** What follows a file whose digests come after it: the two digest fields, then the closing boundary. */
    private static byte[] trailer(String boundary, FileDigests digests) {
        return ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"sha256_digest\"\r\n\r\n"
                + digests.sha256Hex() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"blake2_256_digest\"\r\n\r\n" + digests.blake2b256Hex()
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
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
        if (!form.digestsAfterContent()) {
            sendFile(out);
            out.write(tail);
        } else if (form.knownDigests() != null) {
            // Computed already (for the preflight, an attestation, or by an earlier attempt): not again.
            sendFile(out);
            out.write(trailer(boundary, form.knownDigests()));
        } else {
            out.write(trailer(boundary, sendAndHash(out)));
        }
        out.flush();
    }

    /**
     * Sends the file while hashing it; returns the digests of the bytes sent, once it is sure they are the file's
     * as it was when the form was made.
     */
    private FileDigests sendAndHash(OutputStream out) throws IOException {
        long total = form.size();
        long[] sent = {0};
        IOException[] network = {null};
        FileDigests digests;
        try {
            digests = new FileDigester().digest(form.file(), (bytes, n) -> {
                if (sent[0] + n > total) {
                    throw changedOnDisk(FileChangedException.sizeNow(form.file()));
                }
                try {
                    out.write(bytes, 0, n);
                } catch (IOException e) {
                    network[0] = e;
                    throw e;
                }
                sent[0] += n;
                progress.sent(sent[0], total);
            });
        } catch (LocalFileError e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw changedOnDisk(FileChangedException.GONE);
        } catch (IOException e) {
            if (e == network[0]) {
                throw e;
            }
            throw unreadable(e, sent[0] > 0);
        }
        if (digests.size() != total) {
            throw changedOnDisk(FileChangedException.sizeNow(form.file()));
        }
        // Same size but other bytes would go unnoticed by the digests, which describe whatever was sent.
        FileTime modifiedNow;
        try {
            modifiedNow = Files.getLastModifiedTime(form.file());
        } catch (NoSuchFileException e) {
            throw changedOnDisk(FileChangedException.GONE);
        }
        if (!modifiedNow.equals(form.modified()) || !form.settle(digests)) {
            throw new LocalFileError(new FileChangedException(form.filename(), form.file(), total, total, true));
        }
        return digests;
    }

    private void sendFile(OutputStream out) throws IOException {
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
