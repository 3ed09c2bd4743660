package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns core-metadata bytes into a {@link CoreMetadata}, reproducing what Python's
 * {@code email.parser.BytesParser(policy=compat32)} followed by {@code packaging.metadata.parse_email} yields.
 *
 * <p>Those are the rules twine (via packaging) applies, so they decide what reaches the index:
 * <ul>
 *   <li>A field is {@code Name: value}; the name is printable ASCII without ':'; spaces and tabs right after the colon
 *       are dropped, trailing whitespace is kept.
 *   <li>A line starting with a space or tab continues the previous field. It is appended after {@code "\n"} with its
 *       leading whitespace kept: packaging does not strip anything, so an old setuptools {@code Description} folded as
 *       {@code "\n        |line"} keeps its {@code "        |"} prefixes.
 *   <li>The first empty line ends the headers; the body is the rest, verbatim.
 * </ul>
 * Two deliberate differences: a CRLF or CR line end inside a folded value becomes {@code "\n"} (the email parser would
 * keep the raw line end), and a header-section line that is none of the above is an error, where Python would
 * silently start the body there and lose every later field.
 */
final class CoreMetadataParser {

    private static final int SHOWN_LINE_CHARS = 80;

    private CoreMetadataParser() {}

    static CoreMetadata parse(byte[] bytes, String source) throws MalformedMetadataException {
        String text = decodeStrictUtf8(bytes, source);
        if (text.startsWith("\uFEFF")) {
            throw new MalformedMetadataException("Malformed core metadata in " + source
                    + ": it starts with a UTF-8 byte order mark (EF BB BF). Core metadata is plain UTF-8 without a BOM;"
                    + " Python's email parser would not see the first field. Remove the BOM (or rebuild the"
                    + " distribution with a standard build backend).");
        }
        return parseHeaders(text, source);
    }

    private static CoreMetadata parseHeaders(String text, String source) throws MalformedMetadataException {
        List<CoreMetadata.Field> fields = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        int length = text.length();
        int pos = 0;
        int lineNumber = 0;
        while (pos < length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (end < length) {
                next = text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            }
            lineNumber++;

            if (end == pos) {
                // The separator line itself belongs to neither part; the body starts right after it.
                if (name != null) {
                    fields.add(new CoreMetadata.Field(name, value.toString()));
                }
                return new CoreMetadata(fields, text.substring(next));
            }

            char first = text.charAt(pos);
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    throw malformed(source, lineNumber, text.substring(pos, end),
                            "starts with whitespace, so it would continue a previous field, but there is none");
                }
                value.append('\n').append(text, pos, end);
            } else {
                int colon = text.indexOf(':', pos);
                if (colon < 0 || colon >= end || !isFieldName(text, pos, colon)) {
                    throw malformed(source, lineNumber, text.substring(pos, end),
                            "is neither a field ('Name: value'), a continuation line (starting with a space or tab),"
                                    + " nor the empty line that ends the header section. Python's email parser would"
                                    + " silently take it and everything after it as the description");
                }
                if (name != null) {
                    fields.add(new CoreMetadata.Field(name, value.toString()));
                }
                name = text.substring(pos, colon);
                int valueStart = colon + 1;
                while (valueStart < end && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
                    valueStart++;
                }
                value = new StringBuilder(end - valueStart).append(text, valueStart, end);
            }
            pos = next;
        }
        if (name != null) {
            fields.add(new CoreMetadata.Field(name, value.toString()));
        }
        return new CoreMetadata(fields, "");
    }

    // RFC 822 field names are printable US-ASCII except ':' (Python's email parser uses the same set).
    private static boolean isFieldName(String text, int start, int end) {
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    private static MalformedMetadataException malformed(String source, int lineNumber, String line, String problem) {
        String shown = line.length() > SHOWN_LINE_CHARS ? line.substring(0, SHOWN_LINE_CHARS) + "..." : line;
        return new MalformedMetadataException("Malformed core metadata in " + source + ": line " + lineNumber + " '"
                + shown + "' " + problem + ". Expected every header line to be 'Field-Name: value' or to start with a"
                + " space or tab, up to the first empty line. Rebuild the distribution with a standard build backend,"
                + " or fix the tool that wrote this file.");
    }

    private static String decodeStrictUtf8(byte[] bytes, String source) throws MalformedMetadataException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes, so one buffer of that size always suffices.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new MalformedMetadataException("Malformed core metadata in " + source
                    + ": it is not valid UTF-8 at byte offset " + offset + " (line " + lineOf(bytes, offset)
                    + ", bytes " + hex(bytes, offset, result.length()) + "). Core metadata must be UTF-8; PyPI and"
                    + " twine refuse anything else. Re-save the text as UTF-8 (often a Latin-1 name such as"
                    + " 'M\u00fcller' written by an old tool) and rebuild the distribution.");
        }
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String hex(byte[] bytes, int offset, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + count); i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
