package io.github.yogs0ddhoth.pypi.policy;

import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.pypi;
import static io.github.yogs0ddhoth.pypi.policy.PolicyFixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workflow and pipeline files with Windows line ends (CRLF), as an editor on Windows or a checkout with
 * {@code core.autocrlf=true} writes them: every result, line and message is the one the LF file gives.
 */
class CrlfWorkflowsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"good", "renamed-environment", "missing-permission", "job-permissions-replace",
            "write-all", "workflow-level-permission", "token-secret", "pull-request-target", "wrong-workflow-name",
            "reusable-call", "two-indexes", "broken-yaml", "gitlab-good", "gitlab-no-id-tokens", "gitlab-token",
            "gitlab-testpypi"})
    void aCrlfCopyGivesTheSameReport(String fixture) throws Exception {
        Path lf = repo(fixture, tmp.resolve("lf"));
        Path crlf = repo(fixture, tmp.resolve("crlf"));
        int converted = toCrlf(crlf);
        List<PublishTarget> targets = fixture.startsWith("gitlab")
                ? List.of(new PublishTarget("pypi", new PublisherDeclaration("group/project", ".gitlab-ci.yml", "pypi",
                        null)))
                : pypi("publish.yml", "pypi");

        PolicyReport expected = PublishingPolicy.check(lf, null, targets);
        PolicyReport report = PublishingPolicy.check(crlf, null, targets);

        assertThat(converted).isPositive();
        assertThat(expected.results()).isNotEmpty();
        // Only the repository root in the messages differs: the two copies live in two directories.
        assertThat(shown(report, crlf)).as(report.render()).isEqualTo(shown(expected, lf));
        assertThat(report.render()).doesNotContain("\r");
    }

    private static List<String> shown(PolicyReport report, Path root) {
        return report.results().stream().map(r -> r.toString().replace(root.toString(), "<root>")).toList();
    }

    private static int toCrlf(Path root) throws Exception {
        int n = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (text.contains("\n")) {
                    Files.writeString(p, text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
                    n++;
                }
            }
        }
        return n;
    }
}
