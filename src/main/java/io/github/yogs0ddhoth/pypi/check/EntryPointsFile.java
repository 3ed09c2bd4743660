package io.github.yogs0ddhoth.pypi.check;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a wheel's {@code entry_points.txt} as PyPI does: an INI file that Python's configparser reads with {@code =}
 * as the only delimiter and strict duplicate checks, whose {@code console_scripts} and {@code gui_scripts} names are
 * made of word characters, '.' and '-' (a name with '/' could write a script outside the scripts directory).
 */
final class EntryPointsFile {

    private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*=\\s*(.*)");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> SCRIPT_SECTIONS = List.of("console_scripts", "gui_scripts");

    private EntryPointsFile() {}

    /** Why PyPI would refuse the file, or empty if it would accept it. */
    static Optional<String> problem(String text) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        String section = null;
        String option = null;
        int indent = Integer.MAX_VALUE;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            String value = line.strip();
            if (value.startsWith("#") || value.startsWith(";") || value.isEmpty()) {
                if (value.isEmpty()) {
                    indent = Integer.MAX_VALUE;
                }
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            if (section != null && option != null && lineIndent > indent) {
                continue; // a continuation of the previous value
            }
            indent = lineIndent;
            Matcher header = SECTION.matcher(value);
            if (header.lookingAt()) {
                section = header.group(1);
                option = null;
                if (sections.containsKey(section)) {
                    return Optional.of("section '" + section + "' appears twice (line " + number + ")");
                }
                sections.put(section, new HashSet<>());
                continue;
            }
            if (section == null) {
                return Optional.of("line " + number + " '" + value + "' comes before any [section] header");
            }
            Matcher m = OPTION.matcher(value);
            if (!m.matches() || m.group(1).isEmpty()) {
                return Optional.of("line " + number + " '" + value + "' is not 'name = value'");
            }
            option = m.group(1).strip();
            if (!sections.get(section).add(option)) {
                return Optional.of("'" + option + "' appears twice in section '" + section + "' (line " + number
                        + ")");
            }
        }
        for (String scripts : SCRIPT_SECTIONS) {
            for (String name : sections.getOrDefault(scripts, Set.of())) {
                if (!SCRIPT_NAME.matcher(name).matches()) {
                    return Optional.of("invalid entry point name '" + name + "' in '" + scripts + "'");
                }
            }
        }
        return Optional.empty();
    }
}
