package io.github.yogs0ddhoth.pypi.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckUrlTest {
    private static final RepositoryUrl PYPI = RepositoryUrl.parse("pypi");

    @Test
    void anOriginMeansItsSimpleRoot() {
        assertThat(CheckUrl.simpleRoot("https://pypi.org", PYPI)).contains("https://pypi.org/simple/");
        assertThat(CheckUrl.simpleRoot("https://pypi.org/", PYPI)).contains("https://pypi.org/simple/");
    }

    @Test
    void aSimpleRootIsKeptWithATrailingSlash() {
        assertThat(CheckUrl.simpleRoot("https://pypi.org/simple/", PYPI)).contains("https://pypi.org/simple/");
        assertThat(CheckUrl.simpleRoot("https://mirror.example/pypi/simple", PYPI))
                .contains("https://mirror.example/pypi/simple/");
    }

    @Test
    void unsetMeansTheIndexOwnSimpleApi() {
        assertThat(CheckUrl.simpleRoot(null, PYPI)).contains("https://pypi.org/simple/");
        assertThat(CheckUrl.simpleRoot(" ", RepositoryUrl.parse("testpypi"))).contains("https://test.pypi.org/simple/");
        assertThat(CheckUrl.simpleRoot(null, RepositoryUrl.parse("http://127.0.0.1:8080/legacy/")))
                .contains("http://127.0.0.1:8080/simple/");
    }

    @Test
    void noneTurnsLookupsOff() {
        assertThat(CheckUrl.simpleRoot("none", PYPI)).isEqualTo(Optional.empty());
        assertThat(CheckUrl.simpleRoot(" NONE ", PYPI)).isEqualTo(Optional.empty());
    }

    @Test
    void credentialsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> CheckUrl.simpleRoot("https://user:s3cr3t-pass@pypi.org/simple/", PYPI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not carry credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pass"));
    }

    @Test
    void plainHttpToAnotherHostAndQueriesAreRefused() {
        assertThatThrownBy(() -> CheckUrl.simpleRoot("http://pypi.org/simple/", PYPI))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckUrl.simpleRoot("https://pypi.org/simple/?x=1", PYPI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    }
}
