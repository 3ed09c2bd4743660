package io.github.yogs0ddhoth.pypi.json;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON value, parsed by {@link Json#parse}: an object, array, string, number, boolean or null, or
 * {@link #MISSING} where a member is absent. The accessors follow databind's {@code JsonNode} in name and meaning,
 * so that reading an answer never needs a null check on the way down: {@code path("a").path("b").asText("")}.
 */
public final class JsonValue implements Iterable<JsonValue> {
    private enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    /** What {@link #path} returns for a member that is not there. */
    public static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
    static final JsonValue NULL = new JsonValue(Kind.NULL, null);
    static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
    static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    // Map<String, JsonValue> for an object, List<JsonValue> for an array, String, Number or Boolean.
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(members));
    }

    static JsonValue array(List<JsonValue> elements) {
        return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(elements));
    }

    static JsonValue string(String text) {
        return new JsonValue(Kind.STRING, text);
    }

    static JsonValue number(Number number) {
        return new JsonValue(Kind.NUMBER, number);
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /** True for a JSON string. */
    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    /** True for a JSON {@code null}, which is present; an absent member is {@link #isMissing()}. */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    /** A string, number, boolean or null: neither a container nor missing. */
    public boolean isValueNode() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MISSING;
    }

    /** The member {@code name} of an object, or null when absent or when this is not an object. */
    public JsonValue get(String name) {
        return kind == Kind.OBJECT ? members().get(name) : null;
    }

    /** The member {@code name} of an object, or {@link #MISSING}. */
    public JsonValue path(String name) {
        JsonValue member = get(name);
        return member == null ? MISSING : member;
    }

    /**
     * A value node as text: a string itself, a number or boolean as JSON writes it, {@code "null"} for null; an
     * object, array or missing value is {@code ""}.
     */
    public String asText() {
        return switch (kind) {
            case STRING -> (String) value;
            case NUMBER, BOOLEAN -> String.valueOf(value);
            case NULL -> "null";
            default -> "";
        };
    }

    /** As {@link #asText()}, but {@code fallback} for null and missing values. */
    public String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    /** True for a number that fits a long (a fraction is cut off by {@link #asLong()}, as databind does). */
    public boolean canConvertToLong() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE;
        }
        if (value instanceof Double d) {
            return d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
        }
        return true; // Integer, Long
    }

    /** A number as a long (see {@link #canConvertToLong()}); 0 for anything else. */
    public long asLong() {
        return kind == Kind.NUMBER ? ((Number) value).longValue() : 0L;
    }

    /** The number of elements of an array or members of an object; 0 for anything else. */
    public int size() {
        return switch (kind) {
            case OBJECT -> members().size();
            case ARRAY -> elements().size();
            default -> 0;
        };
    }

    /** An array's elements, or an object's member values, in document order; nothing for anything else. */
    @Override
    public Iterator<JsonValue> iterator() {
        return switch (kind) {
            case OBJECT -> members().values().iterator();
            case ARRAY -> elements().iterator();
            default -> Collections.emptyIterator();
        };
    }

    @SuppressWarnings("unchecked")
    Map<String, JsonValue> members() {
        return (Map<String, JsonValue>) value;
    }

    @SuppressWarnings("unchecked")
    private List<JsonValue> elements() {
        return (List<JsonValue>) value;
    }

    /** Compact JSON text of this value ({@code ""} for a missing one). */
    @Override
    public String toString() {
        return kind == Kind.MISSING ? "" : Json.text(this);
    }
}
