package io.github.yogs0ddhoth.pypi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlReaderTest {
    @Test
    void keepsLinesOfKeysAndValues() throws Exception {
        YamlNode root = YamlReader.read("name: x\njobs:\n  publish:\n    environment:\n      name: pypi\n"
                + "    steps:\n      - run: mvn deploy\n");
        YamlNode job = root.get("jobs").get("publish");
        assertThat(root.keyLine("jobs")).isEqualTo(2);
        assertThat(job.get("environment").text("name")).isEqualTo("pypi");
        assertThat(job.get("environment").get("name").line()).isEqualTo(5);
        assertThat(job.get("steps").items().get(0).get("run").line()).isEqualTo(7);
        assertThat(job.get("steps").items().get(0).text("run")).isEqualTo("mvn deploy");
    }

    @Test
    void onKeyStaysAStringAndTrueKeyIsAccepted() throws Exception {
        YamlNode a = YamlReader.read("on:\n  push:\njobs: {}\n");
        assertThat(new GitHubRules.Workflow("a", a).trigger("push")).isNotNull();
        YamlNode b = YamlReader.read("true:\n  pull_request_target:\njobs: {}\n");
        GitHubRules.Workflow wf = new GitHubRules.Workflow("b", b);
        assertThat(wf.trigger("pull_request_target")).isNotNull();
        assertThat(wf.onKey()).isEqualTo("true");
    }

    @Test
    void triggersAsStringListOrMap() throws Exception {
        assertThat(new GitHubRules.Workflow("s", YamlReader.read("on: pull_request\n")).trigger("pull_request"))
                .isNotNull();
        assertThat(new GitHubRules.Workflow("l", YamlReader.read("on: [push, pull_request_target]\n"))
                .trigger("pull_request_target").line()).isEqualTo(1);
        assertThat(new GitHubRules.Workflow("m", YamlReader.read("on:\n  push:\n")).trigger("pull_request"))
                .isNull();
    }

    @Test
    void emptyDocumentIsAnEmptyMap() throws Exception {
        assertThat(YamlReader.read("").isMap()).isTrue();
    }

    @Test
    void syntaxErrorCarriesItsLine() {
        assertThatThrownBy(() -> YamlReader.read("a: 1\nb: [\n  - c\n"))
                .isInstanceOf(YamlReader.YamlException.class)
                .satisfies(e -> assertThat(((YamlReader.YamlException) e).line()).isGreaterThan(1));
    }
}
