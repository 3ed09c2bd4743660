package io.github.yogs0ddhoth.pypi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsAnAnswerDownItsPathsWithoutNullChecks() throws IOException {
        JsonValue v = Json.parse("{\"files\":[{\"filename\":\"a.whl\",\"hashes\":{\"sha256\":\"AB\"}},"
                + "{\"filename\":\"b.tar.gz\"}],\"n\":1}");
        assertThat(v.isObject()).isTrue();
        assertThat(v.path("files").isArray()).isTrue();
        List<String> names = new ArrayList<>();
        for (JsonValue f : v.path("files")) {
            names.add(f.path("filename").asText("") + "=" + f.path("hashes").path("sha256").asText("none"));
        }
        assertThat(names).containsExactly("a.whl=AB", "b.tar.gz=none");
        assertThat(v.path("nothing").path("deeper").isMissing()).isTrue();
        assertThat(v.get("nothing")).isNull();
        assertThat(v.path("files").size()).isEqualTo(2);
        assertThat(v.path("n").get("x")).as("get on a value node").isNull();
    }

    @Test
    void valueNodesAsTextAsDatabindHasThem() throws IOException {
        JsonValue v = Json.parse("{\"s\":\"x\",\"i\":7,\"f\":1.5,\"t\":true,\"z\":null,\"o\":{},\"a\":[]}");
        assertThat(v.path("s").asText()).isEqualTo("x");
        assertThat(v.path("i").asText()).isEqualTo("7");
        assertThat(v.path("f").asText()).isEqualTo("1.5");
        assertThat(v.path("t").asText()).isEqualTo("true");
        assertThat(v.path("z").asText()).isEqualTo("null");
        assertThat(v.path("z").asText("fallback")).isEqualTo("fallback");
        assertThat(v.path("missing").asText("fallback")).isEqualTo("fallback");
        assertThat(v.path("o").asText("fallback")).isEmpty();
        assertThat(v.path("s").isTextual()).isTrue();
        assertThat(v.path("i").isTextual()).isFalse();
        assertThat(v.path("z").isNull()).isTrue();
        assertThat(v.path("z").isMissing()).isFalse();
        assertThat(v.path("z").isValueNode()).isTrue();
        assertThat(v.path("o").isValueNode()).isFalse();
        assertThat(v.path("missing").isValueNode()).isFalse();
        assertThat(v.path("t").isBoolean()).isTrue();
    }

    @Test
    void numbersConvertToLongOnlyWhenTheyFit() throws IOException {
        JsonValue v = Json.parse("{\"exp\":1700000000,\"big\":123456789012345678901234567890,\"frac\":12.9,"
                + "\"huge\":1e300,\"text\":\"12\"}");
        assertThat(v.path("exp").canConvertToLong()).isTrue();
        assertThat(v.path("exp").asLong()).isEqualTo(1_700_000_000L);
        assertThat(v.path("big").canConvertToLong()).isFalse();
        assertThat(v.path("frac").canConvertToLong()).isTrue();
        assertThat(v.path("frac").asLong()).isEqualTo(12L);
        assertThat(v.path("huge").canConvertToLong()).isFalse();
        assertThat(v.path("text").canConvertToLong()).isFalse();
        assertThat(v.path("text").asLong()).isZero();
    }

    @Test
    void aRepeatedMemberKeepsItsLastValueAsPythonsJsonDoes() throws IOException {
        assertThat(Json.parse("{\"aud\":\"evil\",\"aud\":\"pypi\"}").path("aud").asText()).isEqualTo("pypi");
    }

    @Test
    void emptyTextIsMissingAndAnythingAfterTheValueIsAnError() throws IOException {
        assertThat(Json.parse("").isMissing()).isTrue();
        assertThat(Json.parse("  \n").isMissing()).isTrue();
        assertThatThrownBy(() -> Json.parse("{\"a\":1} {\"b\":2}")).isInstanceOf(IOException.class)
                .hasMessageContaining("goes on after its value");
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Json.parse("<html>502</html>")).isInstanceOf(IOException.class);
    }

    @Test
    void aDocumentNestedPastTheParsersLimitIsAnIoErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IOException.class);
    }

    @Test
    void parsesUtf8Bytes() throws IOException {
        assertThat(Json.parse("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)).path("name").asText())
                .isEqualTo("Zoë");
    }

    @Test
    void writesBackAsCompactJson() throws IOException {
        String text = "{\"a\":[1,2.5,\"x\\\"y\",true,false,null],\"b\":{\"c\":\"\\n\"}}";
        assertThat(Json.parse(text).toString()).isEqualTo(text);
        assertThat(JsonValue.MISSING.toString()).isEmpty();
    }

    @Test
    void oneMemberObjectEscapesItsValue() throws IOException {
        String body = Json.object("token", "a\"b\\c\n");
        assertThat(body).isEqualTo("{\"token\":\"a\\\"b\\\\c\\n\"}");
        assertThat(Json.parse(body).path("token").asText()).isEqualTo("a\"b\\c\n");
    }

    @Test
    void thePrettyWriterIndentsAsDatabindsIndentOutputAndLeavesTheTargetOpen() throws IOException {
        StringWriter out = new StringWriter();
        try (var g = Json.prettyWriter(out)) {
            g.writeStartObject();
            g.writeStringField("status", "published");
            g.writeStringField("error", null);
            g.writeArrayFieldStart("files");
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("!"); // still open
        assertThat(out.toString()).isEqualTo("{\n  \"status\" : \"published\",\n  \"error\" : null,\n"
                + "  \"files\" : [ ]\n}!");
    }
}
