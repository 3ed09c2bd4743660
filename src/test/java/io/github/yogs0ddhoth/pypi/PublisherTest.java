package io.github.yogs0ddhoth.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.report.FileReport;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import io.github.yogs0ddhoth.pypi.testing.TestDistributions;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
    @TempDir
    Path target;

    private FakeIndex index;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        index = FakeIndex.start(0);
    }

    @AfterEach
    void tearDown() {
        index.stop();
    }

    private ReleaseReport publish(boolean dryRun, Map<String, String> env) throws PublishException {
        Publisher publisher = new Publisher(log, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                Http.settings(), Clock.systemUTC(), d -> {});
        return publisher.publish(PublishRequest.builder(RepositoryUrl.parse(index.uploadUrl()), CiContext.of(env, null))
                .packagesDirectory(target).dryRun(dryRun).build());
    }

    @Test
    void publishesWheelThenSdistWithTheMintedToken() throws Exception {
        SampleRelease.write(target.resolve("dist"));

        ReleaseReport result = publish(false, index.gitHubEnvironment());

        assertThat(result.status()).isEqualTo("published");
        assertThat(result.files()).extracting(FileReport::filename, FileReport::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SampleRelease.WHEEL, "uploaded"),
                org.assertj.core.groups.Tuple.tuple(SampleRelease.SDIST, "uploaded"));
        assertThat(index.tokenRequests()).isEqualTo(1);
        assertThat(index.mintRequests()).isEqualTo(1);
        List<LoggedRequest> uploads = index.uploads();
        assertThat(uploads).extracting(FakeIndex::contentFilename)
                .containsExactly(SampleRelease.WHEEL, SampleRelease.SDIST);
        assertThat(FakeIndex.content(uploads.get(0)))
                .isEqualTo(Files.readAllBytes(target.resolve("dist").resolve(SampleRelease.WHEEL)));
        assertThat(FakeIndex.content(uploads.get(1)))
                .isEqualTo(Files.readAllBytes(target.resolve("dist").resolve(SampleRelease.SDIST)));
        Map<String, List<String>> wheel = FakeIndex.fieldMap(uploads.get(0));
        assertThat(wheel.get("name")).containsExactly("demo_pkg");
        assertThat(wheel.get("filetype")).containsExactly("bdist_wheel");
        assertThat(wheel.get("pyversion")).containsExactly("py3");
        assertThat(wheel.get("summary")).containsExactly("A demonstration package – with non-ASCII ✓");
        assertThat(wheel.get("author_email")).containsExactly("Jürgen Müller <jm@example.org>");
        assertThat(wheel.get("keywords")).containsExactly("demo, example");
        assertThat(wheel.get("requires_dist")).containsExactly("requests>=2.31", "rich; extra == \"cli\"");
        assertThat(wheel.get("project_urls"))
                .containsExactly("Homepage, https://example.org/demo", "Source, https://github.com/octo-org/octo-repo");
        assertThat(wheel.get("description")).containsExactly("# demo-pkg\n\nA demonstration package.\n");
        assertThat(wheel).doesNotContainKey("md5_digest");
        Map<String, List<String>> sdist = FakeIndex.fieldMap(uploads.get(1));
        assertThat(sdist.get("filetype")).containsExactly("sdist");
        assertThat(sdist.get("pyversion")).containsExactly("source");
        assertThat(log.text()).contains("Published 2 file(s) of demo_pkg 1.0.0. View at: " + index.baseUrl()
                + "/project/demo_pkg/1.0.0/");
    }

    @Test
    void masksEverySecretBeforeUseAndNeverLogsOne() throws Exception {
        SampleRelease.write(target);
        publish(false, index.gitHubEnvironment());

        assertThat(stdout.toString(StandardCharsets.UTF_8).lines()).contains(
                "::add-mask::" + FakeIndex.REQUEST_TOKEN,
                "::add-mask::" + index.idToken(),
                "::add-mask::" + FakeIndex.MINTED_TOKEN);
        assertThat(log.text()).doesNotContain(FakeIndex.REQUEST_TOKEN, index.idToken(), FakeIndex.MINTED_TOKEN)
                .contains("[DEBUG]");
    }

    @Test
    void dryRunReportsAndMakesNoRequest() throws Exception {
        SampleRelease.write(target);

        ReleaseReport result = publish(true, Map.of());

        assertThat(result.status()).isEqualTo("dry-run");
        assertThat(result.files()).extracting(FileReport::outcome).containsOnly("would upload");
        assertThat(result.files().get(0).sha256()).hasSize(64);
        assertThat(index.requestCount()).isZero();
        assertThat(log.text()).contains(SampleRelease.WHEEL, SampleRelease.SDIST, "sha256 ", "Nothing was uploaded");
    }

    @Test
    void outsideCiFailsWithAnExplanationAndNoRequest() {
        SampleRelease.write(target);
        assertThatThrownBy(() -> publish(false, Map.of("CI", "true")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("No supported CI system was detected")
                .hasMessageContaining("trusted publishing");
        assertThat(index.requestCount()).isZero();
    }

    @Test
    void aRefusedFileNamesWhatWasAndWasNotUploaded() {
        SampleRelease.write(target);
        index.server().stubFor(WireMock.post("/legacy/").atPriority(0)
                .withMultipartRequestBody(WireMock.aMultipart().withName("filetype")
                        .withBody(WireMock.equalTo("sdist")))
                .willReturn(WireMock.aResponse().withStatus(400)
                        .withStatusMessage("Only one sdist may be uploaded per release.")));

        assertThatThrownBy(() -> publish(false, index.gitHubEnvironment()))
                .hasMessageContaining("400 Only one sdist may be uploaded per release.")
                .hasMessageContaining("On the index: " + SampleRelease.WHEEL)
                .hasMessageContaining("Not on the index: " + SampleRelease.SDIST);
    }

    @Test
    void anEmptyDirectoryFailsNamingItAndThePatterns() {
        assertThatThrownBy(() -> publish(false, index.gitHubEnvironment()))
                .hasMessageContaining(target.toString())
                .hasMessageContaining("**/*.whl");
        assertThat(index.requestCount()).isZero();
    }

    @Test
    void anAssemblyTarballIsIgnored() throws Exception {
        SampleRelease.wheel(target);
        TestDistributions.tarball(target, "app-1.0-bin.tar.gz", Map.of("app-1.0/bin/app", new byte[] {1}));

        publish(false, index.gitHubEnvironment());

        assertThat(index.uploads()).extracting(FakeIndex::contentFilename).containsExactly(SampleRelease.WHEEL);
        assertThat(log.text()).contains("[DEBUG] Ignoring " + target.resolve("app-1.0-bin.tar.gz"));
    }

    private ReleaseReport publishWith(Map<String, String> env, int retries, Path reportFile) throws PublishException {
        Publisher publisher = new Publisher(log, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                Http.settings(), Clock.systemUTC(), d -> {});
        return publisher.publish(PublishRequest.builder(RepositoryUrl.parse(index.uploadUrl()), CiContext.of(env, null))
                .packagesDirectory(target).retries(retries).checkUrl(index.baseUrl() + "/simple/")
                .reportFile(reportFile).build());
    }

    @Test
    void anInterruptedReleaseCompletesOnRerunAndNothingIsStoredTwice() throws Exception {
        SampleRelease.write(target);
        index.server().stubFor(WireMock.post("/legacy/").atPriority(0)
                .withMultipartRequestBody(WireMock.aMultipart().withName("filetype").withBody(WireMock.equalTo("sdist")))
                .willReturn(WireMock.aResponse().withStatus(503)));
        Path reportFile = target.resolve("pypi-publish/report.json");

        assertThatThrownBy(() -> publishWith(index.gitHubEnvironment(), 1, reportFile))
                .hasMessageContaining("503")
                .hasMessageContaining("On the index: " + SampleRelease.WHEEL)
                .hasMessageContaining("Not on the index: " + SampleRelease.SDIST);
        assertThat(Files.readString(reportFile)).contains("\"status\" : \"partial\"");
        assertThat(index.stored().files("demo-pkg")).containsOnlyKeys(SampleRelease.WHEEL);

        int port = index.server().port();
        index.close();
        FakeIndex restarted = FakeIndex.start(port);
        try {
            restarted.stored().store("demo_pkg", SampleRelease.WHEEL,
                    io.github.yogs0ddhoth.pypi.testing.StoredFiles.sha256Of(target.resolve(SampleRelease.WHEEL)));
            index = restarted;
            ReleaseReport second = publishWith(index.gitHubEnvironment(), 1, reportFile);
            assertThat(second.status()).isEqualTo("published");
            assertThat(index.stored().files("demo-pkg")).containsOnlyKeys(SampleRelease.WHEEL, SampleRelease.SDIST);
            assertThat(Files.readString(reportFile)).contains("\"status\" : \"published\"");
        } finally {
            restarted.close();
        }
    }

    @Test
    void aDifferentFileUnderTheSameNameFailsLoudly() throws Exception {
        SampleRelease.write(target);
        index.stored().store("demo-pkg", SampleRelease.WHEEL, "f".repeat(64));

        assertThatThrownBy(() -> publishWith(index.gitHubEnvironment(), 1, null))
                .hasMessageContaining("the index would refuse 1 of its 2 file(s). Nothing was uploaded.")
                .hasMessageContaining("index sha256 " + "f".repeat(64))
                .hasMessageContaining("local sha256 ");
        // Found before the first byte: neither the sdist nor the wheel was sent, and no token was minted.
        assertThat(index.uploads()).isEmpty();
        assertThat(index.mintRequests()).isZero();
    }

    @Test
    void aRerunOfACompletedReleaseSendsNothingAndMintsNoToken() throws Exception {
        SampleRelease.write(target);
        Path reportFile = target.resolve("report.json");
        publishWith(index.gitHubEnvironment(), 1, reportFile);
        int uploads = index.uploads().size();
        int mints = index.mintRequests();

        ReleaseReport again = publishWith(index.gitHubEnvironment(), 1, reportFile);

        assertThat(index.uploads()).hasSize(uploads);
        assertThat(index.mintRequests()).isEqualTo(mints);
        assertThat(again.status()).isEqualTo("published");
        assertThat(again.files()).extracting(f -> f.outcome()).containsOnly("already present");
        assertThat(Files.readString(reportFile)).contains("\"outcome\" : \"already present\"");
    }

    @Test
    void writesTheJobSummaryAndStepOutputsUnderGitHubActions() throws Exception {
        SampleRelease.write(target);
        Path summary = target.resolve("summary.md");
        Path outputs = target.resolve("outputs.txt");
        Map<String, String> env = new java.util.HashMap<>(index.gitHubEnvironment());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_OUTPUT", outputs.toString());

        publishWith(env, 1, target.resolve("report.json"));

        String md = Files.readString(summary);
        assertThat(md).contains("### PyPI: Published demo_pkg 1.0.0")
                .contains("Release: " + index.baseUrl() + "/project/demo_pkg/1.0.0/")
                .contains(SampleRelease.WHEEL).contains(SampleRelease.SDIST);
        assertThat(Files.readString(outputs)).contains("release-url=" + index.baseUrl() + "/project/demo_pkg/1.0.0/");
        for (String secret : List.of(FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken())) {
            assertThat(md).doesNotContain(secret);
            assertThat(Files.readString(outputs)).doesNotContain(secret);
            assertThat(Files.readString(target.resolve("report.json"))).doesNotContain(secret);
        }
    }

    @Test
    void aFailureIsAnnotatedForGitHub() {
        SampleRelease.write(target);
        index.server().stubFor(WireMock.post("/legacy/").atPriority(0)
                .willReturn(WireMock.aResponse().withStatus(400).withStatusMessage("Invalid distribution file.")));
        assertThatThrownBy(() -> publishWith(index.gitHubEnvironment(), 0, null))
                .hasMessageContaining("Invalid distribution file.");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("::error title=PyPI publishing failed::");
    }

    @Test
    void anIdentityFailureIsAnnotatedOnce() {
        SampleRelease.write(target);
        Map<String, String> env = new java.util.HashMap<>(index.gitHubEnvironment());
        env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");

        assertThatThrownBy(() -> publishWith(env, 0, null)).hasMessageContaining("id-token: write");

        assertThat(stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("::error"))).hasSize(1);
        assertThat(index.mintRequests()).isZero();
    }

    /** What a hostile or careless index echoes: the upload token raw, URL-encoded, and as the Basic header. */
    private static String echo() {
        String basic = java.util.Base64.getEncoder().encodeToString(("__token__:" + FakeIndex.MINTED_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        return "Bad request. You sent Authorization: Basic " + basic + " with password " + FakeIndex.MINTED_TOKEN
                + " (" + java.net.URLEncoder.encode(FakeIndex.MINTED_TOKEN, StandardCharsets.UTF_8) + ")"
                + "\n::stop-commands::pwned\n::warning::forged";
    }

    /** Publishes on "GitHub" against the stubbed index and checks every output for secrets and injected lines. */
    private void assertNothingLeaksFrom(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer)
            throws Exception {
        SampleRelease.write(target);
        index.server().stubFor(WireMock.post("/legacy/").atPriority(0).willReturn(answer));
        Path summary = target.resolve("summary.md");
        Path outputs = target.resolve("outputs.txt");
        Path report = target.resolve("report.json");
        Map<String, String> env = new java.util.HashMap<>(index.gitHubEnvironment());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_OUTPUT", outputs.toString());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> publishWith(env, 1, report));

        assertThat(thrown).isInstanceOf(PublishException.class);
        assertThat(thrown.getCause()).isNull();
        String basic = java.util.Base64.getEncoder().encodeToString(("__token__:" + FakeIndex.MINTED_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        List<String> printed = stdout.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("::add-mask::")).toList();
        Map<String, String> outputsByName = Map.of("exception", thrown.getMessage(), "log", log.text(),
                "annotations", String.join("\n", printed), "summary", Files.readString(summary),
                "report.json", Files.readString(report), "outputs", Files.readString(outputs));
        outputsByName.forEach((where, text) -> assertThat(text).as(where)
                .doesNotContain(FakeIndex.MINTED_TOKEN, basic, "minted-9c2e41d7"));
        assertThat(printed).as("every stdout line is one of the plugin's own annotations")
                .allMatch(l -> l.startsWith("::error title=") || l.startsWith("::warning title="));
        assertThat(printed).filteredOn(l -> l.startsWith("::error")).hasSize(1);
        assertThat(log.lines()).noneMatch(l -> l.startsWith("::"));
        assertThat(thrown.getMessage().lines()).noneMatch(l -> l.stripLeading().startsWith("::"));
        assertThat(stdout.toString(StandardCharsets.UTF_8).lines()).contains(
                "::add-mask::" + FakeIndex.MINTED_TOKEN, "::add-mask::" + basic);
    }

    @Test
    void anUploadErrorEchoingTheTokenShowsItNowhere() throws Exception {
        assertNothingLeaksFrom(WireMock.aResponse().withStatus(400).withStatusMessage(echo().replace("\n", " "))
                .withHeader("Content-Type", "text/plain").withBody(echo()));
    }

    @Test
    void aRedirectCarryingTheTokenShowsItNowhere() throws Exception {
        assertNothingLeaksFrom(WireMock.aResponse().withStatus(302).withHeader("Location",
                "https://evil.example/legacy/?token=" + java.net.URLEncoder.encode(FakeIndex.MINTED_TOKEN,
                        StandardCharsets.UTF_8) + "&raw=" + FakeIndex.MINTED_TOKEN).withBody(echo()));
    }

    @Test
    void aSummaryPathTheFileSystemCannotHoldIsWarnedAboutAndTheOtherOutputsAreWritten() throws Exception {
        SampleRelease.write(target);
        Path outputs = target.resolve("outputs.txt");
        Map<String, String> env = new java.util.HashMap<>(index.gitHubEnvironment());
        env.put("GITHUB_STEP_SUMMARY", "summary\u0000.md");
        env.put("GITHUB_OUTPUT", outputs.toString());

        ReleaseReport report = publishWith(env, 0, target.resolve("report.json"));

        assertThat(report.status()).isEqualTo("published");
        assertThat(Files.readString(outputs)).contains("status=published");
        assertThat(target.resolve("report.json")).exists();
        assertThat(log.text()).contains("Not writing to GITHUB_STEP_SUMMARY: summary\\u0000.md is not a path");
    }
}
