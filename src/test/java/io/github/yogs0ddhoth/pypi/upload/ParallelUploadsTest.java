package io.github.yogs0ddhoth.pypi.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.upload.UploadResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParallelUploads} driving the real {@link FileUploader} against a loopback index that counts, on its side,
 * how many uploads it is serving at the same moment and in which order they began and ended.
 */
class ParallelUploadsTest {
    /** Long enough that uploads started together are still open when the next one arrives. */
    private static final int SLOW_MS = 300;

    @TempDir
    Path dir;

    private final ConcurrencyCounter counter = new ConcurrencyCounter();
    private final RecordingLog log = new RecordingLog();
    private WireMockServer server;
    private CloseableHttpClient client;

    /**
     * Counts the uploads open at the server. Each is held for its stub's {@code holdMs} and counted as ended before
     * its answer is written, so an "end" is always recorded before the client can act on it.
     */
    static final class ConcurrencyCounter implements ResponseDefinitionTransformerV2 {
        static final String NAME = "concurrency-counter";
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String file = FakeIndex.contentFilename(event.getRequest());
            max.accumulateAndGet(open.incrementAndGet(), Math::max);
            events.add("start " + file);
            try {
                Thread.sleep(event.getTransformerParameters().getInt("holdMs", 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("end " + file);
            open.decrementAndGet();
            return event.getResponseDefinition();
        }
    }

    private static ResponseDefinitionBuilder held(ResponseDefinitionBuilder answer, int holdMs) {
        return answer.withTransformers(ConcurrencyCounter.NAME).withTransformerParameter("holdMs", holdMs);
    }

    @BeforeEach
    void setUp() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40)
                .extensions(counter));
        server.start();
        server.stubFor(post(urlEqualTo("/legacy/")).willReturn(held(aResponse().withStatus(200), SLOW_MS)));
        client = Http.client();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.stop();
    }

    private FileUploader uploader() {
        RetryPolicy policy = new RetryPolicy(0, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.5, d -> { });
        TextExchange http = new TextExchange(client, policy, log::warn);
        return new FileUploader(new LegacyUploadClient(RepositoryUrl.parse(server.baseUrl() + "/legacy/"), http),
                new IndexLookup(null, http.singleAttempt()), policy, false, log, f -> ProgressListener.NONE);
    }

    private final FileUploader.TokenSource token = new FileUploader.TokenSource() {
        @Override
        public String tokenFor(UploadForm form) {
            return "pypi-test-token";
        }

        @Override
        public void invalidate(String refused) {
        }
    };

    private UploadForm wheel(int i) throws Exception {
        return form("demo_pkg-1.0-py3-none-plat" + i + ".whl", "bdist_wheel");
    }

    private UploadForm sdist() throws Exception {
        return form("demo_pkg-1.0.tar.gz", "sdist");
    }

    private UploadForm form(String filename, String filetype) throws Exception {
        Path file = Files.write(dir.resolve(filename), new byte[2048]);
        return new UploadForm(List.of(new FormField(":action", "file_upload"), new FormField("name", "demo_pkg"),
                new FormField("filetype", filetype), new FormField("sha256_digest", "a".repeat(64))), file,
                filename, 2048);
    }

    private List<UploadResult> run(int parallel, List<UploadForm> forms) {
        FileUploader uploader = uploader();
        return new ParallelUploads(parallel).run(forms, f -> uploader.upload(f, token));
    }

    @Test
    void neverMoreThanTheLimitAtOnceAndTheLimitIsReached() throws Exception {
        List<UploadForm> forms = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            forms.add(wheel(i));
        }

        List<UploadResult> results = run(3, forms);

        assertThat(results).extracting(UploadResult::outcome).containsOnly(Outcome.UPLOADED).hasSize(9);
        assertThat(counter.max.get()).isEqualTo(3);
        assertThat(counter.events).filteredOn(e -> e.startsWith("start")).hasSize(9);
    }

    @Test
    void oneAtATimeWhenTheLimitIsOne() throws Exception {
        List<UploadForm> forms = List.of(wheel(1), wheel(2), wheel(3), sdist());

        run(1, forms);

        assertThat(counter.max.get()).isEqualTo(1);
        assertThat(counter.events).containsExactly(
                "start demo_pkg-1.0-py3-none-plat1.whl", "end demo_pkg-1.0-py3-none-plat1.whl",
                "start demo_pkg-1.0-py3-none-plat2.whl", "end demo_pkg-1.0-py3-none-plat2.whl",
                "start demo_pkg-1.0-py3-none-plat3.whl", "end demo_pkg-1.0-py3-none-plat3.whl",
                "start demo_pkg-1.0.tar.gz", "end demo_pkg-1.0.tar.gz");
    }

    @Test
    void theSdistStartsOnlyAfterEveryWheelHasEnded() throws Exception {
        // The sdist comes first in the list: the order is the class's, not the caller's.
        List<UploadForm> forms = List.of(sdist(), wheel(1), wheel(2), wheel(3), wheel(4), wheel(5));

        List<UploadResult> results = run(4, forms);

        assertThat(results).extracting(UploadResult::outcome).containsOnly(Outcome.UPLOADED).hasSize(6);
        int sdistStart = counter.events.indexOf("start demo_pkg-1.0.tar.gz");
        assertThat(sdistStart).isEqualTo(counter.events.size() - 2);
        assertThat(counter.events.subList(0, sdistStart)).filteredOn(e -> e.startsWith("end")).hasSize(5);
        assertThat(counter.max.get()).isEqualTo(4);
    }

    @Test
    void aFailureStopsNewStartsAndLetsTheFilesInFlightFinish() throws Exception {
        server.stubFor(post(urlEqualTo("/legacy/")).withRequestBody(containing("plat2.whl"))
                .willReturn(held(aResponse().withStatus(400).withStatusMessage("Invalid value for classifiers"), 0)));
        List<UploadForm> forms = List.of(wheel(1), wheel(2), wheel(3), wheel(4), wheel(5), sdist());

        List<UploadResult> results = run(2, forms);

        // plat1 was on its way (slow) when plat2 failed at once: it finishes; nothing after plat2 is started.
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.UPLOADED);
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).message()).contains("Invalid value for classifiers");
        assertThat(results.subList(2, 6)).containsOnlyNulls();
        assertThat(counter.events).filteredOn(e -> e.startsWith("start")).containsExactlyInAnyOrder(
                "start demo_pkg-1.0-py3-none-plat1.whl", "start demo_pkg-1.0-py3-none-plat2.whl");
    }

    @Test
    void aFailedWheelKeepsTheSdistBack() throws Exception {
        server.stubFor(post(urlEqualTo("/legacy/")).withRequestBody(containing("plat3.whl"))
                .willReturn(held(aResponse().withStatus(400).withStatusMessage("Invalid"), SLOW_MS)));
        List<UploadForm> forms = List.of(wheel(1), wheel(2), wheel(3), sdist());

        List<UploadResult> results = run(4, forms);

        assertThat(results.subList(0, 3)).extracting(UploadResult::outcome)
                .containsExactly(Outcome.UPLOADED, Outcome.UPLOADED, Outcome.FAILED);
        assertThat(results.get(3)).isNull();
        assertThat(counter.events).doesNotContain("start demo_pkg-1.0.tar.gz");
    }

    @Test
    void anUnexpectedErrorInOneUploadSurfacesAfterTheOthersEnd() throws Exception {
        List<UploadForm> forms = List.of(wheel(1), wheel(2), wheel(3));
        FileUploader uploader = uploader();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> new ParallelUploads(3).run(forms, f -> {
            if (f.filename().contains("plat2")) {
                throw new IllegalStateException("bug in the test's upload");
            }
            UploadResult r = uploader.upload(f, token);
            finished.add(f.filename());
            return r;
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug in the test's upload");
        assertThat(finished).hasSize(2);
    }

    @Test
    void refusesALimitOutsideItsRange() {
        assertThatThrownBy(() -> new ParallelUploads(0)).hasMessageContaining("between 1 and 16, was 0");
        assertThatThrownBy(() -> new ParallelUploads(17)).hasMessageContaining("was 17");
    }
}
