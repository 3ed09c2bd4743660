package io.github.yogs0ddhoth.pypi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * README's parameter tables against the plugin descriptor that maven-plugin-plugin generated from the mojos
 * ({@code target/classes/META-INF/maven/plugin.xml}, written in {@code process-classes}, before the tests): every
 * parameter a user can set has a row, with its user property and its default, and every row names a parameter
 * that exists. A parameter added, renamed or given another default without its README row fails here.
 */
class ReadmeParametersTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** For each documented goal, the README heading whose table lists its parameters. */
    private static final Map<String, String> TABLES = Map.of(
            "pypi-publish", "## Parameters of `pypi-publish`",
            "check", "## The `check` goal");

    record Parameter(String name, String property, String defaultValue) {}

    record Row(List<String> names, String property, String defaultValue, String line) {
        boolean names(String parameter) {
            return names.stream().anyMatch(n -> n.equals(parameter)
                    || n.endsWith("*") && parameter.startsWith(n.substring(0, n.length() - 1)));
        }
    }

    @Test
    void everyParameterOfEveryGoalHasItsRowWithItsPropertyAndDefault() throws Exception {
        Map<String, List<Parameter>> goals = descriptor();
        String readme = Files.readString(BASEDIR.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(goals.keySet()).containsAll(TABLES.keySet());
        List<String> problems = new ArrayList<>();

        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            String goal = table.getKey();
            List<Row> rows = rows(readme, table.getValue());
            assertThat(rows).as("the parameter table under %s", table.getValue()).isNotEmpty();
            for (Parameter p : goals.get(goal)) {
                Row row = rows.stream().filter(r -> r.names(p.name())).findFirst().orElse(null);
                if (row == null) {
                    problems.add(goal + ": parameter `" + p.name() + "` has no row in README's table");
                    continue;
                }
                if (row.property().contains("as for `pypi-publish`")) {
                    // A row that refers to pypi-publish's table: that table's row must then be right for it.
                    Parameter publishSide = goals.get("pypi-publish").stream()
                            .filter(q -> q.name().equals(p.name())).findFirst().orElse(null);
                    if (publishSide == null || !publishSide.equals(p)) {
                        problems.add(goal + ": `" + p.name() + "` is documented \"as for pypi-publish\", but differs"
                                + " from it: " + p + " against " + publishSide);
                    }
                    continue;
                }
                check(goal, p, row, problems);
            }
            for (Row row : rows) {
                for (String name : row.names()) {
                    boolean exists = goals.get(goal).stream().anyMatch(p -> new Row(List.of(name), "", "", "")
                            .names(p.name()));
                    if (!exists) {
                        problems.add(goal + ": README's row names `" + name + "`, which is no parameter of the goal: "
                                + row.line());
                    }
                }
            }
        }
        assertThat(problems).as("README parameter tables against %s", descriptorPath()).isEmpty();
    }

    private static void check(String goal, Parameter p, Row row, List<String> problems) {
        List<String> properties = codes(row.property());
        if (p.property() == null) {
            if (properties.stream().anyMatch(s -> s.startsWith("pypi."))) {
                problems.add(goal + ": `" + p.name() + "` has no user property, but README gives " + properties);
            }
        } else if (!properties.contains(p.property())) {
            problems.add(goal + ": `" + p.name() + "` is set by the property `" + p.property() + "`, README says "
                    + row.property().strip());
        }
        if (p.defaultValue() != null) {
            List<String> defaults = codes(row.defaultValue());
            for (String value : p.defaultValue().split(",")) {
                if (!defaults.contains(value.strip())) {
                    problems.add(goal + ": `" + p.name() + "` defaults to `" + p.defaultValue() + "`, README says "
                            + row.defaultValue().strip());
                }
            }
        }
    }

    /** The rows of the first {@code | Parameter | Property | Default | ...} table after the heading. */
    static List<Row> rows(String readme, String heading) {
        int at = readme.indexOf(heading);
        assertThat(at).as("README has the heading %s", heading).isNotNegative();
        String rest = readme.substring(at + heading.length());
        int next = rest.indexOf("\n## ");
        String section = next < 0 ? rest : rest.substring(0, next);
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("| Parameter | Property | Default |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("|")) {
                String[] cells = line.split("(?<!\\\\)\\|", -1);
                rows.add(new Row(codes(cells[1]), cells[2], cells[3], line));
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Path descriptorPath() {
        return BASEDIR.resolve("target/classes/META-INF/maven/plugin.xml");
    }

    /** Goal to the parameters a user can set (editable ones), from the generated descriptor. */
    static Map<String, List<Parameter>> descriptor() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptorPath().toFile());
        Map<String, List<Parameter>> goals = new LinkedHashMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent();
            Element configuration = child(mojo, "configuration");
            List<Parameter> parameters = new ArrayList<>();
            for (Element p : children(child(mojo, "parameters"), "parameter")) {
                if (!"true".equals(child(p, "editable").getTextContent())) {
                    continue;
                }
                String name = child(p, "name").getTextContent();
                Element c = configuration == null ? null : child(configuration, name);
                String expression = c == null ? null : c.getTextContent().strip();
                String property = expression != null && expression.startsWith("${") && expression.endsWith("}")
                        ? expression.substring(2, expression.length() - 1) : null;
                String defaultValue = c == null || !c.hasAttribute("default-value") ? null
                        : c.getAttribute("default-value");
                parameters.add(new Parameter(name, property, defaultValue));
            }
            goals.put(goal, parameters);
        }
        return goals;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
