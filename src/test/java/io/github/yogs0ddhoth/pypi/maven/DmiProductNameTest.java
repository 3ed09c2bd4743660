package io.github.yogs0ddhoth.pypi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmiProductNameTest {
    @TempDir
    Path dir;

    @Test
    void theProductNameIsReadStripped() throws Exception {
        Path file = Files.writeString(dir.resolve("product_name"), "Google Compute Engine\n");
        assertThat(DmiProductName.read(file)).isEqualTo("Google Compute Engine");
    }

    @Test
    void aSysfsSizedFileIsReadOnlyAsFarAsANameGoes() throws Exception {
        Path file = Files.writeString(dir.resolve("product_name"), "Google" + " ".repeat(250) + "x".repeat(4000));
        assertThat(DmiProductName.read(file)).startsWith("Google").hasSizeLessThanOrEqualTo(256);
    }

    @Test
    void noFileIsNoName() {
        assertThat(DmiProductName.read(dir.resolve("absent"))).isNull();
        assertThat(DmiProductName.read(null)).isNull();
    }
}
