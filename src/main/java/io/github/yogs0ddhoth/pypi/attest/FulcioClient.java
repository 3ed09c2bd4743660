package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Fulcio's REST API v2: a short-lived code-signing certificate for an ephemeral key, bound to the identity in an
 * OIDC token of audience {@code sigstore}. The key is proven by signing the token's identity claim, so no CSR (and
 * no ASN.1 library) is needed.
 */
final class FulcioClient {
    static final String SERVICE = "Fulcio";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String baseUrl;
    private final SigstoreHttp http;

    FulcioClient(String baseUrl, SigstoreHttp http) {
        this.baseUrl = SigstoreHttp.withoutTrailingSlash(baseUrl);
        this.http = http;
    }

    String url() {
        return baseUrl + "/api/v2/signingCert";
    }

    /**
     * The claim whose value proves the key: {@code email} for Google's issuer, {@code sub} elsewhere, as Fulcio's
     * issuer configuration says (the email would be wrong for GitHub, whose tokens have none).
     */
    static String identityClaim(IdToken token) throws AttestationException {
        boolean google = ExpectedPublisher.GOOGLE_ISSUER.equals(token.claim("iss"));
        String value = token.claim(google ? "email" : "sub");
        if (value == null || value.isBlank()) {
            throw new AttestationException("The Sigstore ID token has no '" + (google ? "email" : "sub")
                    + "' claim, which Fulcio needs to bind the certificate to an identity"
                    + (google ? " (request the token with format=full)." : "."));
        }
        return value;
    }

    /** The certificate chain Fulcio issued, the leaf first. */
    public List<X509Certificate> signingCertificate(IdToken token, EphemeralKey key) throws AttestationException {
        byte[] proof = key.sign(identityClaim(token).getBytes(StandardCharsets.UTF_8));
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("credentials").put("oidcIdentityToken", token.value());
        ObjectNode request = body.putObject("publicKeyRequest");
        request.putObject("publicKey").put("algorithm", "ECDSA").put("content", Pem.publicKey(key.publicKey()));
        request.put("proofOfPossession", Base64.getEncoder().encodeToString(proof));
        String json = body.toString();
        HttpReply reply = http.send(SERVICE, () -> {
            HttpPost post = new HttpPost(url());
            post.setHeader("Accept", "application/json");
            post.setHeader("Authorization", "Bearer " + token.value());
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            return post;
        });
        if (!reply.isSuccess()) {
            throw new AttestationException("Fulcio refused the signing certificate: POST " + url() + " answered "
                    + reply.statusLine() + ": " + http.excerpt(reply.body()) + advice(reply.status()));
        }
        JsonNode answer = http.json(SERVICE, reply);
        if (answer.has("signedCertificateDetachedSct") && !answer.has("signedCertificateEmbeddedSct")) {
            throw new AttestationException("Fulcio at " + baseUrl + " returned a certificate with a detached SCT;"
                    + " PyPI verifies only certificates with an embedded SCT. Use a Fulcio with a CT log"
                    + " (pypi.sigstore.trustConfig).");
        }
        JsonNode pems = answer.path("signedCertificateEmbeddedSct").path("chain").path("certificates");
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode pem : pems) {
            for (byte[] der : Pem.decodeAll(pem.asText(""), "CERTIFICATE")) {
                chain.add(Pem.parseCertificate(der));
            }
        }
        if (chain.isEmpty()) {
            throw new AttestationException("Fulcio answered " + reply.statusLine() + " without a certificate chain"
                    + " (signedCertificateEmbeddedSct.chain.certificates): " + http.excerpt(reply.body()));
        }
        if (!java.util.Arrays.equals(chain.get(0).getPublicKey().getEncoded(), key.publicKey().getEncoded())) {
            throw new AttestationException("Fulcio issued a certificate for another public key than the one sent;"
                    + " it cannot be used.");
        }
        return chain;
    }

    private static String advice(int status) {
        if (status == 401 || status == 403) {
            return " The Sigstore ID token was not accepted: it must be issued for the audience 'sigstore', be"
                    + " unexpired, and come from an issuer Fulcio trusts (GitHub Actions, GitLab.com, Google).";
        }
        if (status == 400) {
            return " Fulcio could not use the request; the token's identity claim or the key may be unsupported.";
        }
        return status >= 500 || status == 429 ? " Fulcio is overloaded or down: retry later, see"
                + " https://status.sigstore.dev/, or publish without attestations (-Dpypi.attestations=false)." : "";
    }
}
