package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Expected values come from the libraries PyPI runs: email_validator 2.3, rfc3986 2.0 as Warehouse configures it,
// packaging 26.3's canonicalize_license_expression, and Warehouse's platform-tag allow-list.
class FieldSyntaxTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "foo@bar|The part after the @-sign is not valid. It should have a period.",
        "foo@localhost|The part after the @-sign is not valid. It should have a period.",
        "x@example.test|The part after the @-sign is a special-use or reserved name that cannot be used with email.",
        "foo..bar@example.com|An email address cannot have two periods in a row.",
        ".foo@example.com|An email address cannot start with a period.",
        "foo.@example.com|An email address cannot have a period immediately before the @-sign.",
        "foo@-bar.com|An email address cannot have a hyphen immediately after the @-sign.",
        "foo bar@example.com|The email address contains invalid characters before the @-sign: SPACE.",
        "\"quoted\"@example.com|Quoting the part before the @-sign is not allowed here.",
        "foo@[1.2.3.4]|A bracketed IP address after the @-sign is not allowed here.",
        "a@b.123|The part after the @-sign is not valid. It is not within a valid top-level domain.",
        "no-at-sign|An email address must have an @-sign.",
        "@example.com|There must be something before the @-sign.",
        "foo@|There must be something after the @-sign."
    })
    void refusesAddressesEmailValidatorRefuses(String address, String reason) {
        assertThat(EmailAddresses.reason(address)).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a@b.com", "j\u00fcrgen@ex\u00e4mple.de", "first.last+tag@sub.example.org"})
    void acceptsValidAddresses(String address) {
        assertThat(EmailAddresses.reason(address)).isEmpty();
    }

    @Test
    void checksEveryAddressOfANameAddressList() {
        List<EmailAddresses.Problem> problems = EmailAddresses.problems(
                "\"Doe, Jane\" <jane@example.org>, Bob <bob@localhost>, plain@example.com, Eve <eve@x.test>");

        assertThat(problems).extracting(EmailAddresses.Problem::address).containsExactly("bob@localhost",
                "eve@x.test");
        assertThat(EmailAddresses.problems("The PyNaCl developers <cryptography-dev@python.org>")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com/a b|true", "https://example.com/\u00e4|true", "http://x|true", "https:foo|true",
        "HTTPS://Example.com|true", "https://github.com/o/r/blob/main/CHANGELOG.md#v1.0|true",
        "https://user@host:80/p?q#f|true", "https://[::1]/|true", "http://x:65535|true",
        "ftp://x.org|false", "https://example.com:99999/|false", "example.com|false", "//example.com|false",
        "javascript:alert(1)|false", "mailto:a@b.c|false", "git+https://github.com/o/r|false"
    })
    void acceptsTheUrlsRfc3986AcceptsForPyPI(String url, boolean valid) {
        assertThat(Urls.isValid(url)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "MIT|", "mit|", "MIT OR Apache-2.0|", "Apache-2.0 WITH LLVM-exception|",
        "GPL-2.0+ WITH Classpath-exception-2.0|", "LicenseRef-Proprietary|",
        "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0|", "(MIT OR Apache-2.0) AND BSD-2-Clause|",
        "(MIT|Invalid license expression: '(MIT'", "MIT AND|Invalid license expression: 'MIT AND'",
        "Use-it-after-midnight|Unknown license: 'use-it-after-midnight'",
        "MIT WITH Foo|Unknown license exception: 'foo'", "LicenseRef-a_b|Invalid licenseref: 'licenseref-a_b'",
        "MIT ( Apache-2.0 )|Invalid license expression: 'MIT ( Apache-2.0 )'", "()|Invalid license expression: '()'"
    })
    void checksSpdxExpressionsAsPackagingDoes(String expression, String problem) {
        assertThat(LicenseExpression.load().problem(expression).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "any, true", "win_amd64, true", "manylinux2014_x86_64, true", "manylinux_2_28_aarch64, true",
        "musllinux_1_2_x86_64, true", "musllinux_1_2_ppc64, false", "manylinux_2_17_ppc64, true",
        "macosx_10_9_x86_64, true", "macosx_11_0_arm64, true", "macosx_11_1_arm64, false",
        "macosx_26_0_universal2, true", "macosx_16_0_arm64, false", "linux_x86_64, false", "linux_armv7l, true",
        "ios_13_0_arm64_iphoneos, true", "android_21_arm64_v8a, true", "pyemscripten_2024_0_wasm32, true",
        "emscripten_3_1_58_wasm32, false", "cygwin_x86_64, false"
    })
    void knowsPyPIsPlatformAllowList(String tag, boolean allowed) {
        assertThat(PlatformTags.isAllowed(tag)).isEqualTo(allowed);
    }

    @Test
    void aPlainLinuxTagIsTheAuditwheelCase() {
        assertThat(PlatformTags.isPlainLinux("linux_x86_64")).isTrue();
        assertThat(PlatformTags.isPlainLinux("linux_armv7l")).isFalse();
        assertThat(PlatformTags.isPlainLinux("manylinux_2_28_x86_64")).isFalse();
    }

    @Test
    void knowsTheShippedClassifierLists() {
        TroveClassifiers trove = TroveClassifiers.load();

        assertThat(trove.size()).isGreaterThan(800);
        assertThat(trove.exists("Programming Language :: Python :: 3")).isTrue();
        assertThat(trove.exists("Programming Language :: Python :: 3 :: Only")).isTrue();
        assertThat(trove.exists("Programming Language :: Java :: 3")).isFalse();
        assertThat(trove.deprecation("Natural Language :: Ukranian"))
                .contains(List.of("Natural Language :: Ukrainian"));
        assertThat(trove.deprecation("License :: OSI Approved :: Jabber Open Source License")).contains(List.of());
        assertThat(trove.deprecation("Programming Language :: Python :: 3")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[console_scripts]\\nmy-tool = pkg.cli:main\\n|",
        "[console_scripts]\\nbad/name = pkg:main\\n|invalid entry point name 'bad/name' in 'console_scripts'",
        "[gui_scripts]\\na = x:y\\na = x:z\\n|'a' appears twice in section 'gui_scripts' (line 3)",
        "a = b\\n|line 1 'a = b' comes before any [section] header",
        "[x]\\njust text\\n|line 2 'just text' is not 'name = value'",
        "[x]\\n[x]\\n|section 'x' appears twice (line 2)",
        "# comment\\n[x]\\na = b\\n  continued\\n\\n[pytest11]\\nplug = p.plugin\\n|"
    })
    void readsEntryPointsAsConfigParserDoes(String text, String problem) {
        assertThat(EntryPointsFile.problem(text.replace("\\n", "\n")).orElse(null)).isEqualTo(problem);
    }
}
