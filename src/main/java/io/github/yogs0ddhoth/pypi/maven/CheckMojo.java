package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.ReleaseInspection;
import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.distribution.DistributionException;
import io.github.yogs0ddhoth.pypi.policy.PolicyReport;
import io.github.yogs0ddhoth.pypi.policy.PolicyScope;
import io.github.yogs0ddhoth.pypi.policy.PublishTarget;
import io.github.yogs0ddhoth.pypi.policy.PublishingPolicy;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the release's wheels and sdists the way PyPI will, offline: file names, archive framing, metadata,
 * and the release as a whole. It needs no CI and no network, so every pull request runs the same rules that
 * would otherwise only fail on release day. Prints PASSED or FAILED per file, in the style of twine check.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractPypiMojo {
    /** Skips the check. */
    @Parameter(property = "pypi.check.skip", defaultValue = "false")
    private boolean skip;

    /** Skips the publishing-policy part of the check (the CI workflows against the declared publisher). */
    @Parameter(property = "pypi.policy.skip", defaultValue = "false")
    private boolean policySkip;

    /** Turns the policy's warnings (least privilege, pull_request triggers, reusable workflows) into failures. */
    @Parameter(property = "pypi.policy.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Where the CI definitions are: a repository root or a folder of workflow files. By default the plugin walks
     * up from the project's basedir to the directory holding {@code .git} and reads its
     * {@code .github/workflows/*.yml|*.yaml} and {@code .gitlab-ci.yml}.
     */
    @Parameter(property = "pypi.workflowsDirectory")
    private File workflowsDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoFailureException {
        new KnownConfiguration(plugin).check(project, mojoExecution, session, getLog());
        if (skip) {
            getLog().info("Skipping the PyPI release check (pypi.check.skip=true)");
            return;
        }
        // File names and workflow files come from outside: they pass the output gate like every publish line.
        PublishLog out = new SecretMasker(null).redacting(new MavenPublishLog(getLog()));
        ReleaseInspection.Result result;
        try {
            result = new ReleaseInspection(out).inspect(
                    java.util.List.of(packagesDirectory.toPath()), includes(), excludes(),
                    Optional.ofNullable(expectedVersion()));
        } catch (DistributionException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        ValidationReport validation = result.validation();
        out.info(validation.render());
        PolicyReport policy = policySkip ? null : policy(out);
        if (validation.hasErrors()) {
            throw new MojoFailureException("The release check FAILED: " + validation.errors().size()
                    + " problem(s) would make the index refuse this release. See the report above.");
        }
        if (policy != null && policy.hasErrors(failOnWarning)) {
            throw new MojoFailureException("The publishing policy check FAILED: the CI workflows break a rule of"
                    + " trusted publishing. See the FAIL lines above.");
        }
    }

    private PolicyReport policy(PublishLog out) throws MojoFailureException {
        PublishTarget fallback = new PublishTarget(repositoryUrl, declaredPublisher());
        List<PublishTarget> targets = PublishTargets.of(project,
                plugin == null ? "" : plugin.getPluginLookupKey(), fallback);
        for (PublishTarget target : targets) {
            try {
                target.publisher().requireMatchable();
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("The pypi-publish execution for " + target.repositoryUrl() + ": "
                        + e.getMessage());
            }
        }
        Path basedir = project == null ? packagesDirectory.toPath() : project.getBasedir().toPath();
        PolicyReport report;
        try {
            report = PolicyScope.applicable(PublishingPolicy.check(basedir,
                    workflowsDirectory == null ? null : workflowsDirectory.toPath(), targets), targets);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the CI definitions: " + e.getMessage(), e);
        }
        getLog().info("Publishing policy (" + targets.size() + " target(s)):");
        if (!PolicyScope.anyDeclared(targets)) {
            getLog().info("  No trusted publisher is declared (<publisher> or pypi.publisher.*): only the no-stored-credentials rule"
                    + " is checked. Declare the publisher to check the workflows against it.");
        }
        for (String line : report.render(failOnWarning).lines().toList()) {
            if (line.startsWith("FAIL")) {
                out.error(line);
            } else if (line.startsWith("WARN")) {
                out.warn(line);
            } else {
                out.info(line);
            }
        }
        return report;
    }
}
