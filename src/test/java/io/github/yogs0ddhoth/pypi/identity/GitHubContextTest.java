package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event payload is a path from the environment: whatever it points at, reading it ends, in little memory. */
class GitHubContextTest {

    private static final String FORK_EVENT = "{\"pull_request\":{\"head\":{\"repo\":{\"fork\":true}}}}";

    @TempDir
    Path dir;

    private static GitHubContext pullRequest(Path event) {
        return new GitHubContext(Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString()));
    }

    @Test
    void aForkPayloadIsAFork() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), FORK_EVENT);

        assertThat(pullRequest(event).isForkPullRequest()).isTrue();
        assertThat(pullRequest(event).refusal()).contains("pull request from a fork");
    }

    @Test
    void theForkFlagIsFoundAfterLargeUnrelatedValues() throws Exception {
        // Real payloads put the repository, the sender and long bodies around pull_request; all are skipped.
        Path event = dir.resolve("event.json");
        try (Writer out = Files.newBufferedWriter(event)) {
            out.write("{\"action\":\"opened\",\"body\":\"");
            out.write("x".repeat(3 * 1024 * 1024));
            out.write("\",\"list\":[1,2,{\"fork\":true}],\"pull_request\":{\"title\":\"t\",\"head\":{\"sha\":\"1\","
                    + "\"repo\":{\"name\":\"r\",\"fork\":true}}}}");
        }

        assertThat(pullRequest(event).isForkPullRequest()).isTrue();
    }

    @Test
    void aForkFlagElsewhereDoesNotCount() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"repository\":{\"fork\":true},\"pull_request\":{\"head\":{\"repo\":{\"fork\":false}}}}");

        assertThat(pullRequest(event).isForkPullRequest()).isFalse();
    }

    @Test
    @Timeout(10)
    void devZeroIsReadAsUnknownNotIntoMemory() {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.exists(zero)).isTrue();

        assertThat(pullRequest(zero).isForkPullRequest()).isFalse();
        assertThat(pullRequest(zero).refusal()).isNull();
    }

    @Test
    @Timeout(10)
    void aFifoIsNotOpened() throws Exception {
        Path fifo = dir.resolve("event.fifo");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assumeThat(mkfifo.waitFor()).isZero();
        } catch (IOException e) {
            assumeThat(false).as("mkfifo is not available").isTrue();
        }

        // Opening a FIFO with no writer would block forever.
        assertThat(pullRequest(fifo).isForkPullRequest()).isFalse();
    }

    @Test
    void aPayloadOverTheCapIsUnknown() throws Exception {
        String padded = "{\"pad\":\"" + " ".repeat(2000) + "\"," + FORK_EVENT.substring(1);
        Path event = Files.writeString(dir.resolve("event.json"), padded);
        Map<String, String> env = Map.of("GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", event.toString());

        assertThat(new GitHubContext(env, padded.length()).isForkPullRequest()).isTrue();
        assertThat(new GitHubContext(env, 1024).isForkPullRequest()).isFalse();
    }

    @Test
    void notJsonIsUnknown() throws Exception {
        Path event = Files.write(dir.resolve("event.json"), new byte[] {0, 1, 2, (byte) 0xff});

        assertThat(pullRequest(event).isForkPullRequest()).isFalse();
    }
}
