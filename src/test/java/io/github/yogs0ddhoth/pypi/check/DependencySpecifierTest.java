package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Valid and invalid examples, and packaging's message for each invalid one, were produced with packaging 26.3.
class DependencySpecifierTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "requests", "requests[socks]>=2.31", "requests [socks, security] >= 2.31, < 3 ; python_version < '3.13'",
        "a (>=1.0)", "a==1.0.*", "a~=1.0", "a; python_version >= '3' and (os_name == 'nt' or extra == 'x')",
        "a; platform.machine == 'x86_64'", "a; 'x' not in extra", "a===foo", "a>=1.0,", "zope.interface>=5",
        "a_b-c.d", "A>1.0a1.post1.dev1", "typing-extensions>=4.5; python_version < \"3.11\""
    })
    void acceptsWhatPackagingAccepts(String text) throws Exception {
        assertThat(DependencySpecifier.parse(text).url()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pkg @ https://x.org/p.whl; os_name=='nt'|Expected semicolon (after URL and whitespace) or end",
        "a>=1.0.*|.* suffix can only be used with `==` or `!=` operators",
        "a<1.0+local|Local version label can only be used with `==` or `!=` operators",
        "a~=1|Expected semicolon (after name with no version specifier) or end",
        "a ==|Expected semicolon (after name with no version specifier) or end",
        "a >= 1.0 b|Expected comma (within version specifier), semicolon (after version specifier) or end",
        "a[b c]|Expected comma between extra names",
        "-a|Expected package name at the start of dependency specifier",
        "a;|Expected a marker variable or quoted string",
        "a; python_version|Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "a; foo == 'x'|Expected a marker variable or quoted string",
        "a; 'x' notin extra|Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "a (>=1.0|Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
        "a>=1.0,,<2|Expected comma (within version specifier), semicolon (after version specifier) or end",
        "a; extra == 'x' or|Expected a marker variable or quoted string"
    })
    void refusesWhatPackagingRefusesWithItsMessage(String text, String message) {
        assertThatThrownBy(() -> DependencySpecifier.parse(text))
                .isInstanceOf(DependencySpecifier.SyntaxError.class)
                .hasMessageStartingWith(message + " (at character ");
    }

    @Test
    void readsTheDirectReference() throws Exception {
        DependencySpecifier parsed = DependencySpecifier.parse("pkg[extra] @ https://x.org/p.whl ; os_name=='nt'");

        assertThat(parsed.name()).isEqualTo("pkg");
        assertThat(parsed.extras()).isEqualTo(List.of("extra"));
        assertThat(parsed.url()).isEqualTo("https://x.org/p.whl");
        assertThat(DependencySpecifier.parse("pkg@file:///tmp/p.whl").url()).isEqualTo("file:///tmp/p.whl");
    }

    @Test
    void keepsTheSpecifierText() throws Exception {
        assertThat(DependencySpecifier.parse("a (>=1.0, <2)").specifier()).isEqualTo(">=1.0,<2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        ">=3.9|", ">=3.9,<4|", ">=3.9,|", "3.9|3.9", ">=3.*|>=3.*", "==3.*|", "~=3|~=3", ">= 3.9|", ">=3.9 ,<4|",
        "!=3.0.*,>=2.7|"
    })
    void checksSpecifierSetsAsPackagingDoes(String set, String invalid) {
        assertThat(VersionSpecifiers.invalidSpecifier(set).orElse(null)).isEqualTo(invalid);
    }
}
