package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.PublishException;
import io.github.yogs0ddhoth.pypi.PublishRequest;
import io.github.yogs0ddhoth.pypi.attest.ReleaseAttester;
import io.github.yogs0ddhoth.pypi.Publisher;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.Preload;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
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
public class PublishMojo extends AbstractPypiMojo {

    /** Skips publishing. */
    @Parameter(property = "pypi.skip", defaultValue = "false")
    private boolean skip;


    /** Finds, reads and hashes the distributions and reports what would be published; requests no token and uploads nothing. */
    @Parameter(property = "pypi.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * When the index already has a file of the same name with different bytes (or, on TestPyPI, already has an
     * sdist for the release), warn and move on instead of failing. A file with identical bytes is always counted
     * as done, with or without this flag.
     */
    @Parameter(property = "pypi.skipExisting", defaultValue = "false")
    private boolean skipExisting;

    /**
     * How many times a request is tried again after a transport error, a timeout, 429 or 5xx, with exponential
     * backoff and jitter (2 s doubling, at most 30 s). Before re-posting a file, the index is asked whether the
     * failed attempt stored it.
     */
    @Parameter(property = "pypi.retries", defaultValue = "3")
    private int retries;

    /**
     * How many files are uploaded at once, 1 to 16. Wheels go first and the sdist only after every wheel is on the
     * index; the first file that fails stops new uploads from starting (those on their way finish). 1 uploads one
     * file after the other.
     */
    @Parameter(property = "pypi.parallelUploads", defaultValue = "4")
    private int parallelUploads;

    /**
     * Seconds one attempt at a small exchange may take in all (connect, answer and body): the audience, the ID
     * token, the token exchange, an index lookup, and an upload's answer once its body is sent. A server that
     * trickles its answer or never ends it is cut off here. 1 to 600.
     */
    @Parameter(property = "pypi.exchangeTimeout", defaultValue = "30")
    private int exchangeTimeout;

    /**
     * Send each file before its digests and compute them while it is sent, so that a large file is read once and
     * its upload costs little more than its hashing. Only an index that parses the whole form before it reads the
     * digests accepts that order: by default on for PyPI and TestPyPI (which do), off for every other index, which
     * gets twine's order (digests first, so each file is hashed before its upload). {@code false} always uses
     * twine's order.
     */
    @Parameter(property = "pypi.hashWhileUploading")
    private Boolean hashWhileUploading;

    /**
     * The simple index (PEP 691 JSON) asked, before the first upload, which files the index already has: the
     * index's origin ({@code https://pypi.org}) or its simple root ({@code https://pypi.org/simple/}) mean the same.
     * {@code none} turns the lookups off. Defaults to https://pypi.org/simple/ for PyPI, and to
     * {@code <origin>/simple/} of {@code repositoryUrl} otherwise.
     */
    @Parameter(property = "pypi.checkUrl")
    private String checkUrl;

    /** Where the machine-readable report of the run is written. */
    @Parameter(property = "pypi.reportFile", defaultValue = "${project.build.directory}/pypi-publish/report.json")
    private File reportFile;

    /**
     * In a multi-module build, collect the distributions of every module that runs this goal and publish them
     * once, from the last of those modules, so a failed module never leaves a release half-published. Nothing is
     * published if any module failed.
     */
    @Parameter(property = "pypi.publishAtEnd", defaultValue = "false")
    private boolean publishAtEnd;

    /**
     * Sign each file with a PEP 740 publish attestation (Sigstore: a Fulcio certificate for the CI's identity and
     * a public Rekor entry), verify it locally, and upload it with the file, for PyPI and TestPyPI. Needs a second
     * ID token of audience {@code sigstore} (on GitLab an {@code id_tokens} entry {@code SIGSTORE_ID_TOKEN}).
     */
    @Parameter(property = "pypi.attestations", defaultValue = "true")
    private boolean attestations;

    /**
     * A Sigstore ClientTrustConfig JSON file (a TrustedRoot and a SigningConfig v0.2) to sign and verify
     * attestations with instead of Sigstore's public-good instance, which PyPI verifies against.
     */
    @Parameter(property = "pypi.sigstore.trustConfig")
    private File sigstoreTrustConfig;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    private List<MavenProject> reactorProjects;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /**
     * Fails the build when a long-lived PyPI token is within its reach (PYPI_API_TOKEN, TWINE_PASSWORD, a
     * {@code pypi-…} value in the environment, or a settings.xml server {@code pypi}/{@code testpypi}). Set it to
     * false, in the pom where review sees it, only while migrating away: the failure then becomes a loud warning.
     */
    @Parameter(property = "pypi.failOnStoredToken", defaultValue = "true")
    private boolean failOnStoredToken;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${settings.offline}", readonly = true)
    private boolean offline;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The process environment; a field so that tests can run the goal as if on, or off, a CI. */
    Map<String, String> environment = System.getenv();

    /** Where the host's DMI product name is read, the host fact that recognises Google Cloud; tests point it away. */
    Path dmiProductName = DmiProductName.LINUX;

    @Override
    public void execute() throws MojoFailureException {
        if (!skip) {
            boolean https = repositoryUrl == null
                    || !repositoryUrl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("http://");
            // Attestations are made for https indexes only (PyPI, TestPyPI, or one with its own trust config).
            Preload.inBackground(https, attestations && https);
        }
        new KnownConfiguration(plugin).check(project, mojoExecution, session, getLog());
        if (skip) {
            getLog().info("Skipping PyPI publishing (pypi.skip=true)");
            if (!publishAtEnd) {
                return;
            }
        }
        if (offline && !dryRun) {
            // Checked here rather than with requiresOnline, which silently skips a lifecycle run.
            throw new MojoFailureException("Cannot publish to PyPI while Maven is offline (-o). Run without -o, or"
                    + " use -Dpypi.dryRun=true to see what would be published.");
        }
        PublishRequest.Builder request;
        try {
            request = PublishRequest.builder(
                            RepositoryUrl.parse(repositoryUrl).withHashWhileUploading(hashWhileUploading),
                            CiContext.of(environment, DmiProductName.read(dmiProductName)))
                    .retries(retries)
                    .parallelUploads(parallelUploads);
            if (exchangeTimeout < 1 || exchangeTimeout > 600) {
                throw new MojoFailureException("pypi.exchangeTimeout must be between 1 and 600 seconds, was "
                        + exchangeTimeout + ".");
            }
            request.checkUrl(checkUrl);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        List<File> directories = List.of(packagesDirectory);
        if (publishAtEnd) {
            // A skipping module still registers, so that the last module knows every module is done.
            directories = publishIfLast(skip ? null : packagesDirectory);
            if (directories.isEmpty()) {
                return;
            }
        }
        request.packagesDirectories(directories.stream().map(File::toPath).toList())
                .includes(includes())
                .excludes(excludes())
                .dryRun(dryRun)
                .skipExisting(skipExisting)
                .reportFile(reportFile == null ? null : reportFile.toPath())
                .publisher(declaredPublisher())
                .failOnStoredToken(failOnStoredToken)
                .serverIds(settings == null ? List.of() : settings.getServers().stream().map(Server::getId).toList())
                .expectedVersion(expectedVersion());
        HttpWireLogging.silence();
        Publisher publisher = new Publisher(new MavenPublishLog(getLog()), ProcessStdout.open(),
                HttpSettings.defaults(plugin == null ? "unknown" : plugin.getVersion())
                        .withExchangeTimeout(Duration.ofSeconds(exchangeTimeout))
                        .withProxies(new SettingsProxyChooser(session == null ? null : session.getRepositorySession())),
                Clock.systemUTC());
        try {
            publisher.publish(request.build(), new ReleaseAttester.Options(attestations,
                    sigstoreTrustConfig == null ? null : sigstoreTrustConfig.toPath(),
                    reportFile == null ? null : reportFile.toPath().resolveSibling("attestations")));
        } catch (PublishException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Returns the directories to publish now, or none when another module will publish (or nobody should). */
    private List<File> publishIfLast(File directory) {
        boolean cli = mojoExecution != null && "default-cli".equals(mojoExecution.getExecutionId());
        PublishAtEnd atEnd = new PublishAtEnd(session, plugin, reactorProjects);
        if (!atEnd.registerAndClaim(project, directory, cli)) {
            if (directory != null) {
                getLog().info("Deferring PyPI publishing of " + project.getArtifactId() + " to the end of the build"
                        + " (pypi.publishAtEnd=true)");
            }
            return List.of();
        }
        if (session.getResult() != null && session.getResult().hasExceptions()) {
            getLog().warn("Not publishing to PyPI: a module of this build failed, and pypi.publishAtEnd=true"
                    + " publishes only complete builds.");
            return List.of();
        }
        List<File> directories = atEnd.directories(cli);
        if (directories.isEmpty()) {
            getLog().info("Every module skipped PyPI publishing; nothing to publish.");
        }
        return directories;
    }
}
