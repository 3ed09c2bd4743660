package io.github.yogs0ddhoth.pypi.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class GoogleCloudIdentityTest {
    private static final String PATH = GoogleCloudIdentity.IDENTITY_PATH;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final SecretMasker masker =
            new SecretMasker(new WorkflowCommands(new PrintStream(stdout, true, StandardCharsets.UTF_8)));
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        env.put("GCE_METADATA_HOST", "127.0.0.1:" + wm.getHttpPort());
    }

    private GoogleCloudIdentity identity() {
        return new GoogleCloudIdentity(env, masker, "K_SERVICE is set");
    }

    @Test
    void asksTheMetadataServerForAFullTokenForTheAudience() throws Exception {
        String jwt = Jwts.googleJwt();
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Metadata-Flavor", "Google").withBody(jwt + "\n")));

        IdToken token = identity().fetchIdToken("testpypi");

        assertThat(token.value()).isEqualTo(jwt);
        assertThat(token.claim("email")).isEqualTo("publisher@octo-project.iam.gserviceaccount.com");
        verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("audience", equalTo("testpypi"))
                .withQueryParam("format", equalTo("full"))
                .withHeader("Metadata-Flavor", equalTo("Google")));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("::add-mask::" + jwt);
    }

    @Test
    void metadataHostGivenAsAUrlIsAccepted(WireMockRuntimeInfo wm) throws Exception {
        env.put("GCE_METADATA_HOST", "http://127.0.0.1:" + wm.getHttpPort() + "/");
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Metadata-Flavor", "Google").withBody(Jwts.googleJwt())));
        assertThat(identity().fetchIdToken("pypi").claim("email_verified")).isEqualTo("true");
    }

    @Test
    void defaultsToTheMetadataHostnameAndShortTimeouts() {
        assertThat(GoogleCloudIdentity.DEFAULT_HOST).isEqualTo("metadata.google.internal");
        assertThat(GoogleCloudIdentity.CONNECT_TIMEOUT.plus(GoogleCloudIdentity.READ_TIMEOUT))
                .isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(identity().canRefreshToken()).isTrue();
        assertThat(identity().kind()).isEqualTo(PublisherKind.GOOGLE);
    }

    @Test
    void answerWithoutTheMetadataFlavorHeaderIsNotTrusted() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("captive-portal-page")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("without the response header 'Metadata-Flavor: Google'")
                .hasMessageContaining("K_SERVICE is set")
                .hasMessageNotContaining("captive-portal-page");
    }

    @Test
    void notFoundMeansNoServiceAccount() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Metadata-Flavor", "Google").withBody("Not Found")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("answered 404")
                .hasMessageContaining("no service account");
    }

    @Test
    void forbiddenPointsAtWorkloadIdentity() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Metadata-Flavor", "Google")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi")).hasMessageContaining("Workload Identity");
    }

    @Test
    void slowServerFailsWithinTheShortTimeout() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Metadata-Flavor", "Google").withBody("x").withFixedDelay(1500)));
        GoogleCloudIdentity fast = new GoogleCloudIdentity(env, masker, "GCE_METADATA_HOST is set",
                Duration.ofMillis(300), Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> fast.fetchIdToken("pypi"))
                .hasMessageContaining("Could not reach Google Cloud's metadata server")
                .hasMessageContaining("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void unreachableServerNamesWhyGoogleWasAssumed() {
        env.put("GCE_METADATA_HOST", "127.0.0.1:1");
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("Could not reach Google Cloud's metadata server at http://127.0.0.1:1")
                .hasMessageContaining("because K_SERVICE is set");
    }

    @Test
    void bodyThatIsNotAJwtIsExplainedWithoutShowingIt() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Metadata-Flavor", "Google").withBody("not-a-jwt-but-secret")));
        assertThatThrownBy(() -> identity().fetchIdToken("pypi"))
                .hasMessageContaining("not a JWT")
                .hasMessageNotContaining("not-a-jwt-but-secret");
    }
}
