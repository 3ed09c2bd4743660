package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatementTest {
    private static final String DIGEST = "0ace7980f82c5815ede4cd7bf9f6693684cec2ae47b9b7ade9add533b8627c6b";

    @Test
    void bytesAreExactlyWhatPypiDocumentsForSampleproject() {
        byte[] bytes = new Statement("sampleproject-4.0.0.tar.gz", DIGEST).toBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"_type\":\"https://in-toto.io/Statement/v1\","
                + "\"subject\":[{\"name\":\"sampleproject-4.0.0.tar.gz\",\"digest\":{\"sha256\":\"" + DIGEST + "\"}}],"
                + "\"predicateType\":\"https://docs.pypi.org/attestations/publish/v1\",\"predicate\":null}");
    }

    @Test
    void parsesWhatItWrites() throws Exception {
        Statement s = new Statement("demo-1.0-py3-none-any.whl", DIGEST);
        assertThat(Statement.parse(s.toBytes())).isEqualTo(s);
    }

    @Test
    void refusesAnotherPredicateTwoSubjectsOrAnUpperCaseDigest() {
        String other = new String(new Statement("a-1.tar.gz", DIGEST).toBytes(), StandardCharsets.UTF_8)
                .replace("publish/v1", "publish/v2");
        assertThatThrownBy(() -> Statement.parse(other.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("predicateType 'https://docs.pypi.org/attestations/publish/v2'");

        String two = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":{}},"
                + "{\"name\":\"b\",\"digest\":{}}],\"predicateType\":\"https://docs.pypi.org/attestations/publish/v1\"}";
        assertThatThrownBy(() -> Statement.parse(two.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("2 subjects");

        assertThatThrownBy(() -> new Statement("a-1.tar.gz", DIGEST.toUpperCase()))
                .hasMessageContaining("lower-case hex");
        assertThatThrownBy(() -> new Statement("dist/a-1.tar.gz", DIGEST)).hasMessageContaining("bare file name");
    }
}
