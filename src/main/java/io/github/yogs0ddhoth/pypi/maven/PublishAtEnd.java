package io.github.yogs0ddhoth.pypi.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Defers publishing in a multi-module build until every module that runs the goal has run it, then lets exactly
 * one of them publish all their distributions together, so a release is never half-published because a later
 * module failed to build. State lives in Maven's per-project plugin contexts, never in static fields, and the
 * final claim is atomic, so parallel builds ({@code -T}) publish once.
 */
final class PublishAtEnd {
    private static final String DIRECTORY = "pypi.publishAtEnd.directory";
    private static final String CLAIMED = "pypi.publishAtEnd.claimed";
    static final String GOAL = "pypi-publish";

    private final MavenSession session;
    private final PluginDescriptor plugin;
    private final List<MavenProject> reactor;

    PublishAtEnd(MavenSession session, PluginDescriptor plugin, List<MavenProject> reactor) {
        this.session = session;
        this.plugin = plugin;
        this.reactor = reactor;
    }

    /**
     * Records this module's directory (null when it skips) and says whether it is the one to publish: the last
     * participating module to get here, with every participant done.
     */
    boolean registerAndClaim(MavenProject project, File packagesDirectory, boolean cliInvocation) {
        context(project).put(DIRECTORY, packagesDirectory == null ? "" : packagesDirectory.getAbsolutePath());
        Map<String, Object> shared = context(reactor.get(0));
        synchronized (shared) {
            for (MavenProject p : participants(cliInvocation)) {
                if (!context(p).containsKey(DIRECTORY)) {
                    return false;
                }
            }
            return shared.putIfAbsent(CLAIMED, Boolean.TRUE) == null;
        }
    }

    /** The directories every participating module registered, in reactor order, skipping modules that skipped. */
    List<File> directories(boolean cliInvocation) {
        List<File> dirs = new ArrayList<>();
        for (MavenProject p : participants(cliInvocation)) {
            Object dir = context(p).get(DIRECTORY);
            if (dir instanceof String s && !s.isEmpty()) {
                dirs.add(new File(s));
            }
        }
        return dirs;
    }

    private Map<String, Object> context(MavenProject project) {
        return session.getPluginContext(plugin, project);
    }

    /** Modules that will run the goal: all of them for a command-line call, else those binding it to a phase. */
    private List<MavenProject> participants(boolean cliInvocation) {
        if (cliInvocation) {
            return reactor;
        }
        return reactor.stream().filter(this::bindsTheGoal).toList();
    }

    private boolean bindsTheGoal(MavenProject project) {
        for (Plugin p : project.getBuildPlugins()) {
            if (!p.getKey().equals(plugin.getPluginLookupKey())) {
                continue;
            }
            for (PluginExecution e : p.getExecutions()) {
                if (e.getGoals().contains(GOAL) && !"none".equals(e.getPhase())) {
                    return true;
                }
            }
        }
        return false;
    }
}
