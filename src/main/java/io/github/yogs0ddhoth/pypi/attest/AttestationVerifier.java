package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Checks an attestation the way PyPI will on upload (pypi-attestations over sigstore-python's DSSE verification),
 * so that a file is never sent with an attestation PyPI would refuse. Each failure names its {@link Check}.
 */
final class AttestationVerifier {
    static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TrustConfig trust;

    public AttestationVerifier(TrustConfig trust) {
        this.trust = trust;
    }

    /**
     * @param fileName  the distribution's file name as it will be uploaded
     * @param sha256    its SHA-256, lower-case hex
     * @param publisher the trusted publisher PyPI will match the certificate against
     */
    public VerifiedAttestation verify(Attestation a, String fileName, String sha256, ExpectedPublisher publisher)
            throws VerificationException {
        Statement statement;
        try {
            statement = Statement.parse(a.statement());
        } catch (AttestationException e) {
            throw new VerificationException(Check.STATEMENT, e.getMessage());
        }
        if (!statement.fileName().equals(fileName)) {
            throw new VerificationException(Check.SUBJECT, "The statement names the file '" + statement.fileName()
                    + "'; the file being uploaded is '" + fileName + "'.");
        }
        if (!statement.sha256().equals(sha256)) {
            throw new VerificationException(Check.SUBJECT, "The statement gives " + fileName + " the sha256 "
                    + statement.sha256() + "; the file's sha256 is " + sha256 + ". The file changed after it was"
                    + " attested, or the attestation belongs to another build.");
        }
        X509Certificate leaf;
        try {
            leaf = Pem.parseCertificate(a.certificate());
        } catch (AttestationException e) {
            throw new VerificationException(Check.CERTIFICATE_CHAIN, e.getMessage());
        }
        TransparencyLogEntry entry = a.entry();
        TransparencyLog rekor = verifyLogEntry(entry);
        Instant integrated = Instant.ofEpochSecond(entry.integratedTime());
        X509Certificate issuer = verifyChain(leaf, integrated);
        CertificateTransparency.verify(leaf, issuer, trust);
        if (!Signatures.verify(leaf.getPublicKey(), Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, a.statement()),
                a.signature())) {
            throw new VerificationException(Check.SIGNATURE, "The envelope's signature does not verify with the"
                    + " certificate's public key over the DSSE encoding of the statement.");
        }
        verifyBody(entry, a, leaf);
        FulcioIdentity identity;
        try {
            identity = FulcioIdentity.of(leaf);
        } catch (AttestationException e) {
            throw new VerificationException(Check.IDENTITY, e.getMessage());
        }
        publisher.check(identity);
        return new VerifiedAttestation(fileName, entry.logIndex(), integrated, identity);
    }

    /** The entry is a dsse 0.0.1 entry of a trusted Rekor log, promised (SET), included and checkpointed. */
    private TransparencyLog verifyLogEntry(TransparencyLogEntry entry) throws VerificationException {
        if (!"dsse".equals(entry.kind()) || !"0.0.1".equals(entry.kindVersion())) {
            throw new VerificationException(Check.LOG_ENTRY, "The Rekor entry is of kind " + entry.kind() + " "
                    + entry.kindVersion() + "; PyPI verifies attestations logged as dsse 0.0.1.");
        }
        return verifyLogged(entry);
    }

    /** Any kind of Rekor v1 entry: trusted log, SET, inclusion proof, checkpoint. */
    TransparencyLog verifyLogged(TransparencyLogEntry entry) throws VerificationException {
        TransparencyLog log = trust.rekorLog(entry.logKeyId()).orElseThrow(() -> new VerificationException(
                Check.LOG_ENTRY, "The Rekor entry was logged by the log with id "
                + Base64.getEncoder().encodeToString(entry.logKeyId()) + ", which " + trust.source()
                + " does not trust."));
        Instant integrated = Instant.ofEpochSecond(entry.integratedTime());
        if (!log.validFor().contains(integrated)) {
            throw new VerificationException(Check.LOG_ENTRY, "The Rekor entry was integrated at " + integrated
                    + ", outside the validity " + log.validFor() + " of the log's key in " + trust.source() + ".");
        }
        SignedEntryTimestamp.verify(entry, log);
        InclusionProof proof = entry.inclusionProof();
        byte[] root = Merkle.rootFromInclusionProof(proof.logIndex(), proof.treeSize(),
                Merkle.leafHash(entry.canonicalizedBody()), proof.hashes());
        if (root == null || !Arrays.equals(root, proof.rootHash())) {
            throw new VerificationException(Check.INCLUSION_PROOF, "The inclusion proof of entry " + proof.logIndex()
                    + " in a tree of " + proof.treeSize() + " with " + proof.hashes().size() + " hashes does not"
                    + " lead to the root hash it claims.");
        }
        Checkpoint checkpoint = Checkpoint.verify(proof.checkpoint(), log);
        if (checkpoint.treeSize() != proof.treeSize() || !Arrays.equals(checkpoint.rootHash(), proof.rootHash())) {
            throw new VerificationException(Check.CHECKPOINT, "The signed checkpoint is for a tree of "
                    + checkpoint.treeSize() + " entries with another root; the inclusion proof is for a tree of "
                    + proof.treeSize() + ".");
        }
        return log;
    }

    /** The leaf chains to a Fulcio CA of the trust root that was valid when the entry was logged. */
    X509Certificate verifyChain(X509Certificate leaf, Instant at) throws VerificationException {
        List<String> reasons = new ArrayList<>();
        for (CertificateAuthority ca : trust.certificateAuthorities()) {
            if (!ca.validFor().contains(at)) {
                continue;
            }
            List<X509Certificate> chain = ca.chain();
            X509Certificate root = chain.get(chain.size() - 1);
            List<X509Certificate> path = new ArrayList<>();
            path.add(leaf);
            path.addAll(chain.subList(0, chain.size() - 1));
            try {
                PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
                params.setRevocationEnabled(false);
                params.setDate(Date.from(at));
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            } catch (GeneralSecurityException e) {
                reasons.add(ca.uri() + ": " + e.getMessage());
                continue;
            }
            try {
                List<String> usages = leaf.getExtendedKeyUsage();
                if (usages == null || !usages.contains(CODE_SIGNING)) {
                    throw new VerificationException(Check.CERTIFICATE_CHAIN, "The certificate is not for code"
                            + " signing (extended key usage " + usages + ").");
                }
            } catch (CertificateParsingException e) {
                throw new VerificationException(Check.CERTIFICATE_CHAIN, "The certificate's extended key usage"
                        + " cannot be read.");
            }
            return chain.size() > 1 ? chain.get(0) : root;
        }
        throw new VerificationException(Check.CERTIFICATE_CHAIN, "The certificate does not chain to a Fulcio CA of "
                + trust.source() + " valid at the integrated time " + at + (reasons.isEmpty()
                ? " (no CA is valid then)." : ": " + String.join("; ", reasons)));
    }

    /**
     * The Rekor body is the dsse entry for this statement and signature, with this certificate written as PyPI's
     * verifier writes it: it compares the signature list string for string.
     */
    private static void verifyBody(TransparencyLogEntry entry, Attestation a, X509Certificate leaf)
            throws VerificationException {
        JsonNode body;
        try {
            body = MAPPER.readTree(entry.canonicalizedBody());
        } catch (IOException e) {
            throw new VerificationException(Check.BODY, "The Rekor entry body is not JSON.");
        }
        if (body == null || !"dsse".equals(body.path("kind").asText()) || !"0.0.1".equals(
                body.path("apiVersion").asText())) {
            throw new VerificationException(Check.BODY, "The Rekor entry body is not a dsse 0.0.1 entry.");
        }
        JsonNode spec = body.path("spec");
        String payloadHash = HexFormat.of().formatHex(Merkle.sha256(a.statement()));
        if (!"sha256".equals(spec.path("payloadHash").path("algorithm").asText())
                || !payloadHash.equals(spec.path("payloadHash").path("value").asText())) {
            throw new VerificationException(Check.BODY, "The Rekor entry's payload hash is "
                    + spec.path("payloadHash") + "; the statement's sha256 is " + payloadHash + ".");
        }
        JsonNode signatures = spec.path("signatures");
        String sig = Base64.getEncoder().encodeToString(a.signature());
        String verifier = Base64.getEncoder().encodeToString(Pem.certificate(leaf).getBytes(StandardCharsets.UTF_8));
        if (!signatures.isArray() || signatures.size() != 1
                || !sig.equals(signatures.get(0).path("signature").asText())
                || !verifier.equals(signatures.get(0).path("verifier").asText())) {
            throw new VerificationException(Check.BODY, "The Rekor entry's signatures are not exactly the"
                    + " envelope's signature with the attestation's certificate.");
        }
    }
}
