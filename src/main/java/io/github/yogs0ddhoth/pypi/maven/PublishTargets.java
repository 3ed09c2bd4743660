package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import io.github.yogs0ddhoth.pypi.policy.PublishTarget;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The indexes this project publishes to, read from its {@code pypi-publish} executions, so that the {@code check}
 * goal can hold each one's publisher against the workflows (for example TestPyPI, then PyPI).
 */
final class PublishTargets {
    private PublishTargets() {}

    static List<PublishTarget> of(MavenProject project, String pluginKey, PublishTarget fallback) {
        List<PublishTarget> targets = new ArrayList<>();
        if (project != null) {
            for (Plugin plugin : project.getBuildPlugins()) {
                if (!plugin.getKey().equals(pluginKey)) {
                    continue;
                }
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains(PublishAtEnd.GOAL)) {
                        targets.add(target((Xpp3Dom) execution.getConfiguration(), fallback));
                    }
                }
            }
        }
        return targets.isEmpty() ? List.of(fallback) : targets;
    }

    /**
     * An execution's own values, and the goal's parameters (including -D properties) where it sets none. Inside the
     * execution, as in the mojo, the nested {@code <publisher>} element wins field by field over the flat ones.
     */
    private static PublishTarget target(Xpp3Dom config, PublishTarget fallback) {
        PublisherDeclaration f = fallback.publisher();
        PublisherDeclaration flat = new PublisherDeclaration(value(config, "publisherRepository", f.repository()),
                value(config, "publisherWorkflow", f.workflow()),
                value(config, "publisherEnvironment", f.environment()),
                value(config, "publisherEmail", f.email()));
        Xpp3Dom nested = config == null ? null : config.getChild("publisher");
        PublisherDeclaration declared = nested == null ? flat
                : flat.overriddenBy(new PublisherDeclaration(value(nested, "repository", null),
                        value(nested, "workflow", null), value(nested, "environment", null),
                        value(nested, "email", null)));
        return new PublishTarget(value(config, "repositoryUrl", fallback.repositoryUrl()), declared);
    }

    private static String value(Xpp3Dom config, String name, String fallback) {
        Xpp3Dom child = config == null ? null : config.getChild(name);
        String v = child == null ? null : child.getValue();
        return v == null || v.isBlank() || v.contains("${") ? fallback : v.trim();
    }
}
