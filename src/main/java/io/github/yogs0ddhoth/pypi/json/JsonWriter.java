package io.github.yogs0ddhoth.pypi.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Writes one JSON value to a {@link Writer}, compact or indented as Jackson's default pretty printer (databind's
 * {@code INDENT_OUTPUT}) indents: two spaces per level for objects, {@code "name" : value}, arrays on the line of
 * their first element ({@code [ 1, 2 ]}, {@code [ {} ]}), empty ones as {@code { }} and {@code [ ]}. Strings escape
 * {@code "}, {@code \} and every control character; other characters are written as they are. {@link #close()}
 * flushes and leaves the target open. Calls out of order (a value where a member name is due) are a bug of the
 * caller and fail with {@link IllegalStateException}.
 */
public final class JsonWriter implements Closeable {
    private final Writer out;
    private final boolean pretty;
    private final Deque<Container> open = new ArrayDeque<>();
    // Indentation follows the objects only: an array opens on its parent's line, as Jackson's printer has it.
    private int openObjects;
    private boolean nameWritten;

    private static final class Container {
        final boolean object;
        int written;

        Container(boolean object) {
            this.object = object;
        }
    }

    JsonWriter(Writer out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    public void writeStartObject() throws IOException {
        beforeValue();
        out.write('{');
        open(true);
    }

    public void writeEndObject() throws IOException {
        close(true, '}');
    }

    public void writeStartArray() throws IOException {
        beforeValue();
        out.write('[');
        open(false);
    }

    public void writeEndArray() throws IOException {
        close(false, ']');
    }

    public void writeFieldName(String name) throws IOException {
        Container c = open.peek();
        if (c == null || !c.object || nameWritten) {
            throw new IllegalStateException("a member name is not due here: " + name);
        }
        if (c.written++ > 0) {
            out.write(',');
        }
        if (pretty) {
            newline(openObjects);
        }
        string(name);
        out.write(pretty ? " : " : ":");
        nameWritten = true;
    }

    /** A string, or {@code null} for a null. */
    public void writeString(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.write("null");
        } else {
            string(value);
        }
    }

    public void writeNumber(long value) throws IOException {
        beforeValue();
        out.write(Long.toString(value));
    }

    /** A number already in JSON's syntax, written as it is. */
    void writeNumber(String json) throws IOException {
        beforeValue();
        out.write(json);
    }

    public void writeBoolean(boolean value) throws IOException {
        beforeValue();
        out.write(value ? "true" : "false");
    }

    public void writeNull() throws IOException {
        beforeValue();
        out.write("null");
    }

    public void writeStringField(String name, String value) throws IOException {
        writeFieldName(name);
        writeString(value);
    }

    public void writeNumberField(String name, long value) throws IOException {
        writeFieldName(name);
        writeNumber(value);
    }

    public void writeBooleanField(String name, boolean value) throws IOException {
        writeFieldName(name);
        writeBoolean(value);
    }

    public void writeArrayFieldStart(String name) throws IOException {
        writeFieldName(name);
        writeStartArray();
    }

    /** Flushes; the target stays open. */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    private void open(boolean object) {
        open.push(new Container(object));
        if (object) {
            openObjects++;
        }
    }

    private void close(boolean object, char end) throws IOException {
        Container c = open.peek();
        if (c == null || c.object != object || nameWritten) {
            throw new IllegalStateException("no open " + (object ? "object" : "array") + " to end here");
        }
        open.pop();
        if (object) {
            openObjects--;
        }
        if (pretty) {
            if (object && c.written > 0) {
                newline(openObjects);
            } else {
                out.write(' ');
            }
        }
        out.write(end);
    }

    // The separator before a value: none in an object (its name came first), a comma between array elements.
    private void beforeValue() throws IOException {
        Container c = open.peek();
        if (c == null) {
            return;
        }
        if (c.object) {
            if (!nameWritten) {
                throw new IllegalStateException("a value in an object needs its member name first");
            }
            nameWritten = false;
            return;
        }
        if (c.written++ > 0) {
            out.write(',');
        }
        if (pretty) {
            out.write(' ');
        }
    }

    private void newline(int level) throws IOException {
        out.write('\n');
        for (int i = 0; i < level; i++) {
            out.write("  ");
        }
    }

    private void string(String s) throws IOException {
        out.write('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
            };
            if (escaped != null) {
                out.write(s, run, i - run);
                out.write(escaped);
                run = i + 1;
            }
        }
        out.write(s, run, s.length() - run);
        out.write('"');
    }
}
