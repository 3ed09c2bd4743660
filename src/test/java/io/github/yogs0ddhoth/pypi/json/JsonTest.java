package io.github.yogs0ddhoth.pypi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // Jackson (test scope only) is the oracle: what it refused, the plugin's parser refuses too.
    @ParameterizedTest
    @ValueSource(strings = {
        "{", "}", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "['x']", "01", "-", "-01",
        "+1", "1.", ".5", "1e", "1e+", "NaN", "Infinity", "-Infinity", "tru", "nul", "True", "\"abc",
        "\"a\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"tab\there\"", "\"line\nbreak\"", "/* c */ 1", "\u00a01", "[\u0000]", "0x10", "1_000"
    })
    void refusesWhatJacksonRefuses(String json) {
        assertThatThrownBy(() -> new ObjectMapper().readTree(json)).as("Jackson on %s", json)
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Json.parse(json)).as("on %s", json).isInstanceOf(IOException.class)
                .hasMessageContaining("of the JSON text");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0", "-0", "1.5e-3", "1E+2", "-12.25", "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
        "\"\\u00e9\\u00E9\\ud83d\\ude00\"", "\"\\ud800 lone\"", "\"Zo\u00eb \u2028 \ud83d\ude00\"",
        " \t\r\n[ ] ", "{}", "[[],[{}],{\"\":[]}]", "{\"a\":{\"b\":[true,false,null,1,2.5,\"s\"]}}",
        "123456789", "1234567890", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e400", "[1,{\"x\":[2,[3]]}]"
    })
    void readsWhatJacksonReadsAsItReadsIt(String json) throws IOException {
        assertThat(Json.parse(json).toString()).as("on %s", json)
                .isEqualTo(new ObjectMapper().readTree(json).toString());
    }

    // Jackson's readTree stops after the first value; the plugin's parser refuses what follows it.
    @ParameterizedTest
    @ValueSource(strings = {"[1]]", "[1] // c", "{\"a\":1}}", "1 2", "{} x"})
    void refusesAnythingAfterTheValue(String json) {
        assertThatThrownBy(() -> Json.parse(json)).as("on %s", json).isInstanceOf(IOException.class)
                .hasMessageContaining("goes on after its value");
    }

    @Test
    void integersAreIntLongOrBigIntegerByTheirSizeAsJacksonHasThem() throws IOException {
        assertThat(Json.parse("[2147483647,2147483648,9223372036854775807,9223372036854775808,-9223372036854775808]")
                .toString()).isEqualTo("[2147483647,2147483648,9223372036854775807,9223372036854775808,"
                + "-9223372036854775808]");
        JsonValue v = Json.parse("{\"i\":-2147483648,\"l\":-9223372036854775808,\"b\":99999999999999999999}");
        assertThat(v.path("i").asLong()).isEqualTo(Integer.MIN_VALUE);
        assertThat(v.path("l").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(v.path("b").canConvertToLong()).isFalse();
        assertThat(v.path("b").asText()).isEqualTo(new BigInteger("99999999999999999999").toString());
    }

    @Test
    void theLimitsAreJacksonsDefaults() {
        assertThatThrownBy(() -> Json.parse("[".repeat(501) + "]".repeat(501)))
                .isInstanceOf(IOException.class).hasMessageContaining("nested deeper than 500 levels");
        assertThatCode(() -> Json.parse("[".repeat(500) + "]".repeat(500))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.parse("1".repeat(1001))).isInstanceOf(IOException.class)
                .hasMessageContaining("number longer than 1000 characters");
        assertThatThrownBy(() -> Json.parse("{\"" + "n".repeat(50_001) + "\":1}")).isInstanceOf(IOException.class)
                .hasMessageContaining("a member name longer than 50000 characters");
        assertThatThrownBy(() -> Json.parse("\"" + "s".repeat(20_000_001) + "\"")).isInstanceOf(IOException.class)
                .hasMessageContaining("a string longer than 20000000 characters");
    }

    @Test
    void anErrorSaysWhatWasExpectedWhatCameAndWhere() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1;}")).hasMessage(
                "expected ',' or '}' after an object member, found ';', at character 7 of the JSON text");
        assertThatThrownBy(() -> Json.parse("{\"a\":")).hasMessageContaining("found the end of the text");
        assertThatThrownBy(() -> Json.parse("\"a\u0001b\"")).hasMessageContaining(
                "control character U+0001 inside a string");
        assertThatThrownBy(() -> Json.parse("[\u0007]")).hasMessageContaining("found U+0007");
    }

    @Test
    void bytesMustBeUtf8AndMayStartWithAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
        assertThat(Json.parse(bom).isObject()).isTrue();
        byte[] latin1 = "{\"name\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Json.parse(latin1)).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> new ObjectMapper().readTree(latin1)).isInstanceOf(IOException.class);
    }

    @Test
    void isTrueAtFollowsThePathAndSkipsEverythingElse() throws IOException {
        String skipped = "\"big\":[" + "{\"fork\":true,\"s\":\"\\\"}\"},".repeat(1000) + "0],";
        assertThat(trueAt("{" + skipped + "\"pull_request\":{\"head\":{\"repo\":{\"fork\":true}}}}")).isTrue();
        assertThat(trueAt("{\"pull_request\":{\"head\":{\"repo\":{\"fork\":false}}}}")).isFalse();
        assertThat(trueAt("{\"pull_request\":{\"head\":{\"repo\":{\"fork\":\"true\"}}}}")).isFalse();
        assertThat(trueAt("{\"pull_request\":{\"head\":{\"repo\":null}}}")).isFalse();
        assertThat(trueAt("{\"pull_request\":{\"head\":{}}}")).isFalse();
        assertThat(trueAt("[true]")).isFalse();
        assertThat(trueAt("")).isFalse();
        // The answer ends the reading: what follows it is never looked at.
        assertThat(trueAt("{\"pull_request\":{\"head\":{\"repo\":{\"fork\":true}}}} not json")).isTrue();
        assertThatThrownBy(() -> trueAt("{" + skipped.replace("0],", "0,") + "\"pull_request\":1}"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Json.isTrueAt(new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xff, '"'}),
                List.of("a"))).isInstanceOf(CharacterCodingException.class);
    }

    private static boolean trueAt(String json) throws IOException {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return Json.isTrueAt(in, List.of("pull_request", "head", "repo", "fork"));
        }
    }

    // Jackson is the oracle: the document the plugin wrote, read back and rendered by databind (whose
    // INDENT_OUTPUT is the generator's default pretty printer), must come out character for character the same.
    @Test
    void bothWritersPrintWhatJacksonPrints() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (boolean pretty : new boolean[] {false, true}) {
            StringWriter ours = new StringWriter();
            try (JsonWriter g = pretty ? Json.prettyWriter(ours) : Json.writer(ours)) {
                g.writeStartObject();
                g.writeStringField("status", "published \"now\"\\ \u0001\u001f\u007f\u00e9\u2028\n\t\r\b\f/");
                g.writeStringField("error", null);
                g.writeNumberField("size", -12L);
                g.writeBooleanField("ok", true);
                g.writeArrayFieldStart("files");
                g.writeStartObject();
                g.writeStringField("filename", "a.whl");
                g.writeArrayFieldStart("empty");
                g.writeEndArray();
                g.writeFieldName("nested");
                g.writeStartObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeNumber(7L);
                g.writeStartArray();
                g.writeBoolean(false);
                g.writeNull();
                g.writeString("x");
                g.writeEndArray();
                g.writeStartObject();
                g.writeFieldName("deep");
                g.writeStartObject();
                g.writeStringField("k", "v");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            var tree = mapper.readTree(ours.toString());
            String jackson = pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    : mapper.writeValueAsString(tree);
            assertThat(ours.toString()).as(pretty ? "pretty" : "compact").isEqualTo(jackson);
            assertThat(tree.path("files").size()).isEqualTo(4);
        }
    }

    @Test
    void callsOutOfOrderAreRefused() throws IOException {
        JsonWriter g = Json.writer(new StringWriter());
        g.writeStartObject();
        assertThatThrownBy(() -> g.writeString("no name")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(g::writeEndArray).isInstanceOf(IllegalStateException.class);
        g.writeFieldName("a");
        assertThatThrownBy(() -> g.writeFieldName("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(g::writeEndObject).isInstanceOf(IllegalStateException.class);
    }
}
