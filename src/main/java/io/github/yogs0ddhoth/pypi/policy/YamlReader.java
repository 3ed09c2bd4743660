package io.github.yogs0ddhoth.pypi.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads the first document of a YAML file into {@link YamlNode}s, keeping the line each value starts on (a plain
 * {@code readTree} forgets locations). Aliases are kept as the alias name, not resolved.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Thrown for YAML that does not parse; {@link #line()} is where, 0 if unknown. */
    static final class YamlException extends Exception {
        private final int line;

        YamlException(String message, int line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private YamlReader() {
    }

    /** The document's root, or an empty map for an empty document. */
    static YamlNode read(String yaml) throws YamlException {
        try (JsonParser p = FACTORY.createParser(new StringReader(yaml))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return YamlNode.map(1);
            }
            return value(p);
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            return rethrow(e.getOriginalMessage(), line, e);
        } catch (IOException e) {
            return rethrow(e.getMessage(), 0, e);
        }
    }

    private static YamlNode rethrow(String message, int line, Exception e) throws YamlException {
        throw new YamlException(message, line, e);
    }

    private static YamlNode value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        switch (t) {
            case START_OBJECT: {
                YamlNode map = YamlNode.map(line);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    map.put(key, keyLine, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                YamlNode list = YamlNode.list(line);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_NULL:
                return YamlNode.nullNode(line);
            default:
                return YamlNode.scalar(line, p.getText());
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }
}
