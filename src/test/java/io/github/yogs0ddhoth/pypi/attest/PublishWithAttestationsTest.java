package io.github.yogs0ddhoth.pypi.attest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.PublishException;
import io.github.yogs0ddhoth.pypi.PublishRequest;
import io.github.yogs0ddhoth.pypi.Publisher;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish flow with attestations: sign and verify every file before the first upload, or upload nothing. */
class PublishWithAttestationsTest {
    @TempDir
    Path target;

    private FakeIndex index;
    private FakeSigstore sigstore;
    private Path trustConfig;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private String gitHubSigstoreToken;

    @BeforeEach
    void setUp() throws Exception {
        index = FakeIndex.start(0);
        sigstore = new FakeSigstore();
        trustConfig = target.resolve("trust.json");
        Files.writeString(trustConfig, sigstore.trustConfigJson());
        gitHubSigstoreToken = SigstoreAttesterTest.gitHubToken("publish.yml", "publish.yml");
        index.server().stubFor(get(urlPathEqualTo("/idtoken")).atPriority(1)
                .withQueryParam("audience", equalTo("sigstore"))
                .willReturn(okJson("{\"count\":1,\"value\":\"" + gitHubSigstoreToken + "\"}")));
        SampleRelease.write(target.resolve("dist"));
    }

    @AfterEach
    void tearDown() {
        index.stop();
        sigstore.close();
    }

    private ReleaseReport publish(boolean dryRun, Map<String, String> env, boolean attestations)
            throws PublishException {
        Publisher publisher = new Publisher(log, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                Http.settings(), Clock.systemUTC(), d -> {});
        return publisher.publish(PublishRequest.builder(RepositoryUrl.parse(index.uploadUrl()), CiContext.of(env, null))
                        .packagesDirectory(target).dryRun(dryRun).build(),
                new ReleaseAttester.Options(attestations, trustConfig, target.resolve("pypi-publish/attestations")));
    }

    @Test
    void everyFileIsUploadedWithItsVerifiedAttestation() throws Exception {
        ReleaseReport report = publish(false, index.gitHubEnvironment(), true);

        assertThat(report.status()).isEqualTo("published");
        assertThat(sigstore.fulcioCalls).hasValue(1);
        assertThat(sigstore.rekorCalls).hasValue(2);
        assertThat(index.uploads()).hasSize(2);
        AttestationVerifier verifier = new AttestationVerifier(sigstore.trustConfig());
        for (var upload : index.uploads()) {
            Map<String, List<String>> fields = FakeIndex.fieldMap(upload);
            String file = FakeIndex.contentFilename(upload);
            String sha = HexFormat.of().formatHex(Merkle.sha256(FakeIndex.content(upload)));
            JsonNode array = new ObjectMapper().readTree(fields.get("attestations").get(0));
            assertThat(array.isArray()).isTrue();
            assertThat(array).hasSize(1);
            Attestation a = Attestation.parse(array.get(0).toString());
            verifier.verify(a, file, sha, SigstoreAttesterTest.GITHUB);
            Path written = target.resolve("pypi-publish/attestations/" + file + ".publish.attestation");
            assertThat(Attestation.parse(Files.readString(written)).toJson()).isEqualTo(a.toJson());
            // The report points at the same Rekor entry that the uploaded attestation carries.
            assertThat(report.files()).filteredOn(f -> f.filename().equals(file))
                    .extracting(io.github.yogs0ddhoth.pypi.report.FileReport::rekorLogIndex)
                    .containsExactly(a.entry().logIndex());
        }
        assertThat(log.text()).contains("Signed 2 PEP 740 attestation(s) as GitHub workflow octo/demo")
                .contains("https://search.sigstore.dev/?logIndex=").doesNotContain(gitHubSigstoreToken);
    }

    @Test
    void rekorDownMeansNothingIsUploaded() {
        sigstore.rekorFailStatus = 503;
        sigstore.rekorFailures.set(100);

        assertThatThrownBy(() -> publish(false, index.gitHubEnvironment(), true))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("Rekor refused the log entry")
                .hasMessageContaining("Nothing was uploaded")
                .hasMessageContaining("-Dpypi.attestations=false");
        assertThat(index.uploads()).isEmpty();
    }

    @Test
    void aBadInclusionProofMeansNothingIsUploaded() {
        sigstore.corruptProof = true;

        assertThatThrownBy(() -> publish(false, index.gitHubEnvironment(), true))
                .hasMessageContaining("the RFC 6962 inclusion proof");
        assertThat(sigstore.rekorCalls).as("the first file's bad proof stops the signing").hasValue(1);
        assertThat(index.uploads()).isEmpty();
    }

    @Test
    void switchedOffNoSigstoreServiceIsAsked() throws Exception {
        publish(false, index.gitHubEnvironment(), false);

        assertThat(index.uploads()).hasSize(2)
                .allSatisfy(u -> assertThat(FakeIndex.fieldMap(u)).doesNotContainKey("attestations"));
        assertThat(sigstore.fulcioCalls).hasValue(0);
        assertThat(log.text()).contains("No PEP 740 attestations: pypi.attestations=false");
    }

    @Test
    void aDryRunNeverSignsButChecksItCould() throws Exception {
        publish(true, index.gitHubEnvironment(), true);

        assertThat(sigstore.fulcioCalls).hasValue(0);
        assertThat(sigstore.rekorCalls).hasValue(0);
        assertThat(index.mintRequests()).isZero();
        // The Sigstore token is fetched (it leaves no public record), so a job that could not sign fails here too.
        assertThat(index.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/idtoken")).withQueryParam("audience", equalTo("sigstore")))).hasSize(1);
        assertThat(log.text()).contains("each file would get a PEP 740 attestation signed as GitHub workflow"
                + " octo/demo").contains("none was made").doesNotContain(gitHubSigstoreToken);
    }

    @Test
    void aGitLabDryRunWithoutASigstoreTokenFailsAsTheRealRunWould() {
        assertThatThrownBy(() -> publish(true, index.gitLabEnvironment(), true))
                .hasMessageContaining("SIGSTORE_ID_TOKEN:")
                .hasMessageContaining("-Dpypi.attestations=false");
        assertThat(index.mintRequests()).isZero();
        assertThat(index.uploads()).isEmpty();
    }

    @Test
    void gitLabWithoutASigstoreTokenFailsBeforeTheExchangeWithTheSnippet() {
        assertThatThrownBy(() -> publish(false, index.gitLabEnvironment(), true))
                .hasMessageContaining("SIGSTORE_ID_TOKEN:")
                .hasMessageContaining("aud: sigstore")
                .hasMessageContaining("-Dpypi.attestations=false");
        assertThat(index.uploads()).isEmpty();
        assertThat(sigstore.fulcioCalls).hasValue(0);
        // The Sigstore token is asked for before the upload token: a job that cannot sign never mints one.
        assertThat(index.mintRequests()).isZero();
    }

    @Test
    void gitLabWithASigstoreTokenAttests() throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://gitlab.com");
        c.put("aud", "sigstore");
        c.put("sub", "project_path:group/demo:ref_type:tag:ref:v1.0");
        c.put("project_path", "group/demo");
        c.put("ci_config_ref_uri", "gitlab.com/group/demo//.gitlab-ci.yml@refs/tags/v1.0");
        c.put("ref_path", "refs/tags/v1.0");
        c.put("sha", SigstoreAttesterTest.SHA);
        Map<String, String> env = new LinkedHashMap<>(index.gitLabEnvironment());
        env.put("SIGSTORE_ID_TOKEN", Jwts.encode(c));

        publish(false, env, true);

        assertThat(index.uploads()).hasSize(2)
                .allSatisfy(u -> assertThat(FakeIndex.fieldMap(u)).containsKey("attestations"));
        assertThat(log.text()).contains("as GitLab pipeline gitlab.com/group/demo//.gitlab-ci.yml");
    }

    @Test
    void aReusableWorkflowPublishesWithoutAttestationsAndSaysWhy() throws Exception {
        String reusable = SigstoreAttesterTest.gitHubToken("release.yml", "publish.yml");
        index.server().stubFor(get(urlPathEqualTo("/idtoken")).atPriority(1)
                .withQueryParam("audience", equalTo("sigstore"))
                .willReturn(okJson("{\"count\":1,\"value\":\"" + reusable + "\"}")));

        publish(false, index.gitHubEnvironment(), true);

        assertThat(index.uploads()).hasSize(2)
                .allSatisfy(u -> assertThat(FakeIndex.fieldMap(u)).doesNotContainKey("attestations"));
        assertThat(sigstore.fulcioCalls).hasValue(0);
        assertThat(log.text()).contains("Publishing without PEP 740 attestations: this job runs in a reusable"
                + " workflow");
    }

    @Test
    void anIndexOtherThanPypiGetsNoneUnlessATrustConfigIsGiven() throws Exception {
        Publisher publisher = new Publisher(log, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                Http.settings(), Clock.systemUTC(), d -> {});
        publisher.publish(PublishRequest.builder(RepositoryUrl.parse(index.uploadUrl()),
                CiContext.of(index.gitHubEnvironment(), null)).packagesDirectory(target).build(),
                new ReleaseAttester.Options(true, null, null));

        assertThat(index.uploads()).hasSize(2);
        assertThat(sigstore.fulcioCalls).hasValue(0);
        assertThat(log.text()).contains("is not PyPI or TestPyPI");
    }

    private Attestation attestBeside(Path file) throws Exception {
        String sha = HexFormat.of().formatHex(Merkle.sha256(Files.readAllBytes(file)));
        Statement subject = new Statement(file.getFileName().toString(), sha);
        try (var client = io.github.yogs0ddhoth.pypi.http.HttpClientFactory.create(Http.settings())) {
            Attestation a = new SigstoreAttester(sigstore.trustConfig(),
                    new io.github.yogs0ddhoth.pypi.http.TextExchange(client),
                    io.github.yogs0ddhoth.pypi.http.RetryPolicy.none(),
                    new io.github.yogs0ddhoth.pypi.report.SecretMasker(null), Clock.systemUTC(),
                    SigstoreAttesterTest.GITHUB, m -> {}).attest(List.of(subject), gitHubSigstoreToken)
                    .get(subject.fileName());
            Files.writeString(file.resolveSibling(Attestation.fileNameFor(subject.fileName())), a.toJson());
            return a;
        }
    }

    @Test
    void anAttestationMadeElsewhereIsVerifiedAndSentInsteadOfANewOne() throws Exception {
        Path wheel = SampleRelease.wheel(target.resolve("dist"));
        Attestation made = attestBeside(wheel);
        int rekorBefore = sigstore.rekorCalls.get();

        publish(false, index.gitHubEnvironment(), true);

        assertThat(sigstore.rekorCalls.get() - rekorBefore).as("only the sdist is signed").isEqualTo(1);
        var upload = index.uploads().stream().filter(u -> FakeIndex.contentFilename(u)
                .equals(SampleRelease.WHEEL)).findFirst().orElseThrow();
        JsonNode sent = new ObjectMapper().readTree(FakeIndex.fieldMap(upload).get("attestations").get(0));
        assertThat(sent.get(0)).isEqualTo(new ObjectMapper().readTree(made.toJson()));
        assertThat(log.text()).contains("Using the attestation beside " + SampleRelease.WHEEL);
    }

    @Test
    void anAttestationMadeElsewhereThatPypiWouldRefuseStopsTheRelease() throws Exception {
        Path wheel = SampleRelease.wheel(target.resolve("dist"));
        Path sdist = SampleRelease.sdist(target.resolve("dist"));
        Attestation forSdist = attestBeside(sdist);
        // The sdist's attestation, renamed as the wheel's: its subject names another file.
        Files.writeString(wheel.resolveSibling(Attestation.fileNameFor(SampleRelease.WHEEL)), forSdist.toJson());

        assertThatThrownBy(() -> publish(false, index.gitHubEnvironment(), true))
                .hasMessageContaining("The attestation beside " + SampleRelease.WHEEL)
                .hasMessageContaining("would be refused by PyPI")
                .hasMessageContaining("the statement's subject against the file");
        assertThat(index.uploads()).isEmpty();
    }

    @Test
    void theAttesterKeepsEachFilesAttestationForTheReport() throws Exception {
        var client = io.github.yogs0ddhoth.pypi.http.HttpClientFactory.create(Http.settings());
        ReleaseAttester attester = new ReleaseAttester(new ReleaseAttester.Options(true, trustConfig, null),
                new io.github.yogs0ddhoth.pypi.http.TextExchange(client),
                io.github.yogs0ddhoth.pypi.http.RetryPolicy.none(),
                new io.github.yogs0ddhoth.pypi.report.SecretMasker(null), Clock.systemUTC(), log);
        Statement s = SigstoreAttesterTest.file("demo-1.0.tar.gz", "x");
        io.github.yogs0ddhoth.pypi.identity.IdToken token = io.github.yogs0ddhoth.pypi.identity.IdToken.parse(
                gitHubSigstoreToken, "test");
        io.github.yogs0ddhoth.pypi.identity.IdentityProvider ci = new io.github.yogs0ddhoth.pypi.identity
                .IdentityProvider() {
            public String displayName() {
                return "test CI";
            }

            public io.github.yogs0ddhoth.pypi.identity.PublisherKind kind() {
                return io.github.yogs0ddhoth.pypi.identity.PublisherKind.GITHUB;
            }

            public boolean canRefreshToken() {
                return true;
            }

            public void maskEnvironmentSecrets() {}

            public io.github.yogs0ddhoth.pypi.identity.IdToken fetchIdToken(String audience) {
                assertThat(audience).isEqualTo("sigstore");
                return token;
            }
        };

        Map<String, String> forms = attester.attest(java.net.URI.create("https://upload.pypi.org/legacy/"), () -> ci,
                List.of(s));

        String form = forms.get(s.fileName());
        Attestation a = Attestation.parse(form.substring(1, form.length() - 1));
        assertThat(form).isEqualTo("[" + a.toJson() + "]");
        assertThat(attester.rekorLogIndexes()).containsEntry(s.fileName(), a.entry().logIndex());
        assertThat(a.entry().logIndex()).isGreaterThanOrEqualTo(FakeSigstore.GLOBAL_INDEX_OFFSET);
        client.close();
    }
}
