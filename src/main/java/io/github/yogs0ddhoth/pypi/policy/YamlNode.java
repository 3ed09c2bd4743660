package io.github.yogs0ddhoth.pypi.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: just enough of a tree to apply the policy rules and to point at the
 * offending line. Built by {@link YamlReader}; maps keep their key order.
 */
final class YamlNode {
    enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final int line;
    private final String text;
    private final Map<String, YamlNode> map;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> list;

    private YamlNode(Kind kind, int line, String text) {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.keyLines = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.list = kind == Kind.LIST ? new ArrayList<>() : List.of();
    }

    static YamlNode map(int line) {
        return new YamlNode(Kind.MAP, line, null);
    }

    static YamlNode list(int line) {
        return new YamlNode(Kind.LIST, line, null);
    }

    static YamlNode scalar(int line, String text) {
        return new YamlNode(Kind.SCALAR, line, text);
    }

    static YamlNode nullNode(int line) {
        return new YamlNode(Kind.NULL, line, null);
    }

    void put(String key, int keyLine, YamlNode value) {
        map.put(key, value);
        keyLines.put(key, keyLine);
    }

    void add(YamlNode value) {
        list.add(value);
    }

    Kind kind() {
        return kind;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** The line (1-based) the value starts on, 0 when unknown. */
    int line() {
        return line;
    }

    /** The line of {@code key} in this map, or this node's line. */
    int keyLine(String key) {
        Integer l = keyLines.get(key);
        return l == null ? line : l;
    }

    /** The scalar's text, or {@code null} for anything else. */
    String text() {
        return text;
    }

    /** The value under {@code key}, or {@code null} when this is not a map or has no such key. */
    YamlNode get(String key) {
        return map.get(key);
    }

    /** The text of the scalar under {@code key}, or {@code null}. */
    String text(String key) {
        YamlNode n = get(key);
        return n == null ? null : n.text();
    }

    Map<String, YamlNode> entries() {
        return Collections.unmodifiableMap(map);
    }

    List<YamlNode> items() {
        return Collections.unmodifiableList(list);
    }

    /** Every scalar text in this value: itself, a list's items (nested lists flattened). */
    List<YamlNode> scalars() {
        List<YamlNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(YamlNode n, List<YamlNode> out) {
        if (n == null) {
            return;
        }
        if (n.isScalar()) {
            out.add(n);
        } else if (n.isList()) {
            n.list.forEach(i -> collect(i, out));
        }
    }

    /** A copy of {@code base} with {@code over} merged on top, maps deeply (as GitLab's {@code extends} does). */
    static YamlNode deepMerge(YamlNode base, YamlNode over) {
        if (base == null || !base.isMap() || over == null || !over.isMap()) {
            return over != null ? over : base;
        }
        YamlNode out = map(over.line);
        base.map.forEach((k, v) -> out.put(k, base.keyLine(k), v));
        over.map.forEach((k, v) -> out.put(k, over.keyLine(k), deepMerge(out.map.get(k), v)));
        return out;
    }
}
