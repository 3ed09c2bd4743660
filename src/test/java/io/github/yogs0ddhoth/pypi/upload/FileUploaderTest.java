package io.github.yogs0ddhoth.pypi.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.upload.UploadResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class FileUploaderTest {
    private static final String SHA = "a".repeat(64);
    private static final String OTHER_SHA = "b".repeat(64);
    private static final String FILE = "demo_pkg-1.0-py3-none-any.whl";

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();
    private CloseableHttpClient client;
    private UploadForm form;
    private int mints;
    private final List<String> tokensHandedOut = new ArrayList<>();

    private final FileUploader.TokenSource tokens = new FileUploader.TokenSource() {
        private String current;

        @Override
        public String tokenFor(UploadForm f) {
            if (current == null) {
                current = "pypi-token-" + (++mints);
            }
            tokensHandedOut.add(current);
            return current;
        }

        @Override
        public void invalidate(String refused) {
            current = null;
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        client = Http.client();
        Path file = Files.write(dir.resolve(FILE), new byte[4096]);
        form = new UploadForm(List.of(new FormField(":action", "file_upload"), new FormField("name", "Demo_Pkg"),
                new FormField("sha256_digest", SHA)), file, FILE, 4096);
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    private FileUploader uploader(WireMockRuntimeInfo wm, boolean skipExisting) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.5, sleeps::add);
        TextExchange http = new TextExchange(client, policy, log::warn);
        return new FileUploader(new LegacyUploadClient(RepositoryUrl.parse(wm.getHttpBaseUrl() + "/legacy/"), http),
                new IndexLookup(wm.getHttpBaseUrl() + "/simple/", http.singleAttempt()), policy, skipExisting, log,
                f -> ProgressListener.NONE);
    }

    private static void indexLists(String sha256) {
        stubFor(get("/simple/demo-pkg/").willReturn(okJson("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"demo-pkg\","
                + "\"files\":[{\"filename\":\"" + FILE + "\",\"url\":\"x\",\"hashes\":{\"sha256\":\"" + sha256 + "\"}}]}")));
    }

    private static int posts() {
        return com.github.tomakehurst.wiremock.client.WireMock.findAll(postRequestedFor(urlEqualTo("/legacy/"))).size();
    }

    @Test
    void uploadsOnFirstTry(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        assertThat(uploader(wm, false).upload(form, tokens).outcome()).isEqualTo(Outcome.UPLOADED);
        assertThat(posts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void a503ThenA200RetriesAfterCheckingTheIndexAndBacksOff(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        stubFor(post("/legacy/").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.UPLOADED);
        assertThat(posts()).isEqualTo(2);
        verify(1, getRequestedFor(urlEqualTo("/simple/demo-pkg/"))
                .withHeader("Accept", equalTo("application/vnd.pypi.simple.v1+json")));
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void aResetAfterTheFileLandedIsNotPostedAgain(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        indexLists(SHA);

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_PRESENT);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetriedUntilTheBudgetIsSpent(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("timed out").contains("Gave up after 4 attempt(s)");
        assertThat(posts()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(3000), Duration.ofMillis(6000));
    }

    @Test
    void a429IsRetriedWithBackoffWithoutALookup(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("calm"));
        stubFor(post("/legacy/").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));

        assertThat(uploader(wm, false).upload(form, tokens).outcome()).isEqualTo(Outcome.UPLOADED);
        verify(0, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void fileAlreadyExistsWithOurBytesCountsAsDone(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("File already exists ('" + FILE + "', with blake2_256 hash 'x').")));
        indexLists(SHA);

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_PRESENT);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void fileAlreadyExistsWithOtherBytesFailsShowingBothHashes(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("File already exists ('" + FILE + "', with blake2_256 hash 'x').")));
        indexLists(OTHER_SHA);

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("index sha256 " + OTHER_SHA).contains("local sha256 " + SHA)
                .contains("bump the version");
    }

    @Test
    void skipExistingTurnsOtherBytesIntoAWarnedSkip(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("File already exists ('" + FILE + "', with blake2_256 hash 'x').")));
        indexLists(OTHER_SHA);

        UploadResult result = uploader(wm, true).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(log.text()).contains("[WARNING] Skipping " + FILE + " (pypi.skipExisting=true)");
    }

    @Test
    void oneSdistRuleFailsWithoutSkipExisting(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("Only one sdist may be uploaded per release.")));
        UploadResult result = uploader(wm, false).upload(form, tokens);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("pypi.skipExisting=true");
        assertThat(uploader(wm, true).upload(form, tokens).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void anExpiredTokenIsReplacedOnce(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").withHeader("Authorization", equalTo(basic("pypi-token-1")))
                .willReturn(aResponse().withStatus(403).withStatusMessage("Invalid API Token: token is expired")));
        stubFor(post("/legacy/").withHeader("Authorization", equalTo(basic("pypi-token-2")))
                .willReturn(aResponse().withStatus(200)));

        assertThat(uploader(wm, false).upload(form, tokens).outcome()).isEqualTo(Outcome.UPLOADED);
        assertThat(tokensHandedOut).containsExactly("pypi-token-1", "pypi-token-2");
    }

    @Test
    void aPermanentRefusalIsNotRetried(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("Invalid value for classifiers. Error: 'Foo' is not a valid classifier.")));
        UploadResult result = uploader(wm, false).upload(form, tokens);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(posts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFileDeletedAfterHashingIsItsOwnErrorAndNotRetried(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        Files.delete(form.file());

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains(FILE + " changed on disk after it was hashed")
                .contains("it was 4096 bytes then, and it no longer exists").contains("not retried")
                .doesNotContain("Check the network").doesNotContain("..");
        assertThat(posts()).isZero();
        assertThat(sleeps).isEmpty();
        verify(0, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
    }

    @Test
    void aFileThatCannotBeReadWhileSentIsALocalErrorNotRetriedNorLookedUp(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        // A directory of the hashed size where the file was: it passes the size check and then cannot be read, as a
        // file another program holds without sharing cannot on Windows.
        Files.delete(form.file());
        Path directory = Files.createDirectories(form.file());
        form = new UploadForm(form.fields(), directory, FILE, Files.size(directory));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Cannot read " + FILE + " from disk to upload it (")
                .contains("this is not retried").doesNotContain("Check the network").doesNotContain("Gave up");
        assertThat(sleeps).isEmpty();
        assertThat(log.text()).doesNotContain("retrying");
        verify(0, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
    }

    @Test
    void aFileThatGrewAfterHashingNamesBothSizes(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        Files.write(form.file(), new byte[5000]);

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("it was 4096 bytes then, and it is 5000 bytes now")
                .contains(form.file().toString());
        assertThat(posts()).isZero();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void tooManyNewProjectsIsExplainedAndNotRetried(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Too many new projects created\", \"code\": \"429 Too many new projects"
                        + " created\", \"title\": \"Too Many Requests\"}")));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("429 Too many new projects created")
                .contains("PyPI limits how many new projects").contains("wait an hour")
                .contains("Not retried");
        assertThat(posts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retryAfterOnA503IsHonoured(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "9")).willSetStateTo("calm"));
        stubFor(post("/legacy/").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));

        assertThat(uploader(wm, false).upload(form, tokens).outcome()).isEqualTo(Outcome.UPLOADED);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(9));
        assertThat(log.text()).contains("The index answered 503 and asked to wait 9 s; retrying");
    }

    @Test
    void lookupsShareTheUploadsBudget(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(502)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(503)));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        // retries=3: four posts, one lookup after each, and no request sent more than four times.
        assertThat(posts()).isEqualTo(4);
        verify(4, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void fileAlreadyExistsRetriesAnUnansweredLookupWithinTheBudget(WireMockRuntimeInfo wm) {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("File already exists ('" + FILE + "', with blake2_256 hash 'x').")));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(503)));

        UploadResult result = uploader(wm, false).upload(form, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("could not check");
        assertThat(posts()).isEqualTo(1);
        verify(4, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
        assertThat(sleeps).hasSize(3);
    }

    private static String basic(String token) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("__token__:" + token).getBytes());
    }

    // --- Forms hashed while sent (digests after the file, as PyPI accepts them)

    private UploadForm hashedWhileSent(byte[] content) throws Exception {
        Path file = Files.write(dir.resolve(FILE), content);
        return UploadForm.hashedWhileSent(List.of(new FormField(":action", "file_upload"),
                new FormField("name", "Demo_Pkg")), file, FILE);
    }

    private static byte[] content(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + (i >> 9));
        }
        return b;
    }

    private static String sha256Of(byte[] b) throws Exception {
        return io.github.yogs0ddhoth.pypi.distribution.FileDigester.hex(
                java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> uploads() {
        return com.github.tomakehurst.wiremock.client.WireMock.findAll(postRequestedFor(urlEqualTo("/legacy/")));
    }

    private static String part(com.github.tomakehurst.wiremock.verification.LoggedRequest r, String name) {
        return r.getParts().stream().filter(p -> p.getName().equals(name)).map(p -> p.getBody().asString())
                .findFirst().orElseThrow();
    }

    @Test
    void aFormHashedWhileSentPostsTheFileThenItsDigests(WireMockRuntimeInfo wm) throws Exception {
        byte[] content = content(3 * 1024 * 1024 + 5);
        UploadForm streamed = hashedWhileSent(content);
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));

        assertThat(uploader(wm, false).upload(streamed, tokens).outcome()).isEqualTo(Outcome.UPLOADED);

        var request = uploads().get(0);
        assertThat(request.getParts().stream().map(p -> p.getName()).toList())
                .containsExactly(":action", "name", "content", "sha256_digest", "blake2_256_digest");
        assertThat(request.getParts().stream().filter(p -> p.getName().equals("content")).findFirst().orElseThrow()
                .getBody().asBytes()).isEqualTo(content);
        assertThat(part(request, "sha256_digest")).isEqualTo(sha256Of(content)).isEqualTo(streamed.sha256());
        assertThat(part(request, "blake2_256_digest")).isEqualTo(new io.github.yogs0ddhoth.pypi.distribution
                .FileDigester().digest(dir.resolve(FILE)).blake2b256Hex());
    }

    @Test
    void aRetriedFormHashedWhileSentResendsTheSameBytesAndDigests(WireMockRuntimeInfo wm) throws Exception {
        byte[] content = content(3 * 1024 * 1024);
        UploadForm streamed = hashedWhileSent(content);
        stubFor(post("/legacy/").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        stubFor(post("/legacy/").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));

        assertThat(uploader(wm, false).upload(streamed, tokens).outcome()).isEqualTo(Outcome.UPLOADED);

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = uploads();
        assertThat(sent).hasSize(2);
        for (var request : sent) {
            assertThat(request.getParts().stream().filter(p -> p.getName().equals("content")).findFirst()
                    .orElseThrow().getBody().asBytes()).isEqualTo(content);
            assertThat(part(request, "sha256_digest")).isEqualTo(sha256Of(content));
        }
    }

    @Test
    void anUncertainFailureOfAFormHashedWhileSentIsSettledWithTheFilesSha256(WireMockRuntimeInfo wm)
            throws Exception {
        byte[] content = content(100_000);
        UploadForm streamed = hashedWhileSent(content);
        stubFor(post("/legacy/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        indexLists(sha256Of(content));

        UploadResult result = uploader(wm, false).upload(streamed, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_PRESENT);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aFormHashedWhileSentWhoseFileChangesIsAFailureNotARetry(WireMockRuntimeInfo wm) throws Exception {
        byte[] content = content(3 * 1024 * 1024);
        UploadForm streamed = hashedWhileSent(content);
        content[7] ^= 1;
        Files.write(dir.resolve(FILE), content);
        Files.setLastModifiedTime(dir.resolve(FILE), java.nio.file.attribute.FileTime.fromMillis(
                streamed.modified().toMillis() + 2000));
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));

        UploadResult result = uploader(wm, false).upload(streamed, tokens);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("changed on disk while it was sent");
        assertThat(sleeps).isEmpty();
    }
}
