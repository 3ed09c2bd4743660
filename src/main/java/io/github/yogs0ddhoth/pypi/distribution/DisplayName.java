package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.file.Path;

/**
 * A file or archive-entry name as it may appear inside a message.
 *
 * <p>Names come from outside: anyone who can put a file under {@code target/} or an entry into an archive chooses
 * them, and a name may hold a line feed. Printed raw, the text after it starts a new log line, and on GitHub Actions a
 * line such as {@code ::stop-commands::x} switches off the runner's masking of secrets for the rest of the job. So
 * every message that names a file escapes it here, where the message is written; the output gate escapes again, which
 * does no harm. Line breaks, tabs and other control characters become {@code \n}, {@code \r}, {@code \t} or
 * {@code \}{@code uXXXX}, and so do the Unicode line and paragraph separators and the bidirectional overrides that can
 * make a name display as another. Backslashes are kept, since they separate Windows paths.
 */
public final class DisplayName {

    private DisplayName() {}

    /** The path as {@link Path#toString()} gives it, escaped. */
    public static String of(Path path) {
        return path == null ? "null" : of(path.toString());
    }

    /** The name, escaped; the same string when there is nothing to escape. */
    public static String of(String name) {
        if (name == null) {
            return "null";
        }
        int first = 0;
        while (first < name.length() && !needsEscape(name.charAt(first))) {
            first++;
        }
        if (first == name.length()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8).append(name, 0, first);
        for (int i = first; i < name.length(); i++) {
            char c = name.charAt(i);
            String escape = escape(c);
            out.append(escape == null ? String.valueOf(c) : escape);
        }
        return out.toString();
    }

    /** Characters of archive text a message shows before it cuts the rest short. */
    static final int SHORTENED_CHARS = 200;

    /**
     * Text from inside an archive (a member name, a link target, a header value), escaped as {@link #of(String)}
     * escapes it and cut after {@value #SHORTENED_CHARS} characters, with its length said: a GNU long name or pax
     * path may be a mebibyte, which would otherwise land on one log line.
     */
    public static String shortened(String text) {
        if (text == null || text.length() <= SHORTENED_CHARS) {
            return of(text);
        }
        return of(text.substring(0, SHORTENED_CHARS)) + "... (" + text.length() + " characters)";
    }

    /**
     * How {@code c} is written in a message: {@code null} when as itself, else its visible escape ({@code \n},
     * {@code \r}, {@code \t} or {@code \}{@code uXXXX}). The output gate uses the same classification.
     */
    public static String escape(char c) {
        if (!needsEscape(c)) {
            return null;
        }
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    /** Whether the name holds a character {@link #of(String)} escapes. */
    public static boolean needsEscaping(String name) {
        return name != null && !of(name).equals(name);
    }

    private static boolean needsEscape(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true; // C0 controls, DEL, C1 controls (U+0085 NEXT LINE among them)
        }
        return c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'); // bidi embeddings, isolates
    }
}
