package io.github.yogs0ddhoth.pypi.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses JSON text into a {@link JsonValue} and writes JSON, with Jackson's streaming API only. */
public final class Json {
    // Thread-safe once built, and never reconfigured: the one factory every parse and write shares.
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /**
     * Parses one JSON document. Text that holds no value at all (empty or blank) is {@link JsonValue#MISSING}, as
     * databind's {@code readTree} has it; anything after the value is an error. A repeated member name keeps its
     * last value, as Python's json module (PyPI's) does.
     *
     * @throws IOException when the text is not JSON, or goes past Jackson's limits (nesting, string and number
     *     lengths)
     */
    public static JsonValue parse(String text) throws IOException {
        return parse(FACTORY.createParser(text));
    }

    /** Parses one UTF-8 JSON document; see {@link #parse(String)}. */
    public static JsonValue parse(byte[] utf8) throws IOException {
        return parse(FACTORY.createParser(utf8));
    }

    private static JsonValue parse(JsonParser parser) throws IOException {
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return JsonValue.MISSING;
            }
            JsonValue value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("JSON text goes on after its value, at "
                        + parser.currentLocation().offsetDescription());
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // Recursion is bounded by the parser's nesting limit (StreamReadConstraints).
    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken()));
                }
                return JsonValue.object(members);
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(read(parser, t));
                }
                return JsonValue.array(elements);
            }
            case VALUE_STRING -> {
                return JsonValue.string(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonValue.number(parser.getNumberValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonValue.number(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw new IOException("unexpected JSON token " + token + " at "
                    + parser.currentLocation().offsetDescription());
        }
    }

    /** A generator writing compact JSON to {@code out}; closing it flushes, and does not close {@code out}. */
    public static JsonGenerator writer(Writer out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** As {@link #writer(Writer)}, indented the way databind's {@code INDENT_OUTPUT} indents. */
    public static JsonGenerator prettyWriter(Writer out) throws IOException {
        return writer(out).useDefaultPrettyPrinter();
    }

    /** A JSON object of one string member, such as the body {@code {"token": "…"}} of PyPI's mint-token request. */
    public static String object(String name, String value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = writer(out)) {
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
        try (JsonGenerator g = writer(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonValue value) throws IOException {
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
            g.writeNumber(value.asText());
        } else if (value.isBoolean()) {
            g.writeBoolean(value == JsonValue.TRUE);
        } else if (value.isNull()) {
            g.writeNull();
        }
    }
}
