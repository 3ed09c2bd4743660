package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fulcio (REST v2 signingCert) and Rekor v1 (dsse 0.0.1 entries) on a loopback port, backed by {@link TestCa}, a
 * P-256 Rekor key, a real Merkle tree and signed checkpoints. Each service can be told to fail the next requests.
 * Public for the invoker ITs' Groovy hooks.
 */
public final class FakeSigstore implements AutoCloseable {
    static final long GLOBAL_INDEX_OFFSET = 5_000_000L;
    static final String ORIGIN = "fake-rekor.test - 4242";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    final Instant started = Instant.now();
    final TestCa ca = new TestCa(started);
    final KeyPair rekorKey = TestCa.generate("secp256r1");
    final byte[] rekorLogId = Merkle.sha256(rekorKey.getPublic().getEncoded());
    final TestMerkleTree tree = new TestMerkleTree();
    public final AtomicInteger fulcioCalls = new AtomicInteger();
    public final AtomicInteger rekorCalls = new AtomicInteger();
    final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Answer the next N Fulcio or Rekor requests with this status. */
    volatile int fulcioFailStatus;
    final AtomicInteger fulcioFailures = new AtomicInteger();
    public volatile int rekorFailStatus;
    public final AtomicInteger rekorFailures = new AtomicInteger();
    /** Log entries but answer 409 as if an earlier attempt had been logged (exercises the Location follow-up). */
    volatile boolean rekorAnswersConflict;
    /** Sign SCTs with a key the trust config does not list. */
    volatile boolean rogueSct;
    /**
     * Send proofs that do not lead to the root: one hash flipped, or, for a path that has none (the first entry of
     * a tree), one hash too many.
     */
    public volatile boolean corruptProof;
    private final Map<String, ObjectNode> entries = new ConcurrentHashMap<>();
    private final HttpServer server;

    public FakeSigstore() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v2/signingCert", this::fulcio);
        server.createContext("/api/v1/log/entries", this::rekor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A ClientTrustConfig for this fake, as a user would pass with pypi.sigstore.trustConfig. */
    public String trustConfigJson() throws Exception {
        ObjectNode root = MAPPER.createObjectNode().put("mediaType", TrustConfig.MEDIA_TYPE);
        ObjectNode trusted = root.putObject("trustedRoot")
                .put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
        trusted.putArray("tlogs").add(log(url(), rekorKey.getPublic(), rekorLogId));
        ObjectNode authority = trusted.putArray("certificateAuthorities").addObject().put("uri", url());
        authority.putObject("certChain").putArray("certificates")
                .add(MAPPER.createObjectNode().put("rawBytes", B64.encodeToString(ca.intermediate.getEncoded())))
                .add(MAPPER.createObjectNode().put("rawBytes", B64.encodeToString(ca.root.getEncoded())));
        authority.putObject("validFor").put("start", started.minus(Duration.ofDays(1)).toString());
        trusted.putArray("ctlogs").add(log(url() + "/ct", ca.ctKey.getPublic(), ca.ctLogId()));
        ObjectNode signing = root.putObject("signingConfig")
                .put("mediaType", "application/vnd.dev.sigstore.signingconfig.v0.2+json");
        signing.putArray("caUrls").add(service(url()));
        signing.putArray("rekorTlogUrls").add(service(url()));
        return root.toPrettyString();
    }

    public TrustConfig trustConfig() throws Exception {
        return TrustConfig.parse(trustConfigJson(), "the fake's trust config");
    }

    /** A GitHub Actions ID token of audience sigstore for octo/demo at refs/tags/v1.0. */
    public static String gitHubToken(String workflowFile, String jobWorkflowFile) {
        return SigstoreAttesterTest.gitHubToken(workflowFile, jobWorkflowFile);
    }

    /**
     * A GitLab.com ID token of audience sigstore, as a job's {@code SIGSTORE_ID_TOKEN}: the claims of
     * {@link Jwts#gitLabClaims()}, so it names the same project and CI file as {@link FakeIndex#gitLabIdToken()}.
     */
    public static String gitLabToken() {
        Map<String, Object> c = Jwts.gitLabClaims();
        c.put("aud", "sigstore");
        c.put("jti", "jti-fake-sigstore-gitlab-1");
        return Jwts.encode(c);
    }

    /**
     * A Google metadata-server identity of audience sigstore ({@code format=full}), for the service account of
     * {@link Jwts#googleClaims()}.
     */
    public static String googleToken() {
        Map<String, Object> c = Jwts.googleClaims();
        c.put("aud", "sigstore");
        return Jwts.encode(c);
    }

    private ObjectNode log(String url, PublicKey key, byte[] id) {
        ObjectNode n = MAPPER.createObjectNode().put("baseUrl", url).put("hashAlgorithm", "SHA2_256");
        n.putObject("publicKey").put("rawBytes", B64.encodeToString(key.getEncoded()))
                .put("keyDetails", "PKIX_ECDSA_P256_SHA_256")
                .putObject("validFor").put("start", started.minus(Duration.ofDays(1)).toString());
        n.putObject("logId").put("keyId", B64.encodeToString(id));
        return n;
    }

    private ObjectNode service(String url) {
        ObjectNode n = MAPPER.createObjectNode().put("url", url).put("majorApiVersion", 1).put("operator", "test");
        n.putObject("validFor").put("start", started.minus(Duration.ofDays(1)).toString());
        return n;
    }

    // ---- Fulcio ----

    private void fulcio(HttpExchange x) throws IOException {
        fulcioCalls.incrementAndGet();
        authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        try (x) {
            if (fulcioFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                send(x, fulcioFailStatus, "{\"code\":14,\"message\":\"unavailable\"}");
                return;
            }
            JsonNode req = MAPPER.readTree(read(x));
            String token = req.at("/credentials/oidcIdentityToken").asText();
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            if (!"sigstore".equals(claims.path("aud").asText())) {
                send(x, 401, "{\"code\":16,\"message\":\"There was an error processing the identity token\"}");
                return;
            }
            String pem = req.at("/publicKeyRequest/publicKey/content").asText();
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                    Pem.decodeAll(pem, "PUBLIC KEY").get(0)));
            String iss = claims.path("iss").asText();
            String subject = claims.path(ExpectedPublisher.GOOGLE_ISSUER.equals(iss) ? "email" : "sub").asText();
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key);
            s.update(subject.getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(req.at("/publicKeyRequest/proofOfPossession").asText()))) {
                send(x, 400, "{\"code\":3,\"message\":\"The signature supplied in the request could not be"
                        + " verified\"}");
                return;
            }
            X509Certificate leaf = ca.issue(key, identity(claims), Instant.now().minusSeconds(1),
                    Duration.ofMinutes(10), rogueSct ? TestCa.generate("secp256r1").getPrivate()
                            : ca.ctKey.getPrivate());
            ObjectNode out = MAPPER.createObjectNode();
            out.putObject("signedCertificateEmbeddedSct").putObject("chain").putArray("certificates")
                    .add(Pem.certificate(leaf)).add(Pem.certificate(ca.intermediate)).add(Pem.certificate(ca.root));
            send(x, 201, out.toString());
        } catch (Exception e) {
            send(x, 500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** The claims Fulcio copies into a certificate, per issuer. */
    static TestCa.Identity identity(JsonNode c) {
        String iss = c.path("iss").asText();
        Map<Integer, String> ext = new TreeMap<>();
        ext.put(8, iss);
        if (iss.equals(ExpectedPublisher.GITHUB_ISSUER)) {
            ext.put(12, "https://github.com/" + c.path("repository").asText());
            ext.put(13, c.path("sha").asText());
            ext.put(14, c.path("ref").asText());
            ext.put(18, "https://github.com/" + c.path("workflow_ref").asText());
            return new TestCa.Identity("https://github.com/" + c.path("job_workflow_ref").asText(), null, ext);
        }
        if (iss.equals(ExpectedPublisher.GITLAB_ISSUER)) {
            ext.put(12, "https://gitlab.com/" + c.path("project_path").asText());
            ext.put(13, c.path("sha").asText());
            ext.put(14, c.path("ref_path").asText());
            ext.put(18, "https://" + c.path("ci_config_ref_uri").asText());
            return new TestCa.Identity("https://" + c.path("ci_config_ref_uri").asText(), null, ext);
        }
        ext.put(1, iss);
        return new TestCa.Identity(null, c.path("email").asText(), ext);
    }

    // ---- Rekor ----

    private void rekor(HttpExchange x) throws IOException {
        try (x) {
            if (x.getRequestMethod().equals("GET")) {
                String uuid = x.getRequestURI().getPath().replaceFirst(".*/", "");
                ObjectNode entry = entries.get(uuid);
                send(x, entry == null ? 404 : 200, entry == null ? "{\"message\":\"not found\"}"
                        : MAPPER.createObjectNode().set(uuid, entry).toString());
                return;
            }
            rekorCalls.incrementAndGet();
            if (rekorFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                send(x, rekorFailStatus, "{\"code\":500,\"message\":\"error communicating with backend\"}");
                return;
            }
            JsonNode req = MAPPER.readTree(read(x));
            if (!"dsse".equals(req.path("kind").asText()) || !"0.0.1".equals(req.path("apiVersion").asText())) {
                send(x, 400, "{\"message\":\"unsupported kind\"}");
                return;
            }
            String envelope = req.at("/spec/proposedContent/envelope").asText();
            String verifier = req.at("/spec/proposedContent/verifiers/0").asText();
            JsonNode env = MAPPER.readTree(envelope);
            byte[] payload = Base64.getDecoder().decode(env.path("payload").asText());
            String sig = env.at("/signatures/0/sig").asText();
            X509Certificate cert = Pem.parseCertificate(Pem.decodeAll(new String(Base64.getDecoder().decode(verifier),
                    StandardCharsets.UTF_8), "CERTIFICATE").get(0));
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(cert.getPublicKey());
            s.update(Dsse.pae(env.path("payloadType").asText(), payload));
            if (!s.verify(Base64.getDecoder().decode(sig))) {
                send(x, 400, "{\"message\":\"verifying signature\"}");
                return;
            }
            HexFormat hex = HexFormat.of();
            ObjectNode body = MAPPER.createObjectNode().put("apiVersion", "0.0.1").put("kind", "dsse");
            ObjectNode spec = body.putObject("spec");
            spec.putObject("envelopeHash").put("algorithm", "sha256")
                    .put("value", hex.formatHex(Merkle.sha256(envelope.getBytes(StandardCharsets.UTF_8))));
            spec.putObject("payloadHash").put("algorithm", "sha256").put("value", hex.formatHex(Merkle.sha256(payload)));
            spec.putArray("signatures").addObject().put("signature", sig).put("verifier", verifier);
            byte[] bodyBytes = MAPPER.writeValueAsBytes(body);
            long index = tree.add(bodyBytes);
            String uuid = hex.formatHex(Merkle.leafHash(bodyBytes));
            ObjectNode entry = entry(bodyBytes, index, Instant.now().getEpochSecond());
            entries.put(uuid, entry);
            if (rekorAnswersConflict) {
                x.getResponseHeaders().add("Location", "/api/v1/log/entries/" + uuid);
                send(x, 409, "{\"code\":409,\"message\":\"An equivalent entry already exists in the transparency"
                        + " log with UUID " + uuid + "\"}");
                return;
            }
            send(x, 201, MAPPER.createObjectNode().set(uuid, entry).toString());
        } catch (Exception e) {
            send(x, 500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private ObjectNode entry(byte[] body, long index, long integratedTime) {
        HexFormat hex = HexFormat.of();
        long global = GLOBAL_INDEX_OFFSET + index;
        String b64Body = B64.encodeToString(body);
        String setPayload = "{\"body\":\"" + b64Body + "\",\"integratedTime\":" + integratedTime + ",\"logID\":\""
                + hex.formatHex(rekorLogId) + "\",\"logIndex\":" + global + "}";
        long size = tree.size();
        byte[] root = tree.root();
        String text = ORIGIN + "\n" + size + "\n" + B64.encodeToString(root) + "\n";
        byte[] sig = TestCa.sign("SHA256withECDSA", rekorKey.getPrivate(), text.getBytes(StandardCharsets.UTF_8));
        byte[] hintAndSig = new byte[4 + sig.length];
        System.arraycopy(rekorLogId, 0, hintAndSig, 0, 4);
        System.arraycopy(sig, 0, hintAndSig, 4, sig.length);
        String checkpoint = text + "\n\u2014 fake-rekor.test " + B64.encodeToString(hintAndSig) + "\n";
        ObjectNode e = MAPPER.createObjectNode().put("body", b64Body).put("integratedTime", integratedTime)
                .put("logID", hex.formatHex(rekorLogId)).put("logIndex", global);
        ObjectNode verification = e.putObject("verification");
        ObjectNode proof = verification.putObject("inclusionProof").put("checkpoint", checkpoint);
        ArrayNode hashes = proof.putArray("hashes");
        List<byte[]> path = tree.path(index);
        for (int i = 0; i < path.size(); i++) {
            hashes.add(hex.formatHex(corruptProof && i == 0 ? RealVectorsTest.flip(path.get(i)) : path.get(i)));
        }
        if (corruptProof && path.isEmpty()) {
            hashes.add(hex.formatHex(root));
        }
        proof.put("logIndex", index).put("rootHash", hex.formatHex(root)).put("treeSize", size);
        verification.put("signedEntryTimestamp", B64.encodeToString(TestCa.sign("SHA256withECDSA",
                rekorKey.getPrivate(), setPayload.getBytes(StandardCharsets.UTF_8))));
        return e;
    }

    private static byte[] read(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }
}
