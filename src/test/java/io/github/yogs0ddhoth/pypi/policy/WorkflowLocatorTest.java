package io.github.yogs0ddhoth.pypi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.policy.WorkflowLocator.CiFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLocatorTest {
    @TempDir
    Path tmp;

    private Path write(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "on: push\n");
    }

    @Test
    void walksUpToTheGitRootAndFindsBothKinds() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve(".git"));
        write(root.resolve(".github/workflows/publish.yml"));
        write(root.resolve(".github/workflows/ci.yaml"));
        write(root.resolve(".github/workflows/README.md"));
        write(root.resolve(".gitlab-ci.yml"));
        Path module = Files.createDirectories(root.resolve("a/b"));

        CiFiles files = WorkflowLocator.locate(module, null);

        assertThat(files.root()).isEqualTo(root);
        assertThat(files.gitHubWorkflows()).extracting(files::display)
                .containsExactly(".github/workflows/ci.yaml", ".github/workflows/publish.yml");
        assertThat(files.display(files.gitLabCi())).isEqualTo(".gitlab-ci.yml");
        assertThat(files.all()).hasSize(3);
    }

    @Test
    void gitFileMarksTheRootToo() throws Exception {
        Path root = tmp.resolve("worktree");
        write(root.resolve(".git"));
        assertThat(WorkflowLocator.repositoryRoot(Files.createDirectories(root.resolve("x")))).isEqualTo(root);
    }

    @Test
    void nothingFoundWithoutAGitRoot() throws Exception {
        CiFiles files = WorkflowLocator.locate(tmp, null);
        assertThat(files.isEmpty()).isTrue();
        assertThat(files.searched()).contains("no directory holding .git");
    }

    @Test
    void overrideReplacesTheSearch() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve(".git"));
        write(root.resolve(".github/workflows/publish.yml"));
        Path other = tmp.resolve("other");
        write(other.resolve("release.yml"));

        CiFiles files = WorkflowLocator.locate(root, other);
        assertThat(files.gitHubWorkflows()).extracting(files::display).containsExactly("release.yml");

        CiFiles byRoot = WorkflowLocator.locate(tmp, root);
        assertThat(byRoot.gitHubWorkflows()).extracting(byRoot::display)
                .containsExactly(".github/workflows/publish.yml");

        assertThatThrownBy(() -> WorkflowLocator.locate(root, tmp.resolve("missing")))
                .hasMessageContaining("pypi.workflowsDirectory");
    }
}
