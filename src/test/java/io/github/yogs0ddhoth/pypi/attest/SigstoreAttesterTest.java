package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigstoreAttesterTest {
    static final String SHA = "8c13f0a4d1b2e3f4a5b6c7d8e9f0011223344556";
    static final ExpectedPublisher GITHUB = new ExpectedPublisher.GitHub("octo/demo", "publish.yml");

    private FakeSigstore fake;
    private CloseableHttpClient client;
    private TrustConfig trust;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSigstore();
        trust = fake.trustConfig();
        client = HttpClientFactory.create(new HttpSettings("attest-test", Duration.ofSeconds(5),
                Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fake.close();
    }

    private SigstoreAttester attester(ExpectedPublisher publisher) {
        RetryPolicy retries = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, () -> 0, d -> {});
        return new SigstoreAttester(trust, new TextExchange(client), retries, new SecretMasker(null),
                Clock.systemUTC(), publisher, log::add);
    }

    static String gitHubToken(String workflowFile, String jobWorkflowFile) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ExpectedPublisher.GITHUB_ISSUER);
        c.put("aud", "sigstore");
        c.put("sub", "repo:octo/demo:ref:refs/tags/v1.0");
        c.put("repository", "octo/demo");
        c.put("workflow_ref", "octo/demo/.github/workflows/" + workflowFile + "@refs/tags/v1.0");
        c.put("job_workflow_ref", "octo/demo/.github/workflows/" + jobWorkflowFile + "@refs/tags/v1.0");
        c.put("sha", SHA);
        c.put("ref", "refs/tags/v1.0");
        c.put("exp", Jwts.EXPIRES);
        return Jwts.encode(c);
    }

    static Statement file(String name, String content) throws Exception {
        return new Statement(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void attestsEveryFileWithOneCertificateAndOneRekorEntryEach() throws Exception {
        Statement wheel = file("demo-1.0-py3-none-any.whl", "wheel bytes");
        Statement sdist = file("demo-1.0.tar.gz", "sdist bytes");
        String token = gitHubToken("publish.yml", "publish.yml");

        Map<String, Attestation> out = attester(GITHUB).attest(List.of(wheel, sdist), token);

        assertThat(out).containsOnlyKeys(wheel.fileName(), sdist.fileName());
        assertThat(fake.fulcioCalls).hasValue(1);
        assertThat(fake.rekorCalls).hasValue(2);
        assertThat(fake.authorizations).containsExactly("Bearer " + token);
        AttestationVerifier verifier = new AttestationVerifier(trust);
        for (Statement s : List.of(wheel, sdist)) {
            Attestation a = Attestation.parse(out.get(s.fileName()).toJson());
            VerifiedAttestation v = verifier.verify(a, s.fileName(), s.sha256(), GITHUB);
            assertThat(v.logIndex()).isGreaterThanOrEqualTo(FakeSigstore.GLOBAL_INDEX_OFFSET);
            assertThat(a.entry().inclusionProof().logIndex()).isLessThan(FakeSigstore.GLOBAL_INDEX_OFFSET);
            assertThat(v.identity().buildConfigUri())
                    .isEqualTo("https://github.com/octo/demo/.github/workflows/publish.yml@refs/tags/v1.0");
            assertThat(a.statement()).isEqualTo(s.toBytes());
        }
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("Attested demo-1.0.tar.gz: Rekor entry ")
                .contains("https://search.sigstore.dev/?logIndex="));
    }

    @Test
    void attestsForGitLabAndGoogle() throws Exception {
        Map<String, Object> gl = new LinkedHashMap<>();
        gl.put("iss", "https://gitlab.com");
        gl.put("aud", "sigstore");
        gl.put("sub", "project_path:group/demo:ref_type:tag:ref:v1.0");
        gl.put("project_path", "group/demo");
        gl.put("ci_config_ref_uri", "gitlab.com/group/demo//.gitlab-ci.yml@refs/tags/v1.0");
        gl.put("ref_path", "refs/tags/v1.0");
        gl.put("sha", SHA);
        Statement s = file("demo-1.0.tar.gz", "x");
        ExpectedPublisher gitlab = new ExpectedPublisher.GitLab("group/demo", ".gitlab-ci.yml");
        Attestation a = attester(gitlab).attest(List.of(s), Jwts.encode(gl)).get(s.fileName());
        assertThat(new AttestationVerifier(trust).verify(a, s.fileName(), s.sha256(), gitlab).identity().sanUris())
                .containsExactly("https://gitlab.com/group/demo//.gitlab-ci.yml@refs/tags/v1.0");

        Map<String, Object> g = new LinkedHashMap<>();
        g.put("iss", ExpectedPublisher.GOOGLE_ISSUER);
        g.put("aud", "sigstore");
        g.put("sub", "1234567890");
        g.put("email", "publisher@demo.iam.gserviceaccount.com");
        g.put("email_verified", true);
        ExpectedPublisher google = new ExpectedPublisher.Google("publisher@demo.iam.gserviceaccount.com");
        Attestation b = attester(google).attest(List.of(s), Jwts.encode(g)).get(s.fileName());
        assertThat(new AttestationVerifier(trust).verify(b, s.fileName(), s.sha256(), google).identity().sanEmails())
                .containsExactly("publisher@demo.iam.gserviceaccount.com");
    }

    @Test
    void aReusableWorkflowIsRefusedLocallyAsPypiWouldRefuseIt() throws Exception {
        // PyPI matched the publisher on the called file, but the certificate names the calling workflow.
        Statement s = file("demo-1.0.tar.gz", "x");

        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(s), gitHubToken("release.yml", "publish.yml")))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.IDENTITY))
                .hasMessageContaining("Build Config URI is 'https://github.com/octo/demo/.github/workflows/release.yml");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedBeforeFulcioWithoutShowingIt() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ExpectedPublisher.GITHUB_ISSUER);
        c.put("aud", "pypi");
        c.put("sub", "repo:octo/demo:ref:refs/tags/v1.0");
        String pypiToken = Jwts.encode(c);

        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(), pypiToken))
                .hasMessageContaining("audience pypi").hasMessageContaining("SIGSTORE_ID_TOKEN")
                .message().doesNotContain(pypiToken);
        assertThat(fake.fulcioCalls).hasValue(0);
    }

    @Test
    void overloadedServicesAreRetriedWithinTheBudget() throws Exception {
        fake.fulcioFailStatus = 503;
        fake.fulcioFailures.set(2);
        fake.rekorFailStatus = 502;
        fake.rekorFailures.set(1);
        Statement s = file("demo-1.0.tar.gz", "x");

        attester(GITHUB).attest(List.of(s), gitHubToken("publish.yml", "publish.yml"));

        assertThat(fake.fulcioCalls).hasValue(3);
        assertThat(fake.rekorCalls).hasValue(2);
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("Fulcio: POST").contains("503").contains("1 of 2"));
    }

    @Test
    void fulcioDownStopsEverythingAndNamesTheOptOut() throws Exception {
        fake.fulcioFailStatus = 503;
        fake.fulcioFailures.set(10);

        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(file("demo-1.0.tar.gz", "x")),
                gitHubToken("publish.yml", "publish.yml")))
                .hasMessageContaining("Fulcio refused").hasMessageContaining("503")
                .hasMessageContaining("-Dpypi.attestations=false");
        assertThat(fake.fulcioCalls).hasValue(3);
        assertThat(fake.rekorCalls).hasValue(0);
    }

    @Test
    void rekorDownNamesRekor() throws Exception {
        fake.rekorFailStatus = 500;
        fake.rekorFailures.set(10);

        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(file("demo-1.0.tar.gz", "x")),
                gitHubToken("publish.yml", "publish.yml")))
                .hasMessageContaining("Rekor refused the log entry").hasMessageContaining("500")
                .hasMessageContaining("-Dpypi.attestations=false");
        assertThat(fake.rekorCalls).hasValue(3);
    }

    @Test
    void anEntryAlreadyLoggedIsFetchedFromItsLocation() throws Exception {
        fake.rekorAnswersConflict = true;
        Statement s = file("demo-1.0.tar.gz", "x");

        Attestation a = attester(GITHUB).attest(List.of(s), gitHubToken("publish.yml", "publish.yml"))
                .get(s.fileName());

        assertThat(new AttestationVerifier(trust).verify(a, s.fileName(), s.sha256(), GITHUB).logIndex())
                .isEqualTo(FakeSigstore.GLOBAL_INDEX_OFFSET);
    }

    @Test
    void aBadInclusionProofOrARogueSctIsCaughtBeforeUpload() throws Exception {
        Statement s = file("demo-1.0.tar.gz", "x");
        String token = gitHubToken("publish.yml", "publish.yml");
        attester(GITHUB).attest(List.of(s), token); // the first entry of a tree has an empty proof
        fake.corruptProof = true;
        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(s), token))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.INCLUSION_PROOF));
        fake.corruptProof = false;
        fake.rogueSct = true;
        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(s), token))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.CERTIFICATE_TRANSPARENCY));
    }

    @Test
    void aFailedCheckNamesTheFileAndTheServiceWhoseAnswerFailedIt() throws Exception {
        Statement s = file("demo-1.0.tar.gz", "x");
        String token = gitHubToken("publish.yml", "publish.yml");
        fake.corruptProof = true;
        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(s), token))
                .hasMessageStartingWith("Rekor (" + fake.url() + ") answered with a log entry for demo-1.0.tar.gz"
                        + " that PyPI would refuse. Attestation check failed: the RFC 6962 inclusion proof.");
        fake.corruptProof = false;
        fake.rogueSct = true;
        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(s), token))
                .hasMessageStartingWith("Fulcio (" + fake.url() + ") answered with a certificate for"
                        + " demo-1.0.tar.gz that PyPI would refuse. Attestation check failed: the certificate's"
                        + " embedded SCT");
        assertThat(java.util.Arrays.stream(Check.values()).filter(c -> c.service() == null))
                .as("what the plugin makes itself").containsExactly(Check.STATEMENT, Check.SUBJECT, Check.SIGNATURE);
    }

    @Test
    void everyCheckCatchesItsTamperedField(@TempDir Path dir) throws Exception {
        Statement s = file("demo-1.0.tar.gz", "x");
        Attestation a = attester(GITHUB).attest(List.of(s), gitHubToken("publish.yml", "publish.yml"))
                .get(s.fileName());
        TransparencyLogEntry e = a.entry();
        InclusionProof p = e.inclusionProof();
        AttestationVerifier verifier = new AttestationVerifier(trust);
        verifier.verify(a, s.fileName(), s.sha256(), GITHUB);

        Map<Check, Attestation> tampered = new LinkedHashMap<>();
        tampered.put(Check.STATEMENT, new Attestation(a.certificate(), e, "{}".getBytes(), a.signature()));
        tampered.put(Check.SIGNATURE, new Attestation(a.certificate(), e, a.statement(),
                RealVectorsTest.flip(a.signature())));
        tampered.put(Check.BODY, new Attestation(a.certificate(), e, a.statement(),
                RealVectorsTest.malleate(a.signature())));
        tampered.put(Check.SIGNED_ENTRY_TIMESTAMP, with(a, new TransparencyLogEntry(e.logIndex(), e.logKeyId(),
                e.kind(), e.kindVersion(), e.integratedTime() - 1, e.signedEntryTimestamp(), p,
                e.canonicalizedBody())));
        tampered.put(Check.INCLUSION_PROOF, with(a, proof(e, new InclusionProof(p.logIndex(), p.rootHash(),
                p.treeSize() + 1, p.hashes(), p.checkpoint()))));
        tampered.put(Check.CHECKPOINT, with(a, proof(e, new InclusionProof(p.logIndex(), p.rootHash(), p.treeSize(),
                p.hashes(), p.checkpoint().replace("\n" + p.treeSize() + "\n", "\n" + (p.treeSize() + 1) + "\n")))));
        tampered.put(Check.LOG_ENTRY, with(a, new TransparencyLogEntry(e.logIndex(),
                RealVectorsTest.flip(e.logKeyId()), e.kind(), e.kindVersion(), e.integratedTime(),
                e.signedEntryTimestamp(), p, e.canonicalizedBody())));
        for (Map.Entry<Check, Attestation> t : tampered.entrySet()) {
            assertThatThrownBy(() -> verifier.verify(t.getValue(), s.fileName(), s.sha256(), GITHUB))
                    .as(t.getKey().name())
                    .isInstanceOfSatisfying(VerificationException.class,
                            ex -> assertThat(ex.check()).as(ex.getMessage()).isEqualTo(t.getKey()));
        }
        assertThatThrownBy(() -> verifier.verify(a, s.fileName(), "0".repeat(64), GITHUB))
                .isInstanceOfSatisfying(VerificationException.class,
                        ex -> assertThat(ex.check()).isEqualTo(Check.SUBJECT));
        assertThatThrownBy(() -> verifier.verify(a, s.fileName(), s.sha256(),
                new ExpectedPublisher.GitHub("octo/other", "publish.yml")))
                .isInstanceOfSatisfying(VerificationException.class,
                        ex -> assertThat(ex.check()).isEqualTo(Check.IDENTITY))
                .hasMessageContaining("Source Repository URI");
        try (FakeSigstore other = new FakeSigstore()) {
            // Another CA, same Rekor and CT keys: only the chain differs.
            String json = other.trustConfigJson();
            TrustConfig foreignCa = TrustConfig.parse(json, "another CA");
            TrustConfig mixed = new TrustConfig("another CA", foreignCa.certificateAuthorities(), trust.rekorLogs(),
                    trust.ctLogs(), trust.fulcioServices(), trust.rekorServices());
            assertThatThrownBy(() -> new AttestationVerifier(mixed).verify(a, s.fileName(), s.sha256(), GITHUB))
                    .isInstanceOfSatisfying(VerificationException.class,
                            ex -> assertThat(ex.check()).isEqualTo(Check.CERTIFICATE_CHAIN));
            Files.writeString(dir.resolve("t.json"), json);
            assertThat(TrustConfig.load(dir.resolve("t.json")).fulcioUrl(java.time.Instant.now()))
                    .isEqualTo(other.url());
        }
    }

    @Test
    void theTokenIsNeverSentOverPlainHttpToAnotherMachine() throws Exception {
        trust = TrustConfig.parse(fake.trustConfigJson().replace(fake.url(), "http://fulcio.example"), "plain.json");

        assertThatThrownBy(() -> attester(GITHUB).attest(List.of(file("demo-1.0.tar.gz", "x")),
                gitHubToken("publish.yml", "publish.yml")))
                .hasMessageContaining("The Fulcio URL of plain.json 'http://fulcio.example'")
                .hasMessageContaining("plain http://");
    }

    private static Attestation with(Attestation a, TransparencyLogEntry e) {
        return new Attestation(a.certificate(), e, a.statement(), a.signature());
    }

    private static TransparencyLogEntry proof(TransparencyLogEntry e, InclusionProof p) {
        return new TransparencyLogEntry(e.logIndex(), e.logKeyId(), e.kind(), e.kindVersion(), e.integratedTime(),
                e.signedEntryTimestamp(), p, e.canonicalizedBody());
    }
}
