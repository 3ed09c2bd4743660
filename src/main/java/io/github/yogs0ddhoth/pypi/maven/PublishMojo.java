package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.PublishException;
import io.github.yogs0ddhoth.pypi.PublishRequest;
import io.github.yogs0ddhoth.pypi.Publisher;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.File;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the wheels and sdists of the build to PyPI (or TestPyPI, or any index that speaks PyPI's upload API)
 * through trusted publishing: the CI job's OIDC identity token is exchanged for a 15-minute upload token. There is
 * no password or token parameter, by design.
 */
@Mojo(name = "pypi-publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractMojo {

    /** Skips publishing. */
    @Parameter(property = "pypi.skip", defaultValue = "false")
    private boolean skip;

    /** The directory searched, recursively, for wheels and sdists. */
    @Parameter(property = "pypi.packagesDirectory", defaultValue = "${project.build.directory}", required = true)
    private File packagesDirectory;

    /**
     * Patterns, relative to {@code packagesDirectory}, of the files to publish. A {@code .tar.gz} is published
     * only if it is an sdist (a single top-level directory holding {@code PKG-INFO}); other tarballs, such as a
     * Maven assembly, are ignored.
     */
    @Parameter(property = "pypi.includes", defaultValue = "**/*.whl,**/*.tar.gz")
    private List<String> includes;

    /** Patterns, relative to {@code packagesDirectory}, of files never to publish. They win over includes. */
    @Parameter(property = "pypi.excludes")
    private List<String> excludes;

    /**
     * The index's upload URL, or an alias: {@code pypi} (https://upload.pypi.org/legacy/) or {@code testpypi}
     * (https://test.pypi.org/legacy/). The OIDC endpoints are taken from the same origin. Plain {@code http://}
     * is accepted only for loopback hosts.
     */
    @Parameter(property = "pypi.repositoryUrl", defaultValue = RepositoryUrl.PYPI, required = true)
    private String repositoryUrl;

    /** Finds, reads and hashes the distributions and reports what would be published; requests no token and uploads nothing. */
    @Parameter(property = "pypi.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Parameter(defaultValue = "${settings.offline}", readonly = true)
    private boolean offline;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping PyPI publishing (pypi.skip=true)");
            return;
        }
        if (offline && !dryRun) {
            // Checked here rather than with requiresOnline, which silently skips a lifecycle run.
            throw new MojoFailureException("Cannot publish to PyPI while Maven is offline (-o). Run without -o, or"
                    + " use -Dpypi.dryRun=true to see what would be published.");
        }
        RepositoryUrl repository;
        try {
            repository = RepositoryUrl.parse(repositoryUrl);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        PublishRequest request = new PublishRequest(packagesDirectory.toPath(),
                includes == null || includes.isEmpty() ? List.of("**/*.whl", "**/*.tar.gz") : includes,
                excludes == null ? List.of() : excludes,
                repository, dryRun, System.getenv());
        HttpWireLogging.silence();
        Publisher publisher = new Publisher(new MavenPublishLog(getLog()), System.out,
                HttpSettings.defaults(plugin == null ? "unknown" : plugin.getVersion()), Clock.systemUTC());
        try {
            publisher.publish(request);
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
