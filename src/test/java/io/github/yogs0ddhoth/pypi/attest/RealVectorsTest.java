package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real entries of Sigstore's public-good instance, verified against the bundled public-good trust root.
 *
 * <p>Two sets of vectors, both committed with a note of where they came from: a Maven Central bundle
 * (src/test/resources/attest/maven-central/README.md) and real PyPI publish attestations from pypi-attestations'
 * test assets (src/test/resources/attest/pypi-attestations/README.md).
 */
class RealVectorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TrustConfig PUBLIC_GOOD = TrustConfig.publicGood();
    private final AttestationVerifier verifier = new AttestationVerifier(PUBLIC_GOOD);

    // ---- a real hashedrekord entry from Maven Central: everything but the dsse-specific parts ----

    private static JsonNode centralBundle() throws Exception {
        try (InputStream in = RealVectorsTest.class.getResourceAsStream(
                "/attest/maven-central/sigstore-java-2.0.0.jar.sigstore.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static TransparencyLogEntry entryOf(JsonNode bundle) throws Exception {
        return AttestationJson.readEntry(bundle.at("/verificationMaterial/tlogEntries/0"));
    }

    private static X509Certificate leafOf(JsonNode bundle) throws Exception {
        return Pem.parseCertificate(Base64.getDecoder().decode(
                bundle.at("/verificationMaterial/certificate/rawBytes").asText()));
    }

    @Test
    void mavenCentralEntryIsLoggedPromisedIncludedAndCheckpointed() throws Exception {
        TransparencyLogEntry entry = entryOf(centralBundle());

        TransparencyLog log = verifier.verifyLogged(entry);

        assertThat(log.baseUrl()).isEqualTo("https://rekor.sigstore.dev");
        assertThat(entry.inclusionProof().treeSize()).isEqualTo(589407996L);
    }

    @Test
    void mavenCentralCertificateChainsToFulcioAndCarriesAValidSct() throws Exception {
        JsonNode bundle = centralBundle();
        X509Certificate leaf = leafOf(bundle);
        Instant at = Instant.ofEpochSecond(entryOf(bundle).integratedTime());

        X509Certificate issuer = verifier.verifyChain(leaf, at);
        CertificateTransparency.verify(leaf, issuer, PUBLIC_GOOD);

        assertThat(issuer.getSubjectX500Principal().getName()).contains("sigstore-intermediate");
        assertThatThrownBy(() -> verifier.verifyChain(leaf, at.plusSeconds(3600)))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.CERTIFICATE_CHAIN));
        TrustConfig noCtLogs = new TrustConfig("no-ct", PUBLIC_GOOD.certificateAuthorities(), PUBLIC_GOOD.rekorLogs(),
                List.of(), List.of(), List.of());
        assertThatThrownBy(() -> CertificateTransparency.verify(leaf, issuer, noCtLogs))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.CERTIFICATE_TRANSPARENCY))
                .hasMessageContaining("not in the trust root");
        assertThatThrownBy(() -> CertificateTransparency.verify(leaf, leaf, PUBLIC_GOOD))
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void mavenCentralCertificateNamesItsGitHubWorkflow() throws Exception {
        FulcioIdentity id = FulcioIdentity.of(leafOf(centralBundle()));

        new ExpectedPublisher.GitHub("sigstore/sigstore-java", "release-sigstore-java-from-tag.yaml").check(id);
        assertThat(id.sourceRepositoryRef()).isEqualTo("refs/tags/v2.0.0");
        assertThatThrownBy(() -> new ExpectedPublisher.GitHub("sigstore/sigstore-java", "publish.yml").check(id))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.IDENTITY))
                .hasMessageContaining("Build Config URI")
                .hasMessageContaining("/.github/workflows/publish.yml@refs/tags/v2.0.0");
        assertThatThrownBy(() -> new ExpectedPublisher.GitLab("sigstore/sigstore-java", ".gitlab-ci.yml").check(id))
                .hasMessageContaining("OIDC issuer");
    }

    @Test
    void tamperedMavenCentralEntriesFailTheirCheck() throws Exception {
        TransparencyLogEntry e = entryOf(centralBundle());
        InclusionProof p = e.inclusionProof();

        List<byte[]> hashes = new ArrayList<>(p.hashes());
        hashes.set(3, flip(hashes.get(3)));
        assertCheck(Check.INCLUSION_PROOF, withProof(e, new InclusionProof(p.logIndex(), p.rootHash(), p.treeSize(),
                hashes, p.checkpoint())));
        assertCheck(Check.INCLUSION_PROOF, withProof(e, new InclusionProof(p.logIndex() + 1, p.rootHash(),
                p.treeSize(), p.hashes(), p.checkpoint())));
        assertCheck(Check.SIGNED_ENTRY_TIMESTAMP, new TransparencyLogEntry(e.logIndex(), e.logKeyId(), e.kind(),
                e.kindVersion(), e.integratedTime() + 1, e.signedEntryTimestamp(), p, e.canonicalizedBody()));
        assertCheck(Check.SIGNED_ENTRY_TIMESTAMP, new TransparencyLogEntry(e.logIndex(), e.logKeyId(), e.kind(),
                e.kindVersion(), e.integratedTime(), flip(e.signedEntryTimestamp()), p, e.canonicalizedBody()));
        String cp = p.checkpoint();
        String badSig = cp.substring(0, cp.length() - 6) + (cp.charAt(cp.length() - 6) == 'A' ? 'B' : 'A')
                + cp.substring(cp.length() - 5);
        assertCheck(Check.CHECKPOINT, withProof(e, new InclusionProof(p.logIndex(), p.rootHash(), p.treeSize(),
                p.hashes(), badSig)));
        assertCheck(Check.LOG_ENTRY, new TransparencyLogEntry(e.logIndex(), flip(e.logKeyId()), e.kind(),
                e.kindVersion(), e.integratedTime(), e.signedEntryTimestamp(), p, e.canonicalizedBody()));
    }

    private void assertCheck(Check check, TransparencyLogEntry entry) {
        assertThatThrownBy(() -> verifier.verifyLogged(entry))
                .isInstanceOfSatisfying(VerificationException.class, ex -> assertThat(ex.check()).isEqualTo(check));
    }

    private static TransparencyLogEntry withProof(TransparencyLogEntry e, InclusionProof p) {
        return new TransparencyLogEntry(e.logIndex(), e.logKeyId(), e.kind(), e.kindVersion(), e.integratedTime(),
                e.signedEntryTimestamp(), p, e.canonicalizedBody());
    }

    private static final java.math.BigInteger P256_ORDER = new java.math.BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /** The other valid ECDSA signature of the same message: (r, n - s). */
    static byte[] malleate(byte[] der) throws Exception {
        Der.Tlv seq = Der.read(der);
        java.math.BigInteger r = new java.math.BigInteger(seq.child(0).value());
        java.math.BigInteger s = new java.math.BigInteger(seq.child(1).value());
        return Der.sequence(Der.integer(r), Der.integer(P256_ORDER.subtract(s)));
    }

    static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 1;
        return c;
    }

    // ---- real PyPI attestations, when a directory of them is given ----

    /** The folder of pypi-attestations' assets on the test class path. */
    private static Path vectors() throws Exception {
        return Path.of(RealVectorsTest.class.getResource(
                "/attest/pypi-attestations/pypi_attestations-0.0.19.tar.gz.publish.attestation").toURI()).getParent();
    }

    private static Attestation load(Path dir, String file) throws Exception {
        return Attestation.parse(Files.readString(dir.resolve(Attestation.fileNameFor(file))));
    }

    private static String subjectDigest(Attestation a) throws Exception {
        return Statement.parse(a.statement()).sha256();
    }

    @Test
    void realGitHubAndGitLabAttestationsVerify() throws Exception {
        Path dir = vectors();
        Attestation gh = load(dir, "pypi_attestations-0.0.19.tar.gz");
        Attestation gl = load(dir, "gitlab_oidc_project-0.0.3.tar.gz");
        String glDigest = HexFormat.of().formatHex(Merkle.sha256(Files.readAllBytes(
                dir.resolve("gitlab_oidc_project-0.0.3.tar.gz"))));

        String ghDigest = HexFormat.of().formatHex(Merkle.sha256(Files.readAllBytes(
                dir.resolve("pypi_attestations-0.0.19.tar.gz"))));
        assertThat(subjectDigest(gh)).isEqualTo(ghDigest);

        VerifiedAttestation v = verifier.verify(gh, "pypi_attestations-0.0.19.tar.gz", ghDigest,
                new ExpectedPublisher.GitHub("trailofbits/pypi-attestations", "release.yml"));
        verifier.verify(gl, "gitlab_oidc_project-0.0.3.tar.gz", glDigest,
                new ExpectedPublisher.GitLab("facutuesca/gitlab-oidc-project", ".gitlab-ci.yml"));

        assertThat(v.identity().sourceRepositoryRef()).isEqualTo("refs/tags/v0.0.19");
        assertThat(v.searchUrl()).startsWith("https://search.sigstore.dev/?logIndex=");
        // The file as parsed and written again is the same object: PyPI's field names and shapes.
        assertThat(MAPPER.readTree(gh.toJson())).isEqualTo(MAPPER.readTree(Files.readString(
                dir.resolve("pypi_attestations-0.0.19.tar.gz.publish.attestation"))));
    }

    @Test
    void tamperedRealAttestationsFailEachCheck() throws Exception {
        Path dir = vectors();
        String file = "pypi_attestations-0.0.19.tar.gz";
        Attestation a = load(dir, file);
        String digest = subjectDigest(a);
        ExpectedPublisher publisher = new ExpectedPublisher.GitHub("trailofbits/pypi-attestations", "release.yml");
        TransparencyLogEntry e = a.entry();
        InclusionProof p = e.inclusionProof();

        expect(Check.SUBJECT, a, "pypi_attestations-0.0.20.tar.gz", digest, publisher);
        expect(Check.SUBJECT, a, file, digest.replace(digest.charAt(0), digest.charAt(0) == 'a' ? 'b' : 'a'),
                publisher);
        byte[] otherStatement = new Statement(file, digest).toBytes();
        assertThat(otherStatement).isEqualTo(a.statement()); // the same bytes pypi-attestations wrote
        expect(Check.SIGNATURE, new Attestation(a.certificate(), e, a.statement(), flip(a.signature())), file,
                digest, publisher);
        expect(Check.IDENTITY, a, file, digest, new ExpectedPublisher.GitHub("trailofbits/pypi-attestations",
                "other.yml"));
        expect(Check.IDENTITY, a, file, digest, new ExpectedPublisher.Google("someone@example.iam.gserviceaccount.com"));
        expect(Check.CERTIFICATE_CHAIN, new Attestation(flip(a.certificate()), e, a.statement(), a.signature()),
                file, digest, publisher);
        Attestation gl = load(dir, "gitlab_oidc_project-0.0.3.tar.gz");
        // (r, n - s) verifies as well as (r, s), but it is not the signature Rekor logged.
        expect(Check.BODY, new Attestation(a.certificate(), e, a.statement(), malleate(a.signature())), file, digest,
                publisher);
        List<byte[]> hashes = new ArrayList<>(p.hashes());
        hashes.set(0, flip(hashes.get(0)));
        expect(Check.INCLUSION_PROOF, with(a, withProof(e, new InclusionProof(p.logIndex(), p.rootHash(),
                p.treeSize(), hashes, p.checkpoint()))), file, digest, publisher);
        expect(Check.CHECKPOINT, with(a, withProof(e, new InclusionProof(p.logIndex(), p.rootHash(), p.treeSize(),
                p.hashes(), gl.entry().inclusionProof().checkpoint()))), file, digest, publisher);
        expect(Check.SIGNED_ENTRY_TIMESTAMP, with(a, new TransparencyLogEntry(e.logIndex() + 1, e.logKeyId(),
                e.kind(), e.kindVersion(), e.integratedTime(), e.signedEntryTimestamp(), p, e.canonicalizedBody())),
                file, digest, publisher);
        expect(Check.LOG_ENTRY, with(a, new TransparencyLogEntry(e.logIndex(), e.logKeyId(), "intoto", "0.0.2",
                e.integratedTime(), e.signedEntryTimestamp(), p, e.canonicalizedBody())), file, digest, publisher);

        // A body rewritten to another payload hash no longer hashes to the logged leaf.
        ObjectNode body = (ObjectNode) MAPPER.readTree(e.canonicalizedBody());
        ((ObjectNode) body.at("/spec/payloadHash")).put("value", "00".repeat(32));
        expect(Check.SIGNED_ENTRY_TIMESTAMP, with(a, new TransparencyLogEntry(e.logIndex(), e.logKeyId(), e.kind(),
                e.kindVersion(), e.integratedTime(), e.signedEntryTimestamp(), p, MAPPER.writeValueAsBytes(body))),
                file, digest, publisher);
    }

    @Test
    void anAttestationOfSigstoresStagingInstanceIsNotTrusted() throws Exception {
        Path dir = vectors();
        String file = "rfc8785-0.1.2-py3-none-any.whl";
        Attestation a = load(dir, file);
        String digest = HexFormat.of().formatHex(Merkle.sha256(Files.readAllBytes(dir.resolve(file))));
        assertThat(subjectDigest(a)).isEqualTo(digest);

        // PyPI verifies against the public-good instance: an entry of the staging log proves nothing to it.
        assertThatThrownBy(() -> verifier.verifyLogged(a.entry()))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.LOG_ENTRY))
                .hasMessageContaining("does not trust");
        assertThatThrownBy(() -> verifier.verify(a, file, digest,
                new ExpectedPublisher.Google("william@yossarian.net")))
                .isInstanceOf(VerificationException.class);
    }

    private static Attestation with(Attestation a, TransparencyLogEntry e) {
        return new Attestation(a.certificate(), e, a.statement(), a.signature());
    }

    private void expect(Check check, Attestation a, String file, String digest, ExpectedPublisher publisher) {
        assertThatThrownBy(() -> verifier.verify(a, file, digest, publisher))
                .isInstanceOfSatisfying(VerificationException.class, ex -> assertThat(ex.check()).as(ex.getMessage())
                        .isEqualTo(check));
    }
}
