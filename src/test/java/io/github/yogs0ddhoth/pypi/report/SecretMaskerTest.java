package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    @Test
    void printsAddMaskForTheSecretAndItsBasicAuthFormOnGitHub() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecretMasker masker = new SecretMasker(new WorkflowCommands(new PrintStream(out, true, StandardCharsets.UTF_8)));
        masker.register("pypi-secret-token-value");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "::add-mask::pypi-secret-token-value" + System.lineSeparator()
                        + "::add-mask::X190b2tlbl9fOnB5cGktc2VjcmV0LXRva2VuLXZhbHVl" + System.lineSeparator());
    }

    @Test
    void registersEachSecretOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecretMasker masker = new SecretMasker(new WorkflowCommands(new PrintStream(out, true, StandardCharsets.UTF_8)));
        masker.register("secret-one-value");
        masker.register("secret-one-value");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void redactingLogReplacesSecretsAtEveryLevel() {
        List<String> lines = new ArrayList<>();
        PublishLog sink = new PublishLog() {
            public void debug(String m) { lines.add("D " + m); }
            public void info(String m) { lines.add("I " + m); }
            public void warn(String m) { lines.add("W " + m); }
            public void error(String m) { lines.add("E " + m); }
        };
        SecretMasker masker = new SecretMasker(null);
        masker.register("eyJhbGciOiJSUzI1NiJ9.payload.sig");
        PublishLog log = masker.redacting(sink);
        log.debug("token eyJhbGciOiJSUzI1NiJ9.payload.sig here");
        log.info("eyJhbGciOiJSUzI1NiJ9.payload.sig");
        log.warn("x eyJhbGciOiJSUzI1NiJ9.payload.sig");
        log.error("y eyJhbGciOiJSUzI1NiJ9.payload.sig");
        assertThat(lines).containsExactly("D token *** here", "I ***", "W x ***", "E y ***");
    }

    @Test
    void ignoresNullAndShortValues() {
        SecretMasker masker = new SecretMasker(null);
        masker.register(null);
        masker.register("abc");
        assertThat(masker.redact("abc def")).isEqualTo("abc def");
    }
}
