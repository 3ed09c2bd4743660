package io.github.yogs0ddhoth.pypi.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A Sigstore ClientTrustConfig ({@code application/vnd.dev.sigstore.clienttrustconfig.v0.1+json}): the TrustedRoot
 * that verification trusts (Fulcio CAs, Rekor logs, CT logs) and the SigningConfig v0.2 that says where to sign
 * (Fulcio, Rekor). The same file sigstore-python's {@code --trust-config} takes.
 *
 * @param source where it was read from, for messages
 */
record TrustConfig(String source, List<CertificateAuthority> certificateAuthorities,
        List<TransparencyLog> rekorLogs, List<TransparencyLog> ctLogs, List<SigningService> fulcioServices,
        List<SigningService> rekorServices) {
    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json";
    static final String PUBLIC_GOOD_RESOURCE = "public-good.clienttrustconfig.json";
    /** The public-good trust root is about 10 KiB; a file a hundred times larger is a mistake. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TrustConfig {
        certificateAuthorities = List.copyOf(certificateAuthorities);
        rekorLogs = List.copyOf(rekorLogs);
        ctLogs = List.copyOf(ctLogs);
        fulcioServices = List.copyOf(fulcioServices);
        rekorServices = List.copyOf(rekorServices);
    }

    /** Sigstore's public-good instance, the one PyPI verifies against, as shipped with the plugin. */
    public static TrustConfig publicGood() {
        try (InputStream in = TrustConfig.class.getResourceAsStream(PUBLIC_GOOD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The plugin jar lacks " + PUBLIC_GOOD_RESOURCE);
            }
            return parse(new String(readBounded(in, "the bundled public-good trust config"),
                    StandardCharsets.UTF_8), "the bundled public-good trust config");
        } catch (IOException | AttestationException e) {
            throw new IllegalStateException("The bundled public-good trust config is unreadable: " + e.getMessage(),
                    e);
        }
    }

    /** Reads a ClientTrustConfig JSON file, as given by {@code pypi.sigstore.trustConfig}. */
    public static TrustConfig load(Path file) throws AttestationException {
        String where = "the Sigstore trust config " + file;
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new String(readBounded(in, where), StandardCharsets.UTF_8), where);
        } catch (IOException e) {
            throw new AttestationException("Cannot read " + where + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Point pypi.sigstore.trustConfig at a readable ClientTrustConfig JSON file,"
                    + " or leave it unset to use Sigstore's public-good instance.", e);
        }
    }

    public static TrustConfig parse(String json, String source) throws AttestationException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AttestationException(source + " is not JSON (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new AttestationException(source + " is not a JSON object.");
        }
        String mediaType = root.path("mediaType").asText("");
        if (!MEDIA_TYPE.equals(mediaType)) {
            throw new AttestationException(source + " has mediaType '" + mediaType + "'; expected '" + MEDIA_TYPE
                    + "' (a ClientTrustConfig holding a trustedRoot and a signingConfig, as sigstore-python's"
                    + " --trust-config takes).");
        }
        JsonNode trustedRoot = root.path("trustedRoot");
        JsonNode signingConfig = root.path("signingConfig");
        if (!trustedRoot.isObject() || !signingConfig.isObject()) {
            throw new AttestationException(source + " needs both 'trustedRoot' and 'signingConfig' objects.");
        }
        String signingType = signingConfig.path("mediaType").asText("");
        if (!signingType.equals("application/vnd.dev.sigstore.signingconfig.v0.2+json")) {
            throw new AttestationException(source + " has a signingConfig of mediaType '" + signingType
                    + "'; expected 'application/vnd.dev.sigstore.signingconfig.v0.2+json'.");
        }
        List<CertificateAuthority> cas = new ArrayList<>();
        for (JsonNode ca : trustedRoot.path("certificateAuthorities")) {
            List<X509Certificate> chain = new ArrayList<>();
            for (JsonNode c : ca.path("certChain").path("certificates")) {
                chain.add(Pem.parseCertificate(base64(c.path("rawBytes"), source + " certificateAuthorities")));
            }
            if (chain.isEmpty()) {
                throw new AttestationException(source + " has a certificate authority (" + ca.path("uri").asText()
                        + ") without certificates.");
            }
            cas.add(new CertificateAuthority(ca.path("uri").asText(""), chain, validity(ca.path("validFor"),
                    source)));
        }
        return new TrustConfig(source, cas, logs(trustedRoot.path("tlogs"), source + " tlogs"),
                logs(trustedRoot.path("ctlogs"), source + " ctlogs"),
                services(signingConfig.path("caUrls"), source), services(signingConfig.path("rekorTlogUrls"),
                source));
    }

    /** The Fulcio to ask for a certificate now: the first {@code caUrls} entry of API version 1 valid now. */
    public String fulcioUrl(Instant now) throws AttestationException {
        return pick(fulcioServices, now, "caUrls (Fulcio)");
    }

    /** The Rekor v1 log to write to: PyPI cannot verify Rekor v2 entries yet, so v2 logs are passed over. */
    public String rekorUrl(Instant now) throws AttestationException {
        return pick(rekorServices, now, "rekorTlogUrls (Rekor v1)");
    }

    public Optional<TransparencyLog> rekorLog(byte[] keyId) {
        return rekorLogs.stream().filter(l -> java.util.Arrays.equals(l.keyId(), keyId)).findFirst();
    }

    public Optional<TransparencyLog> ctLog(byte[] keyId) {
        return ctLogs.stream().filter(l -> java.util.Arrays.equals(l.keyId(), keyId)).findFirst();
    }

    private String pick(List<SigningService> services, Instant now, String what) throws AttestationException {
        return services.stream()
                .filter(s -> s.majorApiVersion() == 1 && s.validFor().contains(now))
                .map(SigningService::url)
                .findFirst()
                .orElseThrow(() -> new AttestationException(source + " lists no " + what + " service of API version"
                        + " 1 valid at " + now + " (found " + services + ")."));
    }

    private static List<TransparencyLog> logs(JsonNode array, String where) throws AttestationException {
        List<TransparencyLog> logs = new ArrayList<>();
        for (JsonNode log : array) {
            JsonNode key = log.path("publicKey");
            PublicKey publicKey = publicKey(key.path("keyDetails").asText(""),
                    base64(key.path("rawBytes"), where));
            if (publicKey == null) {
                continue; // a key type the JDK cannot use: such a log can never verify anything here
            }
            logs.add(new TransparencyLog(log.path("baseUrl").asText(""), base64(log.path("logId").path("keyId"),
                    where), publicKey, validity(key.path("validFor"), where)));
        }
        return logs;
    }

    private static PublicKey publicKey(String details, byte[] der) throws AttestationException {
        String algorithm;
        if (details.startsWith("PKIX_ECDSA")) {
            algorithm = "EC";
        } else if (details.equals("PKIX_ED25519") || details.equals("PKIX_ED25519_PH")) {
            algorithm = "Ed25519";
        } else if (details.startsWith("PKIX_RSA") || details.startsWith("PKCS1_RSA")) {
            algorithm = "RSA";
        } else {
            return null;
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new AttestationException("A trust-root key of type " + details + " cannot be read ("
                    + e.getMessage() + ").");
        }
    }

    private static List<SigningService> services(JsonNode array, String source) throws AttestationException {
        List<SigningService> list = new ArrayList<>();
        for (JsonNode s : array) {
            list.add(new SigningService(s.path("url").asText(""), s.path("majorApiVersion").asInt(0),
                    validity(s.path("validFor"), source), s.path("operator").asText("")));
        }
        return list;
    }

    private static Validity validity(JsonNode node, String source) throws AttestationException {
        if (node.isMissingNode() || node.isNull()) {
            return Validity.ALWAYS;
        }
        return new Validity(instant(node.get("start"), source), instant(node.get("end"), source));
    }

    private static Instant instant(JsonNode node, String source) throws AttestationException {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new AttestationException(source + " has the time '" + node.asText()
                    + "'; expected RFC 3339 such as 2022-04-13T20:06:15Z.");
        }
    }

    private static byte[] base64(JsonNode node, String where) throws AttestationException {
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException();
            }
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new AttestationException(where + " has a key or certificate that is not base64 text.");
        }
    }

    private static byte[] readBounded(InputStream in, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_BYTES) {
                throw new IOException(where + " is larger than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
