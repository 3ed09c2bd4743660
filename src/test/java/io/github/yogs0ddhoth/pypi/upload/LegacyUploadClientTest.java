package io.github.yogs0ddhoth.pypi.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class LegacyUploadClientTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcminted";

    @TempDir
    Path dir;

    private CloseableHttpClient client;
    private LegacyUploadClient upload;
    private UploadForm form;
    private byte[] content;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) throws Exception {
        client = Http.client();
        upload = new LegacyUploadClient(RepositoryUrl.parse(wm.getHttpBaseUrl() + "/legacy/"), new TextExchange(client));
        content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7);
        }
        Path file = Files.write(dir.resolve("demo_pkg-1.0-py3-none-any.whl"), content);
        form = new UploadForm(List.of(
                new FormField(":action", "file_upload"),
                new FormField("protocol_version", "1"),
                new FormField("name", "demo_pkg"),
                new FormField("classifiers", "Programming Language :: Python :: 3"),
                new FormField("classifiers", "License :: OSI Approved :: MIT License"),
                new FormField("summary", "Démo ✓")),
                file, "demo_pkg-1.0-py3-none-any.whl", content.length);
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    @Test
    void postsTheMultipartFormWithTokenAuthAndStreamsTheFile() throws Exception {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));

        upload.upload(form, TOKEN, ProgressListener.NONE);

        verify(postRequestedFor(urlEqualTo("/legacy/"))
                .withHeader("Authorization", equalTo("Basic X190b2tlbl9fOnB5cGktQWdFSWNIbHdhUzV2Y21jbWludGVk"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("pypi-maven-plugin/test Java/17"))
                .withHeader("Content-Length", equalTo(Long.toString(expectedLength())))
                .withRequestBodyPart(aMultipart().withName(":action").withBody(equalTo("file_upload")).build())
                .withRequestBodyPart(aMultipart().withName("summary").withBody(equalTo("Démo ✓")).build())
                .withRequestBodyPart(aMultipart().withName("content")
                        .withHeader("Content-Disposition", equalTo(
                                "form-data; name=\"content\"; filename=\"demo_pkg-1.0-py3-none-any.whl\""))
                        .withHeader("Content-Type", equalTo("application/octet-stream"))
                        .withBody(binaryEqualTo(content)).build()));
        LoggedRequest request = findAll(postRequestedFor(urlEqualTo("/legacy/"))).get(0);
        assertThat(request.getParts().stream().map(p -> p.getName()).toList()).containsExactly(":action",
                "protocol_version", "name", "classifiers", "classifiers", "summary", "content");
        assertThat(request.getParts().stream().filter(p -> p.getName().equals("classifiers"))
                .map(p -> p.getBody().asString()).toList())
                .containsExactly("Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License");
    }

    private long expectedLength() {
        return new MultipartFormEntity(form, ProgressListener.NONE, "x".repeat(50)).getContentLength();
    }

    @Test
    void jsonErrorShowsTheServersDetailAndAFix() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(400)
                .withStatusMessage("File already exists ('demo_pkg-1.0-py3-none-any.whl', with blake2_256 hash 'ab').")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"The server could not comply with the request since it is either malformed"
                        + " or otherwise incorrect.\\n\\n\\nFile already exists ('demo_pkg-1.0-py3-none-any.whl', with"
                        + " blake2_256 hash 'ab'). See https://pypi.org/help/#file-name-reuse for more information.\\n\\n\","
                        + " \"code\": \"400 File already exists ('demo_pkg-1.0-py3-none-any.whl', with blake2_256 hash"
                        + " 'ab'). See https://pypi.org/help/#file-name-reuse for more information.\", \"title\":"
                        + " \"Bad Request\"}")));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("The index refused demo_pkg-1.0-py3-none-any.whl: 400 File already exists"
                        + " ('demo_pkg-1.0-py3-none-any.whl', with blake2_256 hash 'ab'). See"
                        + " https://pypi.org/help/#file-name-reuse for more information.")
                .hasMessageContaining("Fix: A file with this name")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void reasonPhraseIsUsedWhenTheBodyIsNotJson() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(403)
                .withStatusMessage("Invalid API Token: token is expired")
                .withHeader("Content-Type", "text/html").withBody("<html>403</html>")));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .hasMessageContaining("403 Invalid API Token: token is expired")
                .hasMessageContaining("expired (they last 15 minutes)");
    }

    @Test
    void redirectIsNotFollowedAndTheTrailingSlashIsHinted(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/legacy").willReturn(aResponse().withStatus(308).withHeader("Location", "/legacy/")));
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        LegacyUploadClient noSlash = new LegacyUploadClient(RepositoryUrl.parse(wm.getHttpBaseUrl() + "/legacy"),
                new TextExchange(client));
        assertThatThrownBy(() -> noSlash.upload(form, TOKEN, ProgressListener.NONE))
                .hasMessageContaining("308")
                .hasMessageContaining("redirecting to /legacy/")
                .hasMessageContaining("set repositoryUrl to " + wm.getHttpBaseUrl() + "/legacy/");
        verify(0, postRequestedFor(urlEqualTo("/legacy/")));
    }

    @Test
    void aRedirectFromAUrlWithItsSlashSuggestsNoSecondSlash() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://upload.example.org/legacy/")));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .hasMessageContaining("redirecting to https://upload.example.org/legacy/")
                .hasMessageContaining("set repositoryUrl to https://upload.example.org/legacy/")
                .hasMessageNotContaining("legacy//");
    }

    @Test
    void aFileThatChangesWhileItIsSentStopsTheUploadWithItsOwnError() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200)));
        ProgressListener grow = (sent, total) -> {
            if (sent < total) {
                try {
                    Files.write(form.file(), new byte[1000], java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        assertThatThrownBy(() -> upload.upload(form, TOKEN, grow))
                .isInstanceOfSatisfying(FileChangedException.class, e -> {
                    assertThat(e.isUncertain()).isFalse();
                    assertThat(e.hashedSize()).isEqualTo(300_000);
                    assertThat(e.currentSize()).isGreaterThan(300_000);
                })
                .hasMessageContaining("demo_pkg-1.0-py3-none-any.whl changed on disk after it was hashed: it was"
                        + " 300000 bytes then, and it is 30")
                .hasMessageContaining("The upload was stopped before its end")
                .hasMessageNotContaining("Check the network")
                .hasMessageNotContaining("..");
    }

    @Test
    void aTransportErrorMessageReadsAsOneSentence() {
        stubFor(post("/legacy/").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .hasMessageContaining("Check the network or proxy")
                .hasMessageNotContaining("..");
    }

    @Test
    void serverErrorIsReportedWithAdvice() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(503).withStatusMessage("Service Unavailable")));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("503 Service Unavailable")
                .hasMessageContaining("internal error");
    }

    @Test
    void connectionResetIsReportedAsUncertain() {
        stubFor(post("/legacy/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("re-running is safe")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void slowAnswerTimesOut() {
        stubFor(post("/legacy/").willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        assertThatThrownBy(() -> upload.upload(form, TOKEN, ProgressListener.NONE))
                .hasMessageContaining("timed out");
    }
}
