package io.github.yogs0ddhoth.pypi.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Refuses configuration the plugin does not understand. Maven 3.8 drops an unknown element without a word and
 * 3.9 prints one warning that scrolls by; for a publishing tool a silently ignored {@code <publisher>} or
 * {@code <dryrun>} is a release that does something other than what the pom says. So an unknown element in the
 * plugin's configuration fails the build, and an unknown {@code pypi.*} property is warned about once per build.
 */
final class KnownConfiguration {
    private static final String WARNED = "pypi.knownConfiguration.warned";

    private final PluginDescriptor plugin;

    KnownConfiguration(PluginDescriptor plugin) {
        this.plugin = plugin;
    }

    /** Checks the pom's configuration of this plugin for the running execution, and the {@code pypi.*} properties. */
    void check(MavenProject project, MojoExecution execution, MavenSession session, Log log)
            throws MojoFailureException {
        if (plugin == null || project == null) {
            return;
        }
        warnUnknownProperties(project, session, log);
        List<String> problems = new ArrayList<>();
        for (Plugin p : project.getBuildPlugins()) {
            if (!p.getKey().equals(plugin.getPluginLookupKey())) {
                continue;
            }
            Xpp3Dom shared = (Xpp3Dom) p.getConfiguration();
            problems.addAll(unknownElements(shared, null, allParameters(), "<configuration>"));
            for (PluginExecution e : p.getExecutions()) {
                if (execution != null && e.getId().equals(execution.getExecutionId())) {
                    problems.addAll(unknownElements((Xpp3Dom) e.getConfiguration(), shared,
                            parametersOf(e.getGoals()), "<execution> '" + e.getId() + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("The configuration of " + plugin.getArtifactId() + " in "
                    + project.getFile() + " has " + problems.size() + " element(s) the plugin does not know, so it"
                    + " would not do what the pom says:\n  " + String.join("\n  ", problems)
                    + "\nFix the name, or remove the element. `mvn " + plugin.getGoalPrefix()
                    + ":help -Ddetail` lists every parameter.");
        }
    }

    /**
     * @param shared the plugin-level configuration, which Maven merges into every execution: an element from there
     *     is judged once, against every goal, not against this execution's goals
     */
    private List<String> unknownElements(Xpp3Dom config, Xpp3Dom shared, Set<String> known, String where) {
        List<String> problems = new ArrayList<>();
        if (config == null) {
            return problems;
        }
        for (Xpp3Dom child : config.getChildren()) {
            if (shared != null && shared.getChild(child.getName()) != null) {
                continue;
            }
            if (!known.contains(child.getName())) {
                problems.add(where + ": <" + child.getName() + ">" + suggestion(child.getName(), known));
            }
        }
        return problems;
    }

    private Set<String> allParameters() {
        Set<String> names = new HashSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            names.addAll(namesOf(mojo));
        }
        return names;
    }

    private Set<String> parametersOf(List<String> goals) {
        Set<String> names = new HashSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (goals.contains(mojo.getGoal())) {
                names.addAll(namesOf(mojo));
            }
        }
        return names.isEmpty() ? allParameters() : names;
    }

    private static Set<String> namesOf(MojoDescriptor mojo) {
        Set<String> names = new HashSet<>();
        if (mojo.getParameters() != null) {
            for (Parameter p : mojo.getParameters()) {
                if (p.isEditable()) {
                    names.add(p.getName());
                    if (p.getAlias() != null) {
                        names.add(p.getAlias());
                    }
                }
            }
        }
        return names;
    }

    private Set<String> knownProperties() {
        Set<String> names = new HashSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (Parameter p : mojo.getParameters()) {
                String e = p.getExpression();
                if (e != null && e.startsWith("${") && e.endsWith("}")) {
                    names.add(e.substring(2, e.length() - 1));
                }
            }
        }
        return names;
    }

    private void warnUnknownProperties(MavenProject project, MavenSession session, Log log) {
        Set<String> seen = new TreeSet<>();
        if (session != null) {
            collect(session.getUserProperties(), seen);
        }
        collect(project.getProperties(), seen);
        Set<String> known = knownProperties();
        seen.removeIf(known::contains);
        // Our own bookkeeping keys live in plugin contexts, not properties, but stay clear of them anyway.
        seen.removeIf(name -> name.startsWith("pypi.publishAtEnd.") || name.equals(WARNED));
        if (seen.isEmpty() || !firstWarning(session)) {
            return;
        }
        for (String name : seen) {
            log.warn("The property " + name + " is set, but no goal of " + plugin.getArtifactId() + " reads it"
                    + suggestion(name, known) + "; it has no effect.");
        }
    }

    private boolean firstWarning(MavenSession session) {
        if (session == null || session.getTopLevelProject() == null) {
            return true;
        }
        Map<String, Object> context = session.getPluginContext(plugin, session.getTopLevelProject());
        synchronized (context) {
            return context.putIfAbsent(WARNED, Boolean.TRUE) == null;
        }
    }

    private static void collect(Properties properties, Set<String> into) {
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith("pypi.")) {
                    into.add(name);
                }
            }
        }
    }

    /** The closest known name, when one is close enough to be the intended one. */
    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new LinkedHashSet<>(new TreeSet<>(known))) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 4));
        return best != null && bestDistance <= allowed ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
