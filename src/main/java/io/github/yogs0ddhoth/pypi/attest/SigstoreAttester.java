package io.github.yogs0ddhoth.pypi.attest;

import io.github.yogs0ddhoth.pypi.http.Endpoints;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keyless signing with Sigstore, the way gh-action-pypi-publish does it: one ephemeral key and one Fulcio
 * certificate for the release, then per file a DSSE signature, a Rekor v1 entry, and a local verification of the
 * finished attestation against the trust root and the expected publisher.
 */
final class SigstoreAttester implements Attester {
    /** A certificate this close to its end is replaced before the next file rather than risked. */
    static final Duration CERTIFICATE_MARGIN = Duration.ofSeconds(60);

    private final TrustConfig trust;
    private final SigstoreHttp http;
    private final SecretMasker masker;
    private final Clock clock;
    private final ExpectedPublisher publisher;
    private final Consumer<String> log;

    /**
     * @param publisher the trusted publisher PyPI will hold the certificate against
     * @param log       told one line per file and per retry
     */
    public SigstoreAttester(TrustConfig trust, TextExchange http, RetryPolicy retries, SecretMasker masker,
            Clock clock, ExpectedPublisher publisher, Consumer<String> log) {
        this.trust = trust;
        this.http = new SigstoreHttp(http, retries, masker, log);
        this.masker = masker;
        this.clock = clock;
        this.publisher = publisher;
        this.log = log;
    }

    @Override
    public Map<String, Attestation> attest(List<Statement> files, String sigstoreToken) throws AttestationException {
        masker.register(sigstoreToken);
        IdToken token = sigstoreToken(sigstoreToken);
        Instant now = clock.instant();
        Map<String, String> urls = Map.of("Fulcio", secure(trust.fulcioUrl(now), "Fulcio"),
                "Rekor", secure(trust.rekorUrl(now), "Rekor"));
        FulcioClient fulcio = new FulcioClient(urls.get("Fulcio"), http);
        RekorClient rekor = new RekorClient(urls.get("Rekor"), http);
        AttestationVerifier verifier = new AttestationVerifier(trust);
        EphemeralKey key = EphemeralKey.generate();
        X509Certificate leaf = null;
        Map<String, Attestation> out = new LinkedHashMap<>();
        for (Statement file : files) {
            if (leaf == null || clock.instant().plus(CERTIFICATE_MARGIN).isAfter(leaf.getNotAfter().toInstant())) {
                leaf = fulcio.signingCertificate(token, key).get(0);
            }
            byte[] statement = file.toBytes();
            byte[] signature = key.sign(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, statement));
            TransparencyLogEntry entry = rekor.createDsseEntry(
                    Dsse.envelopeJson(Dsse.IN_TOTO_PAYLOAD_TYPE, statement, signature), leaf);
            Attestation attestation = new Attestation(encoded(leaf), entry, statement, signature);
            VerifiedAttestation verified;
            try {
                verified = verifier.verify(attestation, file.fileName(), file.sha256(), publisher);
            } catch (VerificationException e) {
                // Name the service whose answer is at fault: that is where to look, or whom to report it to.
                String service = e.check().service();
                throw new VerificationException(service == null
                        ? "The attestation of " + file.fileName() + " would be refused by PyPI. "
                        : service + " (" + urls.get(service) + ") answered with "
                                + (service.equals("Fulcio") ? "a certificate" : "a log entry") + " for "
                                + file.fileName() + " that PyPI would refuse. ", e);
            }
            log.accept("Attested " + file.fileName() + ": Rekor entry " + verified.logIndex() + " ("
                    + verified.searchUrl() + ")");
            out.put(file.fileName(), attestation);
        }
        return out;
    }

    /** The token goes to Fulcio: plain http only to a local fake. */
    private String secure(String url, String service) throws AttestationException {
        try {
            return Endpoints.requireSecure(java.net.URI.create(url), "The " + service + " URL of " + trust.source())
                    .toString();
        } catch (IllegalArgumentException e) {
            throw new AttestationException(e.getMessage());
        }
    }

    private IdToken sigstoreToken(String value) throws AttestationException {
        IdToken token;
        try {
            token = IdToken.parse(value, "the Sigstore ID token");
        } catch (IdentityException e) {
            throw new AttestationException(e.getMessage());
        }
        if (!token.isTextClaim("aud") || !"sigstore".equals(token.claim("aud"))) {
            throw new AttestationException("The Sigstore ID token has the audience " + token.claim("aud")
                    + "; Fulcio needs a token issued for the audience 'sigstore' (on GitLab: an id_tokens entry"
                    + " SIGSTORE_ID_TOKEN with aud: sigstore).");
        }
        Long exp = token.numericClaim("exp");
        if (exp != null && !Instant.ofEpochSecond(exp).isAfter(clock.instant())) {
            throw new AttestationException("The Sigstore ID token expired at " + Instant.ofEpochSecond(exp)
                    + " (now " + clock.instant() + "); request it right before signing.");
        }
        return token;
    }

    private static byte[] encoded(X509Certificate c) throws AttestationException {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new AttestationException("Fulcio's certificate cannot be encoded (" + e.getMessage() + ").");
        }
    }
}
