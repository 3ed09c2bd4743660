package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationJsonTest {
    private static Attestation sample() {
        InclusionProof proof = new InclusionProof(7, new byte[] {9, 9}, 8, List.of(new byte[] {1}, new byte[] {2}),
                "log.example - 1\n8\nCQk=\n\n— log.example AAAAAA==\n");
        TransparencyLogEntry entry = new TransparencyLogEntry(153454663L, new byte[] {(byte) 0xc0, (byte) 0xd2}, "dsse",
                "0.0.1", 1733354041L, new byte[] {5}, proof, "{}".getBytes(StandardCharsets.UTF_8));
        return new Attestation(new byte[] {0x30, 0}, entry, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                new byte[] {0x30, 1});
    }

    @Test
    void writesThePep740ShapeWithProtobufJsonEntry() throws Exception {
        JsonNode n = new ObjectMapper().readTree(sample().toJson());

        assertThat(n.get("version").isInt()).isTrue();
        assertThat(n.get("version").asInt()).isEqualTo(1);
        assertThat(n.at("/verification_material/certificate").asText()).isEqualTo("MAA=");
        JsonNode e = n.at("/verification_material/transparency_entries/0");
        assertThat(e.get("logIndex").isTextual()).as("int64 as a string").isTrue();
        assertThat(e.get("logIndex").asText()).isEqualTo("153454663");
        assertThat(e.at("/logId/keyId").asText()).isEqualTo("wNI=");
        assertThat(e.at("/kindVersion/kind").asText()).isEqualTo("dsse");
        assertThat(e.at("/kindVersion/version").asText()).isEqualTo("0.0.1");
        assertThat(e.get("integratedTime").asText()).isEqualTo("1733354041");
        assertThat(e.at("/inclusionPromise/signedEntryTimestamp").asText()).isEqualTo("BQ==");
        assertThat(e.at("/inclusionProof/logIndex").asText()).isEqualTo("7");
        assertThat(e.at("/inclusionProof/treeSize").asText()).isEqualTo("8");
        assertThat(e.at("/inclusionProof/rootHash").asText()).isEqualTo("CQk=");
        assertThat(e.at("/inclusionProof/hashes/1").asText()).isEqualTo("Ag==");
        assertThat(e.at("/inclusionProof/checkpoint/envelope").asText()).startsWith("log.example - 1\n8\n");
        assertThat(e.get("canonicalizedBody").asText()).isEqualTo("e30=");
        assertThat(n.at("/envelope/statement").asText()).isEqualTo("eyJhIjoxfQ==");
        assertThat(n.at("/envelope/signature").asText()).isEqualTo("MAE=");
    }

    @Test
    void readsWhatItWritesAndAcceptsNumbersAndUnknownKeys() throws Exception {
        Attestation a = Attestation.parse(sample().toJson());
        assertThat(a.toJson()).isEqualTo(sample().toJson());

        String withNumbers = sample().toJson().replace("\"integratedTime\":\"1733354041\"",
                "\"integratedTime\":1733354041").replace("{\"version\":1,", "{\"version\":1,\"extra\":true,");
        assertThat(Attestation.parse(withNumbers).entry().integratedTime()).isEqualTo(1733354041L);
    }

    @Test
    void refusesWhatPypiWouldRefuse() {
        String json = sample().toJson();
        assertThatThrownBy(() -> Attestation.parse(json.replace("{\"version\":1", "{\"version\":2")))
                .hasMessageContaining("version 2; expected 1");
        assertThatThrownBy(() -> Attestation.parse(json.replaceAll("\"transparency_entries\":\\[.*\\]\\}",
                "\"transparency_entries\":[]}"))).hasMessageContaining("no transparency_entries");
        assertThatThrownBy(() -> Attestation.parse(json.replace("\"MAE=\"", "\"not base64!\"")))
                .hasMessageContaining("envelope.signature is not standard base64");
        assertThatThrownBy(() -> Attestation.parse("x".repeat(AttestationJson.MAX_CHARS + 1)))
                .hasMessageContaining("a few KiB");
        assertThat(Attestation.fileNameFor("a-1.tar.gz")).isEqualTo("a-1.tar.gz.publish.attestation");
    }
}
