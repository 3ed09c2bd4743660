package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DsseTest {
    @Test
    void paeMatchesTheDsseSpecificationExample() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] payload = "{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 28 application/vnd.in-toto+json 13 {\"name\":\"é\"}");
    }

    @Test
    void envelopeIsProtobufJsonWithOneSignature() throws Exception {
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] sig = {1, 2, 3};

        String json = Dsse.envelopeJson(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, sig);

        assertThat(json).isEqualTo("{\"payload\":\"e30=\",\"payloadType\":\"application/vnd.in-toto+json\","
                + "\"signatures\":[{\"sig\":\"AQID\"}]}");
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(Base64.getDecoder().decode(node.get("payload").asText())).isEqualTo(payload);
    }
}
