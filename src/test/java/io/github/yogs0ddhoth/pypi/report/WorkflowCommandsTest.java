package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final WorkflowCommands commands = new WorkflowCommands(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void escapesDataAndProperties() {
        commands.error("Upload: failed, badly", "line 1\nline 2 100%");
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("::error title=Upload%3A failed%2C badly::line 1%0Aline 2 100%25");
    }

    @Test
    void masksMultiLineSecretsLineByLine() {
        commands.addMask("first-line\nsecond-line");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("::add-mask::first-line", "::add-mask::second-line");
    }
}
