package io.github.yogs0ddhoth.pypi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WheelFilenameTest {

    @Test
    void parsesAPureWheel() {
        assertThat(WheelFilename.parse("my_project-1.0-py3-none-any.whl"))
                .contains(new WheelFilename("my_project", "1.0", null, "py3", "none", "any"));
    }

    @Test
    void parsesACompressedPythonTagSet() {
        assertThat(WheelFilename.parse("six-1.16.0-py2.py3-none-any.whl"))
                .contains(new WheelFilename("six", "1.16.0", null, "py2.py3", "none", "any"));
    }

    @Test
    void parsesACompressedPlatformTagSet() {
        assertThat(WheelFilename.parse(
                        "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"))
                .contains(new WheelFilename(
                        "numpy", "2.1.0", null, "cp312", "cp312", "manylinux_2_17_x86_64.manylinux2014_x86_64"));
    }

    @Test
    void parsesABuildTag() {
        assertThat(WheelFilename.parse("foo-1.0-1-py3-none-any.whl"))
                .contains(new WheelFilename("foo", "1.0", "1", "py3", "none", "any"));
        assertThat(WheelFilename.parse("foo-1.0-2_nightly-py3-none-any.whl"))
                .contains(new WheelFilename("foo", "1.0", "2_nightly", "py3", "none", "any"));
    }

    @Test
    void keepsTheRawNameAndAVersionWithEpochAndLocalPart() {
        assertThat(WheelFilename.parse("Foo.Bar-1!2.0rc1.post3.dev4+local_1.abc-cp39-abi3-win_amd64.whl"))
                .contains(new WheelFilename(
                        "Foo.Bar", "1!2.0rc1.post3.dev4+local_1.abc", null, "cp39", "abi3", "win_amd64"));
    }

    @Test
    void toleratesALeadingVInTheVersionAsPackagingDoes() {
        assertThat(WheelFilename.parse("foo-v1.0-py3-none-any.whl"))
                .contains(new WheelFilename("foo", "v1.0", null, "py3", "none", "any"));
    }

    @Test
    void parsesAMacosUniversalWheel() {
        assertThat(WheelFilename.parse("pkg-0.1-cp313-cp313t-macosx_11_0_universal2.whl"))
                .contains(new WheelFilename("pkg", "0.1", null, "cp313", "cp313t", "macosx_11_0_universal2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "foo-1.0-none-any.whl", // too few parts
        "foo-py3-none-any.whl", // no version: too few parts
        "foo-1.0-1-2-py3-none-any.whl", // too many parts
        "foo-1.0-beta-py3-none-any.whl", // build tag must start with a digit
        "my-pkg-1.0-py3-none-any.whl", // unescaped name: the version part "pkg" does not start with a digit
        "foo-dev-py3-none-any.whl", // a version starts with a digit
        "foo-1.0-py3-none-any.zip", // not .whl
        "foo-1.0-py3-none-any.WHL", // the suffix is exactly .whl
        "foo-1.0-py3-none-any", // no suffix
        "foo-1.0-py3-none-any.whl.tmp",
        "foo-1.0-py3-none-.whl", // empty platform tag
        "foo--py3-none-any.whl", // empty version
        "-1.0-py3-none-any.whl", // empty name
        "foo-1.0-py2..py3-none-any.whl", // empty member of a tag set
        "foo-1.0-.py3-none-any.whl",
        "foo-1.0-py3-none-any..whl",
        "foo bar-1.0-py3-none-any.whl", // space in the name
        "dist/foo-1.0-py3-none-any.whl", // a path, not a file name
        ".whl",
        ""
    })
    void rejectsNamesOutsideTheGrammar(String filename) {
        assertThat(WheelFilename.parse(filename)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(WheelFilename.parse(null)).isEmpty();
    }

    @Test
    void namesTheDistInfoDirectoryFromTheRawParts() {
        assertThat(WheelFilename.parse("My_Pkg-1.0-py3-none-any.whl").orElseThrow().distInfoDirectory())
                .isEqualTo("My_Pkg-1.0.dist-info");
    }
}
