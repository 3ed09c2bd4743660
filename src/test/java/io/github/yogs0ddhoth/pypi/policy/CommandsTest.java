package io.github.yogs0ddhoth.pypi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mvn deploy", "./mvnw -B deploy", "mvnw.cmd deploy", "/opt/maven/bin/mvn -B -ntp deploy",
        "mvn pypi:pypi-publish", "./mvnw -B pypi:pypi-publish@pypi",
        "mvn io.github.yogs0ddhoth:pypi-maven-plugin:1.0.0:pypi-publish",
        "cd module && ./mvnw -B \\\n  -DskipTests \\\n  deploy",
        "echo start\n./mvnw -B pypi:pypi-publish\n"
    })
    void recognisesThePublish(String script) {
        assertThat(Commands.publishes(script)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mvn verify", "./mvnw -B install", "echo deploy", "mvn verify && ./deploy.sh deploy",
        "# mvn deploy", "gradle publish", "mvnx deploy", "mvn pypi:check", "twine upload dist/*"
    })
    void ignoresOtherCommands(String script) {
        assertThat(Commands.publishes(script)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mvn -B package", "./mvnw clean verify", "./mvnw install deploy", "python -m build",
        "python3.12 -m build --wheel", "uv build", "pip wheel . -w dist"
    })
    void recognisesBuilds(String script) {
        assertThat(Commands.buildCommand(script)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"./mvnw -B pypi:pypi-publish", "mvn deploy", "echo package"})
    void publishingAloneIsNoBuild(String script) {
        assertThat(Commands.buildCommand(script)).isNull();
    }
}
