package io.github.yogs0ddhoth.pypi.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the address lists of {@code Author-email} and {@code Maintainer-email}: comma-separated entries, each a bare
 * address or {@code Display Name <address>} (the name may be quoted, and then may contain commas).
 *
 * <p>Each address is checked the way PyPI checks one with {@code email_validator} (no deliverability lookup): a
 * dot-atom local part of at most 64 characters, and a domain name with a period that is not a special-use name.
 * Quoted local parts and IP-literal domains, which {@code email_validator} refuses by default, are refused too.
 */
final class EmailAddresses {

    // RFC 5322 atext, plus any non-ASCII character (internationalised addresses, RFC 6531).
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]+");
    private static final Pattern LABEL =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}-]*[\\p{L}\\p{N}\\p{M}])?");
    // Names the IANA special-use registry reserves; email_validator refuses addresses under them.
    private static final Set<String> SPECIAL_USE = Set.of("arpa", "invalid", "local", "localhost", "onion", "test");
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    private static final int MAX_DOMAIN = 253;

    private EmailAddresses() {}

    /** One problem with one address of a list. */
    record Problem(String address, String reason) {}

    /** Every invalid address in the field, in order; empty if all are valid. */
    static List<Problem> problems(String field) {
        List<Problem> problems = new ArrayList<>();
        for (String entry : splitEntries(field)) {
            String address = addressOf(entry.strip());
            if (address.isEmpty()) {
                continue;
            }
            reason(address).ifPresent(r -> problems.add(new Problem(address, r)));
        }
        return problems;
    }

    // Commas separate entries except inside a quoted display name or inside <...>.
    private static List<String> splitEntries(String field) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && quoted && i + 1 < field.length()) {
                current.append(c).append(field.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle = true;
            } else if (c == '>' && !quoted) {
                angle = false;
            } else if (c == ',' && !quoted && !angle) {
                entries.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        entries.add(current.toString());
        return entries;
    }

    private static String addressOf(String entry) {
        int open = entry.lastIndexOf('<');
        int close = entry.lastIndexOf('>');
        if (open >= 0 && close > open) {
            return entry.substring(open + 1, close).strip();
        }
        return entry;
    }

    /** Why {@code address} is not a valid address, in email_validator's words; empty if it is valid. */
    static Optional<String> reason(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("An email address must have an @-sign.");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return Optional.of("There must be something before the @-sign.");
        }
        if (domain.isEmpty()) {
            return Optional.of("There must be something after the @-sign.");
        }
        if (local.startsWith("\"")) {
            return Optional.of("Quoting the part before the @-sign is not allowed here.");
        }
        if (local.startsWith(".")) {
            return Optional.of("An email address cannot start with a period.");
        }
        if (local.endsWith(".")) {
            return Optional.of("An email address cannot have a period immediately before the @-sign.");
        }
        if (local.contains("..")) {
            return Optional.of("An email address cannot have two periods in a row.");
        }
        for (String atom : local.split("\\.")) {
            if (!ATOM.matcher(atom).matches()) {
                return Optional.of("The email address contains invalid characters before the @-sign: "
                        + invalidCharacters(local) + ".");
            }
        }
        if (local.length() > MAX_LOCAL_PART) {
            return Optional.of("The email address is too long before the @-sign (" + (local.length() - MAX_LOCAL_PART)
                    + " characters too many).");
        }
        return domainReason(domain);
    }

    // email_validator's way of naming the offending characters: SPACE for a space, the character quoted otherwise.
    private static String invalidCharacters(String local) {
        Set<String> shown = new LinkedHashSet<>();
        local.codePoints().filter(c -> c != '.' && !ATOM.matcher(new String(Character.toChars(c))).matches())
                .forEach(c -> shown.add(c == ' ' ? "SPACE" : "\"" + new String(Character.toChars(c)) + "\""));
        return String.join(", ", shown);
    }

    private static Optional<String> domainReason(String domain) {
        if (domain.startsWith("[")) {
            return Optional.of("A bracketed IP address after the @-sign is not allowed here.");
        }
        if (domain.startsWith("-")) {
            return Optional.of("An email address cannot have a hyphen immediately after the @-sign.");
        }
        if (domain.startsWith(".")) {
            return Optional.of("An email address cannot have a period immediately after the @-sign.");
        }
        if (domain.endsWith(".")) {
            return Optional.of("An email address cannot end with a period.");
        }
        if (domain.contains("..")) {
            return Optional.of("An email address cannot have two periods in a row.");
        }
        if (domain.length() > MAX_DOMAIN) {
            return Optional.of("The email address is too long after the @-sign.");
        }
        String[] labels = domain.split("\\.");
        for (String label : labels) {
            if (label.length() > MAX_LABEL) {
                return Optional.of("After the @-sign, periods cannot be separated by so many characters.");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("The part after the @-sign contains invalid characters or a label that starts or"
                        + " ends with a hyphen: '" + label + "'.");
            }
        }
        if (labels.length < 2) {
            return Optional.of("The part after the @-sign is not valid. It should have a period.");
        }
        String tld = labels[labels.length - 1].toLowerCase(Locale.ROOT);
        if (SPECIAL_USE.contains(tld) || domain.equalsIgnoreCase("localhost")) {
            return Optional.of("The part after the @-sign is a special-use or reserved name that cannot be used with"
                    + " email.");
        }
        if (tld.chars().allMatch(Character::isDigit)) {
            return Optional.of("The part after the @-sign is not valid. It is not within a valid top-level domain.");
        }
        return Optional.empty();
    }
}
