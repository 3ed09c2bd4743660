package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmc+secret/value=";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final SecretMasker onGitHub = new SecretMasker(
            new WorkflowCommands(new PrintStream(out, true, StandardCharsets.UTF_8)));

    private static String basic(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> stdoutLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void masksEveryFormOfASecretOnGitHub() {
        onGitHub.register("  " + TOKEN + "\n");

        assertThat(stdoutLines()).contains(
                "::add-mask::" + TOKEN,
                "::add-mask::" + WorkflowCommands.escapeData(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)),
                "::add-mask::" + basic("__token__:" + TOKEN),
                "::add-mask::" + basic(TOKEN),
                "::add-mask::" + basic("__token__:  " + TOKEN + "\n"));
        assertThat(stdoutLines()).allMatch(l -> l.startsWith("::add-mask::"));
    }

    @Test
    void redactsEveryFormOfASecretRegisteredWithSurroundingWhitespace() {
        SecretMasker masker = new SecretMasker(null);
        masker.register(" " + TOKEN + "\n");

        String echoed = masker.redact("trimmed " + TOKEN + " | header Authorization: Basic "
                + basic("__token__:" + TOKEN) + " | query ?token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)
                + " | bare " + basic(TOKEN));

        assertThat(echoed).doesNotContain(TOKEN, basic("__token__:" + TOKEN), basic(TOKEN),
                URLEncoder.encode(TOKEN, StandardCharsets.UTF_8), "secret")
                .isEqualTo("trimmed *** | header Authorization: Basic *** | query ?token=*** | bare ***");
    }

    @Test
    void registersEachSecretOnce() {
        onGitHub.register("secret-one-value");
        int first = stdoutLines().size();
        onGitHub.register("secret-one-value");
        assertThat(stdoutLines()).hasSize(first);
    }

    @Test
    void ignoresNullAndShortValues() {
        SecretMasker masker = new SecretMasker(null);
        masker.register(null);
        masker.register("abc");
        assertThat(masker.redact("abc def")).isEqualTo("abc def");
    }

    @Test
    void noOutsideTextCanStartALineOrAWorkflowCommand() {
        SecretMasker masker = new SecretMasker(null);

        assertThat(masker.redact("name\r::stop-commands::x")).isEqualTo("name\\r::stop-commands::x");
        assertThat(masker.redact("a\u2028::error::forged\u0085b\u001b[2K")).isEqualTo(
                "a\\u2028::error::forged\\u0085b\\u001b[2K");
        assertThat(masker.redact("Ignoring a\n::stop-commands::x\n  ##[error]forged\nend")).isEqualTo(
                "Ignoring a\n> ::stop-commands::x\n>   ##[error]forged\nend");
        assertThat(masker.redact("plain text: with :: inside")).isEqualTo("plain text: with :: inside");
        assertThat(SecretMasker.oneLine("a\nb\tc\rd")).isEqualTo("a\\nb\\tc\\rd");
    }

    @Test
    void theRedactingLogSendsEachLineOnItsOwnAtEveryLevel() {
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
        log.warn("x eyJhbGciOiJSUzI1NiJ9.payload.sig\n::stop-commands::y");
        log.error("y eyJhbGciOiJSUzI1NiJ9.payload.sig\r\n");

        assertThat(lines).containsExactly("D token *** here", "I ***", "W x ***", "W > ::stop-commands::y",
                "E y ***\\r");
    }

    @Test
    void annotationsPassTheGateAndStayShort() {
        onGitHub.register(TOKEN);
        out.reset();

        onGitHub.commands().error("Upload of " + TOKEN, "echo " + TOKEN + "\n::stop-commands::x " + "e".repeat(10_000));

        List<String> lines = stdoutLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("::error title=Upload of ***::echo ***%0A> ::stop-commands::x")
                .doesNotContain(TOKEN).contains("more characters, see the log");
        assertThat(lines.get(0).length()).isLessThan(WorkflowCommands.MAX_ANNOTATION + 200);
    }
}
