package io.github.yogs0ddhoth.pypi.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into a {@link JsonValue} and writes JSON, with the plugin's own {@link JsonReader} and
 * {@link JsonWriter}: the answers a run reads are a few small documents, not worth loading a JSON library for.
 */
public final class Json {
    private Json() {}

    /**
     * Parses one JSON document (RFC 8259, strictly). Text that holds no value at all (empty or blank) is
     * {@link JsonValue#MISSING}, as databind's {@code readTree} has it; anything after the value is an error. A
     * repeated member name keeps its last value, as Python's json module (PyPI's) does.
     *
     * @throws IOException when the text is not JSON, or goes past the parser's limits (500 levels of nesting,
     *     strings of 20,000,000 characters, numbers of 1,000), saying what was expected and where
     */
    public static JsonValue parse(String text) throws IOException {
        return new JsonReader(new StringReader(text)).document();
    }

    /** Parses one UTF-8 JSON document (a leading byte order mark is skipped); see {@link #parse(String)}. */
    public static JsonValue parse(byte[] utf8) throws IOException {
        int bom = utf8.length >= 3 && (utf8[0] & 0xff) == 0xef && (utf8[1] & 0xff) == 0xbb
                && (utf8[2] & 0xff) == 0xbf ? 3 : 0;
        return parse(strictUtf8().decode(ByteBuffer.wrap(utf8, bom, utf8.length - bom)).toString());
    }

    /**
     * Whether the UTF-8 JSON document in {@code in} has {@code true} at {@code path}, the member names from the
     * top-level object down (false when a name on the way is absent, or is not an object). Everything else is
     * read only to be skipped, nothing is kept, and reading stops at the answer, so a large document costs no
     * memory. Malformed UTF-8 or JSON before the answer is an {@link IOException}.
     */
    public static boolean isTrueAt(InputStream in, List<String> path) throws IOException {
        Reader reader = new InputStreamReader(in, strictUtf8());
        return new JsonReader(reader).isTrueAt(path);
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A writer of compact JSON to {@code out}; closing it flushes, and does not close {@code out}. */
    public static JsonWriter writer(Writer out) {
        return new JsonWriter(out, false);
    }

    /** As {@link #writer(Writer)}, indented the way databind's {@code INDENT_OUTPUT} indents. */
    public static JsonWriter prettyWriter(Writer out) {
        return new JsonWriter(out, true);
    }

    /** A JSON object of one string member, such as the body {@code {"token": "…"}} of PyPI's mint-token request. */
    public static String object(String name, String value) {
        StringWriter out = new StringWriter();
        try (JsonWriter g = writer(out)) {
            g.writeStartObject();
            g.writeStringField(name, value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static String text(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter g = writer(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonWriter g, JsonValue value) throws IOException {
        if (value.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> m : value.members().entrySet()) {
                g.writeFieldName(m.getKey());
                write(g, m.getValue());
            }
            g.writeEndObject();
        } else if (value.isArray()) {
            g.writeStartArray();
            for (JsonValue e : value) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value.isTextual()) {
            g.writeString(value.asText());
        } else if (value.isNumber()) {
            String n = value.asText();
            // 1e400 reads as Infinity, which JSON has no number for: written as a string, as Jackson writes it.
            boolean finite = !n.equals("Infinity") && !n.equals("-Infinity") && !n.equals("NaN");
            if (finite) {
                g.writeNumber(n);
            } else {
                g.writeString(n);
            }
        } else if (value.isBoolean()) {
            g.writeBoolean(value == JsonValue.TRUE);
        } else if (value.isNull()) {
            g.writeNull();
        }
    }
}
