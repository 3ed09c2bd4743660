package io.github.yogs0ddhoth.pypi.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SPDX license expressions as {@code packaging.licenses.canonicalize_license_expression} accepts them (Metadata 2.4,
 * PEP 639): identifiers from the SPDX license list (case-insensitive, optionally with a trailing {@code +}),
 * {@code LicenseRef-} references, {@code AND}/{@code OR}, {@code WITH} an SPDX exception, and parentheses. The lists
 * ship as {@code spdx-licenses.txt} and {@code spdx-exceptions.txt} beside this class.
 */
final class LicenseExpression {

    private static final Pattern LICENSE_REF = Pattern.compile("licenseref-[a-z0-9.-]*");

    private record Lists(Set<String> licenses, Set<String> exceptions) {}

    private final Once<Lists> lists;

    LicenseExpression(Set<String> licenses, Set<String> exceptions) {
        Lists l = new Lists(lower(licenses), lower(exceptions));
        this.lists = new Once<>(() -> l);
    }

    private LicenseExpression(Once<Lists> lists) {
        this.lists = lists;
    }

    /** The shipped lists, read on first use: most releases have no License-Expression (about 35 ms, cold). */
    static LicenseExpression load() {
        return load(ResourceLines::read);
    }

    /** @param lines reads a resource's lines; called on the first expression checked, once per list */
    static LicenseExpression load(java.util.function.Function<String, List<String>> lines) {
        return new LicenseExpression(new Once<>(() -> new Lists(lower(Set.copyOf(lines.apply("spdx-licenses.txt"))),
                lower(Set.copyOf(lines.apply("spdx-exceptions.txt"))))));
    }

    private static Set<String> lower(Set<String> ids) {
        return ids.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code expression} is not valid, in packaging's words; empty if it is valid. */
    Optional<String> problem(String expression) {
        String invalid = "Invalid license expression: '" + expression + "'";
        if (expression.isEmpty()) {
            return Optional.of(invalid);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : expression.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            tokens.add(token.toLowerCase(Locale.ROOT));
        }
        if (!new Grammar(tokens).valid()) {
            return Optional.of(invalid);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (isOperator(token)) {
                continue;
            }
            if (i > 0 && tokens.get(i - 1).equals("with")) {
                if (!lists.get().exceptions().contains(token)) {
                    return Optional.of("Unknown license exception: '" + token + "'");
                }
                continue;
            }
            String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
            if (id.startsWith("licenseref-")) {
                if (!LICENSE_REF.matcher(id).matches()) {
                    return Optional.of("Invalid licenseref: '" + id + "'");
                }
            } else if (!lists.get().licenses().contains(id)) {
                return Optional.of("Unknown license: '" + id + "'");
            }
        }
        return Optional.empty();
    }

    private static boolean isOperator(String token) {
        return token.equals("and") || token.equals("or") || token.equals("with") || token.equals("(")
                || token.equals(")");
    }

    /** expression := term (('and' | 'or' | 'with') term)* ; term := identifier | '(' expression ')' */
    private static final class Grammar {
        private final List<String> tokens;
        private int pos;

        Grammar(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean valid() {
            return expression() && pos == tokens.size();
        }

        private boolean expression() {
            if (!term()) {
                return false;
            }
            while (pos < tokens.size() && isBinary(tokens.get(pos))) {
                pos++;
                if (!term()) {
                    return false;
                }
            }
            return true;
        }

        private boolean term() {
            if (pos >= tokens.size()) {
                return false;
            }
            String token = tokens.get(pos++);
            if (token.equals("(")) {
                return expression() && pos < tokens.size() && tokens.get(pos++).equals(")");
            }
            return !isOperator(token);
        }

        private static boolean isBinary(String token) {
            return token.equals("and") || token.equals("or") || token.equals("with");
        }
    }
}
