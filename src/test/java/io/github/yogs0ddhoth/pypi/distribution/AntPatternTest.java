package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
        // '**/' also matches no directory at all, unlike a PathMatcher glob
        "**/*.whl, a.whl, true",
        "**/*.whl, dist/a.whl, true",
        "**/*.whl, x/y/z/a.whl, true",
        "**/*.whl, a.whl.bak, false",
        "**/*.whl, dist/a.tar.gz, false",
        "**/*.tar.gz, a-1.0.tar.gz, true",
        "**/*.tar.gz, a/b/a-1.0.tar.gz, true",
        // '*' stays within one segment
        "*.whl, a.whl, true",
        "*.whl, dist/a.whl, false",
        "dist/*.whl, dist/a.whl, true",
        "dist/*.whl, dist/x/a.whl, false",
        "dist/*.whl, a.whl, false",
        // '**' in the middle and at the end
        "**/dist/*.whl, dist/a.whl, true",
        "**/dist/*.whl, x/dist/a.whl, true",
        "**/dist/*.whl, dist/x/a.whl, false",
        "a/**/b/*.whl, a/b/x.whl, true",
        "a/**/b/*.whl, a/1/2/b/x.whl, true",
        "a/**/b/*.whl, a/1/2/c/x.whl, false",
        "dist/**, dist/a.whl, true",
        "dist/**, dist/x/y/a.whl, true",
        "dist/**, other/a.whl, false",
        "**, anything/at/all, true",
        // Ant's trailing slash means everything below
        "old/, old/a.whl, true",
        "old/, older/a.whl, false",
        // '?' is exactly one character
        "?.whl, a.whl, true",
        "?.whl, ab.whl, false",
        "a-?.?-py3-none-any.whl, a-1.0-py3-none-any.whl, true",
        // literal and case-sensitive
        "**/*.WHL, a.whl, false",
        "**/a.whl, b.whl, false",
        // written on Windows, or with a leading ./ or /
        "**\\*.whl, dist/a.whl, true",
        "./dist/*.whl, dist/a.whl, true",
        "/dist/*.whl, dist/a.whl, true",
    })
    void matchesLikeAnt(String pattern, String path, boolean expected) {
        assertThat(AntPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @Test
    void anEmptyPatternMatchesNothing() {
        assertThat(AntPattern.compile("").matches("a.whl")).isFalse();
        assertThat(AntPattern.compile("  ").matches("a.whl")).isFalse();
    }

    @Test
    void trimsWhitespaceAroundAPattern() {
        assertThat(AntPattern.compile("  **/*.whl\n").matches("a.whl")).isTrue();
    }

    @Test
    void keepsThePatternAsWrittenForMessages() {
        assertThat(AntPattern.compile("dist/").pattern()).isEqualTo("dist/");
        assertThat(AntPattern.compile("dist/")).hasToString("dist/");
    }

    @ParameterizedTest(name = "segment ''{0}'' matches ''{1}'': {2}")
    @CsvSource({
        "*, '', true",
        "*, abc, true",
        "a*, abc, true",
        "*c, abc, true",
        "a*b*c, aXbYc, true",
        "a*b*c, abc, true",
        "a*b*c, acb, false",
        "*.tar.gz, x.tar.gz, true",
        "*.tar.gz, x.tar.gz.part, false",
        "**, abc, true",
        "?, '', false",
        "'', '', true",
        "'', a, false",
    })
    void matchesWithinASegment(String pattern, String name, boolean expected) {
        assertThat(AntPattern.matchesSegment(pattern, name)).isEqualTo(expected);
    }

    @Test
    @Timeout(2)
    void manyDoubleStarsDoNotBacktrackExponentially() {
        String deep = "d/".repeat(40) + "file.txt";

        assertThat(AntPattern.compile("**/**/**/**/**/**/**/**/x.whl").matches(deep)).isFalse();
        assertThat(AntPattern.compile("*a*a*a*a*a*a*a*a*a*a*b").matches("a".repeat(60))).isFalse();
    }
}
