package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustConfigTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void publicGoodSignsWithFulcioAndRekorV1() throws Exception {
        TrustConfig config = TrustConfig.publicGood();

        assertThat(config.fulcioUrl(NOW)).isEqualTo("https://fulcio.sigstore.dev");
        assertThat(config.rekorUrl(NOW)).isEqualTo("https://rekor.sigstore.dev");
    }

    @Test
    void publicGoodTrustsTheRekorAndCtKeysWhoseIdsItDeclares() throws Exception {
        TrustConfig config = TrustConfig.publicGood();
        byte[] rekorId = Base64.getDecoder().decode("wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=");

        TransparencyLog rekor = config.rekorLog(rekorId).orElseThrow();
        assertThat(rekor.baseUrl()).isEqualTo("https://rekor.sigstore.dev");
        assertThat(rekor.origin()).isEqualTo("rekor.sigstore.dev");
        // Rekor v1 and CT logs are named by the SHA-256 of their key; Rekor v2 shards use a signed-note key id.
        for (TransparencyLog log : config.rekorLogs().stream().filter(l -> l.key().getAlgorithm().equals("EC"))
                .toList()) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(log.key().getEncoded()))
                    .as(log.baseUrl()).isEqualTo(log.keyId());
        }
        for (TransparencyLog log : config.ctLogs()) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(log.key().getEncoded()))
                    .as(log.baseUrl()).isEqualTo(log.keyId());
        }
        assertThat(config.ctLogs()).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void publicGoodHasTheCurrentFulcioChainEndingInItsRoot() throws Exception {
        CertificateAuthority current = TrustConfig.publicGood().certificateAuthorities().stream()
                .filter(ca -> ca.validFor().contains(NOW)).findFirst().orElseThrow();

        assertThat(current.chain()).hasSize(2);
        assertThat(current.chain().get(0).getSubjectX500Principal().getName()).contains("sigstore-intermediate");
        var root = current.chain().get(1);
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        current.chain().get(0).verify(root.getPublicKey());
    }

    @Test
    void loadsAFileAndExplainsAMissingOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trust.json");
        Files.writeString(file, minimal("https://rekor.example", 1));
        TrustConfig config = TrustConfig.load(file);
        assertThat(config.rekorUrl(NOW)).isEqualTo("https://rekor.example");
        assertThat(config.source()).contains(file.toString());

        assertThatThrownBy(() -> TrustConfig.load(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json")
                .hasMessageContaining("pypi.sigstore.trustConfig");
    }

    @Test
    void refusesAnotherFormatAndASigningConfigWithoutRekorV1() throws Exception {
        assertThatThrownBy(() -> TrustConfig.parse("{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;"
                + "version=0.1\"}", "t.json")).hasMessageContaining("t.json has mediaType")
                .hasMessageContaining(TrustConfig.MEDIA_TYPE);

        TrustConfig v2only = TrustConfig.parse(minimal("https://log2025-1.rekor.example", 2), "v2.json");
        assertThatThrownBy(() -> v2only.rekorUrl(NOW))
                .hasMessageContaining("no rekorTlogUrls (Rekor v1) service of API version 1");
    }

    @Test
    void aServiceOutsideItsValidityIsNotUsed() throws Exception {
        String json = minimal("https://rekor.example", 1).replace("\"start\":\"2020-01-01T00:00:00Z\"",
                "\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2021-01-01T00:00:00Z\"");
        assertThatThrownBy(() -> TrustConfig.parse(json, "old.json").rekorUrl(NOW))
                .hasMessageContaining("valid at " + NOW);
    }

    static String minimal(String rekorUrl, int rekorApi) {
        return "{\"mediaType\":\"" + TrustConfig.MEDIA_TYPE + "\",\"trustedRoot\":{\"mediaType\":"
                + "\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[],\"ctlogs\":[],"
                + "\"certificateAuthorities\":[]},\"signingConfig\":{\"mediaType\":"
                + "\"application/vnd.dev.sigstore.signingconfig.v0.2+json\",\"caUrls\":[{\"url\":\"https://ca.example\","
                + "\"majorApiVersion\":1,\"validFor\":{\"start\":\"2020-01-01T00:00:00Z\"}}],\"rekorTlogUrls\":[{\"url\":\""
                + rekorUrl + "\",\"majorApiVersion\":" + rekorApi + ",\"validFor\":{\"start\":\"2020-01-01T00:00:00Z\"}}]}}";
    }
}
