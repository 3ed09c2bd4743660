package io.github.yogs0ddhoth.pypi.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specifier ({@code requests[socks] >=2.31 ; python_version < "3.13"}, or
 * {@code pkg @ https://...}), parsed with the grammar of {@code packaging.requirements.Requirement}. The parser only
 * checks syntax; markers are not evaluated.
 *
 * @param name the project name as written
 * @param extras the extras as written
 * @param specifier the version specifier text, empty if none
 * @param url the URL of a direct reference ({@code name @ url}), or null
 */
record DependencySpecifier(String name, List<String> extras, String specifier, String url) {

    /** Why a text is not a dependency specifier: a message and the character position where parsing stopped. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message, int position) {
            super(message + " (at character " + (position + 1) + ")");
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z0-9][a-zA-Z0-9._-]*\\b");
    private static final Pattern WS = Pattern.compile("[ \\t]+");
    private static final Pattern URL = Pattern.compile("[^ \\t]+");
    private static final Pattern SPECIFIER = Pattern.compile(VersionSpecifiers.SPECIFIER, Pattern.CASE_INSENSITIVE);
    private static final Pattern PREFIX_TRAIL = Pattern.compile("\\.\\*");
    private static final Pattern LOCAL_TRAIL = Pattern.compile(Pep440Version.unnamed(Pep440Version.LOCAL));
    private static final Pattern QUOTED_STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern OP = Pattern.compile("===|==|~=|!=|<=|>=|<|>");
    private static final Pattern BOOLOP = Pattern.compile("\\b(?:or|and)\\b");
    private static final Pattern IN = Pattern.compile("\\bin\\b");
    private static final Pattern NOT = Pattern.compile("\\bnot\\b");
    private static final Pattern VARIABLE = Pattern.compile("\\b(?:python_version|python_full_version|os[._]name"
            + "|sys[._]platform|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)"
            + "|python_implementation|implementation_(?:name|version)|extras?|dependency_groups)\\b");

    /** Parses {@code text}, throwing a {@link SyntaxError} that says what was expected where. */
    static DependencySpecifier parse(String text) throws SyntaxError {
        return new Parser(text).requirement();
    }

    /** A recursive-descent parser over the token rules above, one method per grammar rule. */
    private static final class Parser {
        private final String source;
        private int pos;

        Parser(String source) {
            this.source = source;
        }

        DependencySpecifier requirement() throws SyntaxError {
            consume(WS);
            String name = expect(IDENTIFIER, "package name at the start of dependency specifier");
            consume(WS);
            List<String> extras = extras();
            consume(WS);
            String specifier = "";
            String url = null;
            if (check("@")) {
                pos++;
                consume(WS);
                url = expect(URL, "URL after @");
                if (!atEnd()) {
                    expect(WS, "whitespace after URL");
                    if (!atEnd()) {
                        marker("semicolon (after URL and whitespace)");
                    }
                }
            } else {
                specifier = specifier();
                consume(WS);
                if (!atEnd()) {
                    marker(specifier.isEmpty()
                            ? "semicolon (after name with no version specifier)"
                            : "comma (within version specifier), semicolon (after version specifier)");
                }
            }
            if (!atEnd()) {
                throw error("Expected end of dependency specifier");
            }
            return new DependencySpecifier(name, List.copyOf(extras), specifier, url);
        }

        private List<String> extras() throws SyntaxError {
            List<String> extras = new ArrayList<>();
            if (!check("[")) {
                return extras;
            }
            pos++;
            consume(WS);
            if (matches(IDENTIFIER)) {
                extras.add(read(IDENTIFIER));
                while (true) {
                    consume(WS);
                    if (matches(IDENTIFIER)) {
                        throw error("Expected comma between extra names");
                    }
                    if (!check(",")) {
                        break;
                    }
                    pos++;
                    consume(WS);
                    extras.add(expect(IDENTIFIER, "extra name after comma"));
                }
            }
            consume(WS);
            if (!check("]")) {
                throw error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras");
            }
            pos++;
            return extras;
        }

        private String specifier() throws SyntaxError {
            boolean parenthesised = check("(");
            if (parenthesised) {
                pos++;
            }
            consume(WS);
            StringBuilder text = new StringBuilder();
            while (matches(SPECIFIER)) {
                text.append(read(SPECIFIER));
                if (matches(PREFIX_TRAIL)) {
                    throw error(".* suffix can only be used with `==` or `!=` operators");
                }
                if (matches(LOCAL_TRAIL)) {
                    throw error("Local version label can only be used with `==` or `!=` operators");
                }
                consume(WS);
                if (!check(",")) {
                    break;
                }
                pos++;
                text.append(',');
                consume(WS);
            }
            consume(WS);
            if (parenthesised) {
                if (!check(")")) {
                    throw error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier");
                }
                pos++;
            }
            return text.toString();
        }

        private void marker(String expected) throws SyntaxError {
            if (!check(";")) {
                throw error("Expected " + expected + " or end");
            }
            pos++;
            markerExpression();
            consume(WS);
        }

        private void markerExpression() throws SyntaxError {
            markerAtom();
            while (matches(BOOLOP)) {
                read(BOOLOP);
                markerAtom();
            }
        }

        private void markerAtom() throws SyntaxError {
            consume(WS);
            if (check("(")) {
                pos++;
                consume(WS);
                markerExpression();
                consume(WS);
                if (!check(")")) {
                    throw error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression");
                }
                pos++;
            } else {
                markerVariable();
                consume(WS);
                markerOperator();
                consume(WS);
                markerVariable();
            }
            consume(WS);
        }

        private void markerVariable() throws SyntaxError {
            if (matches(VARIABLE)) {
                read(VARIABLE);
            } else if (matches(QUOTED_STRING)) {
                read(QUOTED_STRING);
            } else {
                throw error("Expected a marker variable or quoted string");
            }
        }

        private void markerOperator() throws SyntaxError {
            if (matches(IN)) {
                read(IN);
            } else if (matches(NOT)) {
                read(NOT);
                expect(WS, "whitespace after 'not'");
                expect(IN, "'in' after 'not'");
            } else if (matches(OP)) {
                read(OP);
            } else {
                throw error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
            }
        }

        private boolean atEnd() {
            return pos >= source.length();
        }

        private boolean check(String literal) {
            return source.startsWith(literal, pos);
        }

        private boolean matches(Pattern token) {
            return pos < source.length() && matcher(token).lookingAt();
        }

        private String read(Pattern token) {
            Matcher m = matcher(token);
            if (!m.lookingAt()) {
                throw new IllegalStateException("read without a successful match");
            }
            pos = m.end();
            return m.group();
        }

        // Transparent bounds let \b see the character before the current position, as Python's
        // pattern.match(source, pos) does.
        private Matcher matcher(Pattern token) {
            return token.matcher(source).region(pos, source.length()).useTransparentBounds(true);
        }

        private void consume(Pattern token) {
            if (matches(token)) {
                read(token);
            }
        }

        private String expect(Pattern token, String expected) throws SyntaxError {
            if (!matches(token)) {
                throw error("Expected " + expected);
            }
            return read(token);
        }

        private SyntaxError error(String message) {
            return new SyntaxError(message, pos);
        }
    }
}
