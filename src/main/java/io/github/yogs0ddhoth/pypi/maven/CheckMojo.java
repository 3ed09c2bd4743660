package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.ReleaseInspection;
import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.dist.DistributionException;
import java.util.Optional;
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

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the PyPI release check (pypi.check.skip=true)");
            return;
        }
        ReleaseInspection.Result result;
        try {
            result = new ReleaseInspection(new MavenPublishLog(getLog())).inspect(
                    java.util.List.of(packagesDirectory.toPath()), includes(), excludes(),
                    Optional.ofNullable(expectedVersion()));
        } catch (DistributionException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        ValidationReport validation = result.validation();
        validation.render().lines().forEach(line -> getLog().info(line));
        if (validation.hasErrors()) {
            throw new MojoFailureException("The release check FAILED: " + validation.errors().size()
                    + " problem(s) would make the index refuse this release. See the report above.");
        }
    }
}
