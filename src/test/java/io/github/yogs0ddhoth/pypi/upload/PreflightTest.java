package io.github.yogs0ddhoth.pypi.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.upload.Preflight.Candidate;
import io.github.yogs0ddhoth.pypi.upload.Preflight.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class PreflightTest {
    private static final String SHA = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);
    private static final String WHEEL = "demo_pkg-1.0-py3-none-any.whl";
    private static final String SDIST = "demo_pkg-1.0.tar.gz";
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Candidate WHEEL_FILE = new Candidate(WHEEL, "Demo_Pkg", "1.0", false, SHA);
    private static final Candidate SDIST_FILE = new Candidate(SDIST, "Demo_Pkg", "1.0", true, SHA);

    private CloseableHttpClient client;

    @BeforeEach
    void setUp() {
        client = Http.client();
        stubFor(head(urlEqualTo("/simple/")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    private Preflight preflight(WireMockRuntimeInfo wm, boolean skipExisting) {
        return preflight(Optional.of(wm.getHttpBaseUrl() + "/simple/"), skipExisting);
    }

    private Preflight preflight(Optional<String> root, boolean skipExisting) {
        TextExchange http = new TextExchange(client,
                new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5, d -> { }), m -> { });
        return new Preflight(IndexLookup.of(root, http), skipExisting, true, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void lists(String... files) {
        stubFor(get("/simple/demo-pkg/").willReturn(okJson("{\"meta\":{\"api-version\":\"1.1\"},"
                + "\"name\":\"demo-pkg\",\"files\":[" + String.join(",", files) + "]}")
                .withHeader("Content-Type", IndexLookup.SIMPLE_JSON)));
    }

    private static String file(String name, String sha, String uploadTime) {
        return "{\"filename\":\"" + name + "\",\"url\":\"https://files.example/" + name + "\",\"hashes\":{\"sha256\":\""
                + sha + "\"}" + (uploadTime == null ? "" : ",\"upload-time\":\"" + uploadTime + "\"") + "}";
    }

    private static List<Verdict> verdicts(Preflight.Result result) {
        return result.decisions().stream().map(Preflight.Decision::verdict).toList();
    }

    @Test
    void aFileWithTheSameBytesIsAlreadyPresentAndNotSent(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, SHA, "2026-12-01T10:00:00Z"), file(SDIST, SHA, "2026-12-01T10:00:01Z"));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.ALREADY_PRESENT, Verdict.ALREADY_PRESENT);
        assertThat(result.nothingToUpload()).isTrue();
        assertThat(result.warning()).isEmpty();
        // One lookup per release, not one per file.
        verify(1, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
    }

    @Test
    void otherBytesUnderTheSameNameAreRefusedNamingBothDigests(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, OTHER, "2026-12-01T10:00:00Z"));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.REFUSED, Verdict.UPLOAD);
        assertThat(result.refused().get(0).reason()).contains("index sha256 " + OTHER).contains("local sha256 " + SHA)
                .contains("pypi.skipExisting=true");
    }

    @Test
    void otherBytesAreSkippedUnderSkipExisting(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, OTHER, "2026-12-01T10:00:00Z"));
        Preflight.Result result = preflight(wm, true).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.SKIP, Verdict.UPLOAD);
        assertThat(result.refused()).isEmpty();
    }

    @Test
    void aSecondSdistForTheReleaseIsRefused(WireMockRuntimeInfo wm) {
        lists(file("demo-pkg-1.0.tar.gz", OTHER, "2026-12-01T10:00:00Z"));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.REFUSED);
        assertThat(result.refused().get(0).reason()).contains("demo-pkg-1.0.tar.gz").contains("only one sdist");
    }

    @Test
    void anSdistOfAnotherVersionDoesNotCount(WireMockRuntimeInfo wm) {
        lists(file("demo_pkg-0.9.tar.gz", OTHER, "2020-01-01T00:00:00Z"),
                file("demo_pkg-0.9-py3-none-any.whl", OTHER, "2020-01-01T00:00:00Z"));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
    }

    @Test
    void aSecondSdistIsSkippedUnderSkipExisting(WireMockRuntimeInfo wm) {
        lists(file("demo-pkg-1.0.tar.gz", OTHER, "2026-12-01T10:00:00Z"));
        assertThat(verdicts(preflight(wm, true).judge(List.of(WHEEL_FILE, SDIST_FILE))))
                .containsExactly(Verdict.UPLOAD, Verdict.SKIP);
    }

    @Test
    void newFilesOnAReleaseOlderThanFourteenDaysAreRefusedEvenUnderSkipExisting(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, SHA, "2026-11-17T11:59:59Z"));
        Preflight.Result result = preflight(wm, true).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.ALREADY_PRESENT, Verdict.REFUSED);
        assertThat(result.refused().get(0).reason()).contains("2026-11-17T11:59:59Z").contains("15 days ago")
                .contains("older than 14 days").contains("new version");
    }

    @Test
    void aReleaseJustInsideTheWindowStillTakesNewFiles(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, SHA, "2026-11-18T12:00:01Z"));
        assertThat(verdicts(preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE))))
                .containsExactly(Verdict.ALREADY_PRESENT, Verdict.UPLOAD);
    }

    @Test
    void withoutUploadTimesTheJsonApiGivesTheReleaseAge(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, SHA, null));
        stubFor(get("/pypi/demo-pkg/1.0/json").willReturn(okJson("{\"urls\":[{\"filename\":\"" + WHEEL
                + "\",\"upload_time_iso_8601\":\"2026-10-01T08:00:00.123456Z\"}]}")));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.ALREADY_PRESENT, Verdict.REFUSED);
        verify(1, getRequestedFor(urlEqualTo("/pypi/demo-pkg/1.0/json")));
    }

    @Test
    void withNoAgeKnownNewFilesAreUploaded(WireMockRuntimeInfo wm) {
        lists(file(WHEEL, SHA, null));
        assertThat(verdicts(preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE))))
                .containsExactly(Verdict.ALREADY_PRESENT, Verdict.UPLOAD);
    }

    @Test
    void aProjectTheIndexDoesNotHaveIsANewProjectNotAnError(WireMockRuntimeInfo wm) {
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
        assertThat(result.warning()).isEmpty();
    }

    @Test
    void anIndexWithoutSimpleApiGivesOneWarningAndEverythingIsUploaded(WireMockRuntimeInfo wm) {
        stubFor(head(urlEqualTo("/simple/")).willReturn(aResponse().withStatus(404)));
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
        assertThat(result.warning()).hasValueSatisfying(w -> assertThat(w).contains("is not a simple index")
                .contains("Uploading every file"));
    }

    @Test
    void anHtmlOnlyIndexGivesOneWarning(WireMockRuntimeInfo wm) {
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><a href=x>" + WHEEL + "</a></html>")));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
        assertThat(result.warning()).hasValueSatisfying(w -> assertThat(w).contains("text/html"));
    }

    @Test
    void anIndexThatDoesNotAnswerGivesOneWarning(WireMockRuntimeInfo wm) {
        stubFor(get("/simple/demo-pkg/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Preflight.Result result = preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
        assertThat(result.warning()).isPresent();
    }

    @Test
    void lookupsOffDecideNothingAndAskNothing(WireMockRuntimeInfo wm) {
        Preflight.Result result = preflight(Optional.empty(), false).judge(List.of(WHEEL_FILE, SDIST_FILE));
        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.UPLOAD);
        assertThat(result.warning()).isEmpty();
        verify(0, getRequestedFor(urlEqualTo("/simple/demo-pkg/")));
    }

    @Test
    void versionsAreComparedTheWayPep440Does(WireMockRuntimeInfo wm) {
        // 1.0.0 and 1.0 are the same release on PyPI.
        lists(file("demo_pkg-1.0.0.tar.gz", OTHER, "2026-12-01T10:00:00Z"));
        assertThat(verdicts(preflight(wm, false).judge(List.of(WHEEL_FILE, SDIST_FILE))))
                .containsExactly(Verdict.UPLOAD, Verdict.REFUSED);
    }

    @Test
    void theVersionOfAnIndexedFileComesFromItsName() {
        assertThat(Preflight.versionOf(new IndexedFile("demo_pkg-1.0rc1-py3-none-any.whl", "", Optional.empty())))
                .isEqualTo("1.0rc1");
        assertThat(Preflight.versionOf(new IndexedFile("demo-pkg-2.0.post1.tar.gz", "", Optional.empty())))
                .isEqualTo("2.0.post1");
        assertThat(Preflight.versionOf(new IndexedFile("demo_pkg-3.zip", "", Optional.empty()))).isEqualTo("3");
        assertThat(Preflight.versionOf(new IndexedFile("README", "", Optional.empty()))).isNull();
    }

    @Test
    void aFilesSha256IsAskedForOnlyWhenTheIndexHasAFileOfThatName(WireMockRuntimeInfo wm) {
        List<String> asked = new java.util.ArrayList<>();
        Candidate wheel = new Candidate(WHEEL, "Demo_Pkg", "1.0", false, () -> {
            asked.add(WHEEL);
            return SHA;
        });
        Candidate sdist = new Candidate(SDIST, "Demo_Pkg", "1.0", true, () -> {
            asked.add(SDIST);
            return SHA.toUpperCase(java.util.Locale.ROOT);
        });
        lists(file(SDIST, SHA, "2026-12-01T10:00:00Z"));

        Preflight.Result result = preflight(wm, false).judge(List.of(wheel, sdist));

        assertThat(verdicts(result)).containsExactly(Verdict.UPLOAD, Verdict.ALREADY_PRESENT);
        assertThat(asked).as("a file still to be hashed while it is sent is not read for nothing")
                .doesNotContain(WHEEL).contains(SDIST);
    }
}
