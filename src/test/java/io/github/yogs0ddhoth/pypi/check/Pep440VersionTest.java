package io.github.yogs0ddhoth.pypi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

// The expected values were produced with packaging 26.3 (str(Version(v)), ==, sorted), the library PyPI uses.
class Pep440VersionTest {

    @ParameterizedTest(name = "''{0}'' normalises to ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", "v1.0|1.0", " 1.0 |1.0", "1.0.0|1.0.0", "01.02|1.2", "1!2.0|1!2.0", "0!1.0|1.0", "1.0a|1.0a0",
        "1.0alpha1|1.0a1", "1.0-beta.2|1.0b2", "1.0c3|1.0rc3", "1.0pre4|1.0rc4", "1.0preview|1.0rc0", "1.0RC1|1.0rc1",
        "1.0.post|1.0.post0", "1.0-1|1.0.post1", "1.0_r2|1.0.post2", "1.0rev3|1.0.post3", "1.0.dev|1.0.dev0",
        "1.0-dev7|1.0.dev7", "1.0+Local.7|1.0+local.7", "1.0+abc-def_1|1.0+abc.def.1", "1.0+007|1.0+7",
        "2025.09.4|2025.9.4", "1.0a1.post2.dev3|1.0a1.post2.dev3", "V2.0.DEV1|2.0.dev1"
    })
    void normalisesAsPackagingDoes(String raw, String normalised) {
        assertThat(Pep440Version.parse(raw)).hasValueSatisfying(v -> assertThat(v).hasToString(normalised));
    }

    @ParameterizedTest(name = "''{0}'' is not PEP 440")
    @ValueSource(strings = {"1.0-SNAPSHOT", "1.0.", ".1", "1..0", "1.0+", "1.0+a..b", "abc", "1.0.x", "1.0 beta", "",
        "1.0-", "1.0a1b1"})
    void refusesWhatPackagingRefuses(String raw) {
        assertThat(Pep440Version.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "{0} == {1}: {2}")
    @CsvSource({
        "1.0, 1.0.0, true", "1.0a, 1.0a0, true", "1.0.post0, 1.0-0, true", "1!1.0, 1.0, false", "1.0+a, 1.0, false",
        "1.0rc1, 1.0c1, true", "2025.9.4, 2025.09.04, true", "1.0.0.0, 1, true", "1.0.dev0, 1.0, false"
    })
    void comparesByPep440Equality(String a, String b, boolean equal) {
        Pep440Version x = Pep440Version.parse(a).orElseThrow();
        Pep440Version y = Pep440Version.parse(b).orElseThrow();
        assertThat(x.equals(y)).isEqualTo(equal);
        assertThat(x.compareTo(y) == 0).isEqualTo(equal);
        if (equal) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
        }
    }

    @Test
    void ordersAsPackagingDoes() {
        List<String> order = List.of("1.0.dev0", "1.0a0.dev0", "1.0a0", "1.0a1", "1.0b0", "1.0rc0", "1.0", "1.0+abc",
                "1.0+5", "1.0.post0.dev0", "1.0.post0", "1.1.dev0", "1!0.1");
        List<Pep440Version> versions = new ArrayList<>(order.stream().map(v -> Pep440Version.parse(v).orElseThrow())
                .toList());
        Collections.reverse(versions);
        Collections.sort(versions);

        assertThat(versions).extracting(Pep440Version::toString).containsExactlyElementsOf(order);
    }

    @Test
    void exposesTheLocalLabelAndTheVersionWithoutIt() {
        Pep440Version v = Pep440Version.parse("1.2+Ubuntu-1").orElseThrow();

        assertThat(v.isLocal()).isTrue();
        assertThat(v.localLabel()).isEqualTo("ubuntu.1");
        assertThat(v.withoutLocal()).hasToString("1.2");
        assertThat(Pep440Version.parse("1.2").orElseThrow().isLocal()).isFalse();
        assertThat(Pep440Version.parse("1.2-3").orElseThrow().isPostRelease()).isTrue();
    }

    @Test
    void handlesNumbersBeyondLong() {
        assertThat(Pep440Version.parse("99999999999999999999999.1").orElseThrow())
                .hasToString("99999999999999999999999.1")
                .isGreaterThan(Pep440Version.parse("9223372036854775807").orElseThrow());
    }
}
