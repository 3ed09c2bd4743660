package io.github.yogs0ddhoth.pypi.json;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 8259 parser: one value, no comments, no trailing commas, no single quotes, no NaN, no leading zeros
 * or plus signs, no raw control characters in strings. Its limits are Jackson's defaults, so that what the plugin
 * accepted with Jackson it still accepts: 500 levels of nesting, 20,000,000 characters in a string, 50,000 in a
 * member name, 1,000 in a number. It is the plugin's own so that a run that only reads a few small answers does not
 * load a JSON library of some hundred classes (measured on a small release's whole {@code mvn deploy}).
 */
final class JsonReader {
    static final int MAX_DEPTH = 500;
    static final int MAX_STRING_CHARS = 20_000_000;
    static final int MAX_NAME_CHARS = 50_000;
    static final int MAX_NUMBER_CHARS = 1000;

    private static final int END = -1;
    private static final String AFTER_MEMBER = "',' or '}' after an object member";

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    // Characters before buf[0]: where in the text an error is.
    private long before;
    private final StringBuilder text = new StringBuilder();

    JsonReader(Reader in) {
        this.in = in;
    }

    /** One whole document: {@link JsonValue#MISSING} when it holds nothing but whitespace. */
    JsonValue document() throws IOException {
        skipWhitespace();
        if (peek() == END) {
            return JsonValue.MISSING;
        }
        JsonValue value = value(1, true);
        skipWhitespace();
        if (peek() != END) {
            throw error("JSON text goes on after its value");
        }
        return value;
    }

    /**
     * Whether the member at {@code path} (object member names from the top) is {@code true}. Every other value is
     * read only to skip it, nothing is kept, and the reading stops at the first member that answers.
     */
    boolean isTrueAt(List<String> path) throws IOException {
        skipWhitespace();
        return peek() != END && isTrueAt(path, 0, 1);
    }

    private boolean isTrueAt(List<String> path, int at, int depth) throws IOException {
        if (at == path.size()) {
            return value(depth, false) == JsonValue.TRUE;
        }
        if (peek() != '{') {
            value(depth, false);
            return false;
        }
        depth(depth);
        next();
        skipWhitespace();
        if (peek() == '}') {
            return false;
        }
        while (true) {
            String name = name();
            if (name.equals(path.get(at))) {
                return isTrueAt(path, at + 1, depth + 1);
            }
            value(depth + 1, false);
            if (atEnd('}', AFTER_MEMBER)) {
                return false;
            }
        }
    }

    // keep false: the value is checked and skipped, and null returned (JsonValue.TRUE/FALSE/NULL still are).
    private JsonValue value(int depth, boolean keep) throws IOException {
        int c = peek();
        switch (c) {
            case '{':
                return object(depth, keep);
            case '[':
                return array(depth, keep);
            case '"':
                next();
                String s = string(MAX_STRING_CHARS, "a string", keep);
                return keep ? JsonValue.string(s) : null;
            case 't':
                literal("true");
                return JsonValue.TRUE;
            case 'f':
                literal("false");
                return JsonValue.FALSE;
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    JsonValue n = number();
                    return keep ? n : null;
                }
                throw unexpected(c, "a JSON value");
        }
    }

    private JsonValue object(int depth, boolean keep) throws IOException {
        depth(depth);
        next();
        Map<String, JsonValue> members = keep ? new LinkedHashMap<>() : null;
        skipWhitespace();
        if (peek() == '}') {
            next();
            return keep ? JsonValue.object(members) : null;
        }
        while (true) {
            String name = name();
            JsonValue v = value(depth + 1, keep);
            if (keep) {
                // A repeated name keeps its last value, as Python's json module (PyPI's) does.
                members.put(name, v);
            }
            if (atEnd('}', AFTER_MEMBER)) {
                return keep ? JsonValue.object(members) : null;
            }
        }
    }

    // A member name and its colon, and the whitespace up to its value.
    private String name() throws IOException {
        int c = next();
        if (c != '"') {
            throw unexpected(c, "a member name in double quotes");
        }
        String name = string(MAX_NAME_CHARS, "a member name", true);
        skipWhitespace();
        c = next();
        if (c != ':') {
            throw unexpected(c, "':' after a member name");
        }
        skipWhitespace();
        return name;
    }

    private JsonValue array(int depth, boolean keep) throws IOException {
        depth(depth);
        next();
        List<JsonValue> elements = keep ? new ArrayList<>() : null;
        skipWhitespace();
        if (peek() == ']') {
            next();
            return keep ? JsonValue.array(elements) : null;
        }
        while (true) {
            JsonValue v = value(depth + 1, keep);
            if (keep) {
                elements.add(v);
            }
            if (atEnd(']', "',' or ']' after an array element")) {
                return keep ? JsonValue.array(elements) : null;
            }
        }
    }

    // After a member or an element: true at the container's end, false after a comma and the whitespace after it.
    private boolean atEnd(char end, String expected) throws IOException {
        skipWhitespace();
        int c = next();
        if (c == end) {
            return true;
        }
        if (c != ',') {
            throw unexpected(c, expected);
        }
        skipWhitespace();
        return false;
    }

    private void depth(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    // After the opening quote; up to and including the closing one.
    private String string(int max, String what, boolean keep) throws IOException {
        text.setLength(0);
        long chars = 0;
        while (true) {
            if (pos == len && !fill()) {
                throw error("the text ends inside " + what);
            }
            // Copy the run of plain characters in one go.
            int start = pos;
            while (pos < len) {
                char ch = buf[pos];
                if (ch == '"' || ch == '\\' || ch < 0x20) {
                    break;
                }
                pos++;
            }
            chars += pos - start;
            if (keep) {
                text.append(buf, start, pos - start);
            }
            if (chars > max) {
                throw error(what + " longer than " + max + " characters");
            }
            if (pos == len) {
                continue;
            }
            char ch = buf[pos++];
            if (ch == '"') {
                return keep ? text.toString() : null;
            }
            if (ch < 0x20) {
                pos--;
                throw error(String.format(Locale.ROOT, "control character U+%04X inside %s (JSON needs it escaped)",
                        (int) ch, what));
            }
            char unescaped = escape();
            chars++;
            if (keep) {
                text.append(unescaped);
            }
        }
    }

    // After a backslash.
    private char escape() throws IOException {
        int c = next();
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(hexDigit(next()), 16);
                    if (h < 0) {
                        throw error("\\u needs four hexadecimal digits");
                    }
                    code = code << 4 | h;
                }
                // A lone surrogate is kept, as Jackson and Python keep it.
                return (char) code;
            default:
                throw unexpected(c, "an escape (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private static int hexDigit(int c) {
        // Character.digit also takes non-ASCII digits; JSON's hex digits are ASCII only.
        return c >= 0 && c < 128 ? c : 'x';
    }

    private JsonValue number() throws IOException {
        text.setLength(0);
        boolean integral = true;
        if (peek() == '-') {
            text.append((char) next());
        }
        int c = peek();
        if (c == '0') {
            text.append((char) next());
            if (isDigit(peek())) {
                throw error("a number with a leading zero");
            }
        } else if (isDigit(c)) {
            digits();
        } else {
            throw unexpected(c, "a digit");
        }
        if (peek() == '.') {
            integral = false;
            text.append((char) next());
            if (!isDigit(peek())) {
                throw unexpected(peek(), "a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            text.append((char) next());
            if (peek() == '+' || peek() == '-') {
                text.append((char) next());
            }
            if (!isDigit(peek())) {
                throw unexpected(peek(), "a digit in the exponent");
            }
            digits();
        }
        String n = text.toString();
        if (!integral) {
            return JsonValue.number(Double.parseDouble(n));
        }
        if (n.length() <= 9) {
            return JsonValue.number(Integer.parseInt(n));
        }
        BigInteger big = new BigInteger(n);
        if (big.bitLength() < Integer.SIZE) {
            return JsonValue.number(big.intValue());
        }
        if (big.bitLength() < Long.SIZE) {
            return JsonValue.number(big.longValue());
        }
        return JsonValue.number(big);
    }

    private void digits() throws IOException {
        while (isDigit(peek())) {
            text.append((char) next());
            if (text.length() > MAX_NUMBER_CHARS) {
                throw error("a number longer than " + MAX_NUMBER_CHARS + " characters");
            }
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            int c = next();
            if (c != word.charAt(i)) {
                throw unexpected(c, "'" + word + "'");
            }
        }
    }

    private void skipWhitespace() throws IOException {
        while (true) {
            if (pos == len && !fill()) {
                return;
            }
            char c = buf[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() throws IOException {
        return pos < len || fill() ? buf[pos] : END;
    }

    private int next() throws IOException {
        return pos < len || fill() ? buf[pos++] : END;
    }

    private boolean fill() throws IOException {
        before += len;
        pos = 0;
        len = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        len = n;
        return true;
    }

    private IOException unexpected(int c, String expected) {
        String seen = c == END ? "the end of the text"
                : c >= 0x20 && c < 0x7f ? "'" + (char) c + "'"
                : String.format(Locale.ROOT, "U+%04X", c);
        return error("expected " + expected + ", found " + seen);
    }

    private IOException error(String what) {
        return new IOException(what + ", at character " + (before + pos) + " of the JSON text");
    }
}
