package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DisplayNameTest {

    @Test
    void archiveTextIsEscapedAndCutAfterTwoHundredCharactersWithItsLengthSaid() {
        assertThat(DisplayName.shortened("a\nb")).isEqualTo("a\\nb");
        assertThat(DisplayName.shortened("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(DisplayName.shortened("\n" + "x".repeat(1 << 20)))
                .isEqualTo("\\n" + "x".repeat(199) + "... (1048577 characters)");
        assertThat(DisplayName.shortened(null)).isEqualTo("null");
    }

    @Test
    void anOrdinaryNameIsTheSameString() {
        String name = "dist/My Project-1.0 (copy)/a_b-1.0-py3-none-any.whl";

        assertThat(DisplayName.of(name)).isSameAs(name);
        assertThat(DisplayName.needsEscaping(name)).isFalse();
    }

    @Test
    void lineBreaksCannotStartALogLine() {
        String escaped = DisplayName.of("a\n::stop-commands::x\r\n::add-mask::y");

        assertThat(escaped).isEqualTo("a\\n::stop-commands::x\\r\\n::add-mask::y");
        assertThat(escaped.lines()).hasSize(1);
    }

    @Test
    void everyUnicodeLineSeparatorAndControlIsEscaped() {
        assertThat(DisplayName.of("a\u0085b\u2028c\u2029d\u000be\u000cf\u001bg\u007fh\u0000i\tj"))
                .isEqualTo("a\\u0085b\\u2028c\\u2029d\\u000be\\u000cf\\u001bg\\u007fh\\u0000i\\tj");
    }

    @Test
    void bidirectionalOverridesAreEscaped() {
        // "evil\u202Elhw.exe" displays as "evilexe.whl".
        assertThat(DisplayName.of("evil\u202elhw.exe")).isEqualTo("evil\\u202elhw.exe");
        assertThat(DisplayName.of("a\u2066b\u2069")).isEqualTo("a\\u2066b\\u2069");
    }

    @Test
    void backslashesAndNonAsciiLettersAreKept() {
        assertThat(DisplayName.of("C:\\build\\dist\\café-1.0.tar.gz")).isEqualTo("C:\\build\\dist\\café-1.0.tar.gz");
    }

    @Test
    void aPathIsEscapedToo() {
        assertThat(DisplayName.of(Path.of("/tmp/x\ny.whl"))).isEqualTo("/tmp/x\\ny.whl");
        assertThat(DisplayName.of((Path) null)).isEqualTo("null");
    }
}
