package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the GitHub Actions environment says about the run before any token exists. These are hints (the signed
 * claims are what PyPI trusts), but they let us refuse the two events PyPI never accepts before asking GitHub for a
 * token at all.
 */
final class GitHubContext {
    static final String PULL_REQUEST_TARGET = "pull_request_target";

    private final Map<String, String> env;
    private final long maxEventBytes;

    GitHubContext(Map<String, String> env) {
        this(env, MAX_EVENT_BYTES);
    }

    /** With another cap on the payload, so a test need not write 25 MiB to exercise it. */
    GitHubContext(Map<String, String> env, long maxEventBytes) {
        this.env = env;
        this.maxEventBytes = maxEventBytes;
    }

    /** A message refusing this run's event, or null when the event may publish. */
    String refusal() {
        String event = env.get("GITHUB_EVENT_NAME");
        if (PULL_REQUEST_TARGET.equals(event)) {
            return pullRequestTargetMessage("GITHUB_EVENT_NAME is 'pull_request_target'");
        }
        if ("pull_request".equals(event) && isForkPullRequest()) {
            return "This run was triggered by a pull request from a fork (GITHUB_EVENT_NAME=pull_request, and the"
                    + " event payload says pull_request.head.repo.fork=true). GitHub gives workflows run for fork"
                    + " pull requests no OIDC token, even with 'permissions: id-token: write', so it cannot publish;"
                    + " nor should it, since anyone can open one.\n"
                    + "Fix: publish from an event that forks of your repository cannot trigger: a tag push"
                    + " ('on: push: tags: [\"v*\"]'), a release ('on: release: types: [published]'), or a manual"
                    + " 'workflow_dispatch'. Keep pull-request builds to 'mvn verify' (or -Dpypi.dryRun=true).";
        }
        return null;
    }

    static String pullRequestTargetMessage(String evidence) {
        return "Refusing to publish from a 'pull_request_target' run (" + evidence + ").\n"
                + "PyPI rejects every token from such runs ('Publishing from a workflow invoked via"
                + " 'pull_request_target' is not supported.'): the event runs with the base repository's permissions"
                + " for code anyone can propose, which makes it the one way a stranger's pull request could reach an"
                + " OIDC token.\n"
                + "Fix: publish from a tag push, a release, or 'workflow_dispatch', in a job that pull requests cannot"
                + " trigger.";
    }

    /**
     * Reads {@code pull_request.head.repo.fork} from the event payload. An unreadable, oversized or malformed payload
     * counts as no fork: this is only a hint for an early, clearer refusal, and GitHub gives a fork's run no OIDC
     * token whatever this says.
     *
     * <p>The payload is a file anyone who controls the job's environment can point anywhere ({@code /dev/zero}, a
     * FIFO, a multi-gigabyte log), so it must be a regular file, and it is parsed as a stream, never more than
     * {@link #MAX_EVENT_BYTES} of it: GitHub's payloads are tens of kilobytes.
     */
    boolean isForkPullRequest() {
        String path = env.get("GITHUB_EVENT_PATH");
        if (path == null || path.isBlank()) {
            return false;
        }
        try {
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                return false; // a FIFO would block the open, a device never ends
            }
            try (InputStream in = new CappedInputStream(Files.newInputStream(file), maxEventBytes)) {
                return Json.isTrueAt(in, FORK_PATH);
            }
        } catch (IOException | RuntimeException e) { // RuntimeException: InvalidPathException
            return false;
        }
    }

    /** The most of the event payload read; GitHub caps webhook payloads at 25 MB, real pull request ones are far less. */
    static final long MAX_EVENT_BYTES = 25L * 1024 * 1024;

    private static final List<String> FORK_PATH = List.of("pull_request", "head", "repo", "fork");

    /** Fails a read that goes past the cap, so an endless or huge payload ends the parse instead of the build. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long cap;
        private long left;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
            this.left = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, left + 1));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new IOException("the event payload is over " + cap + " bytes");
                }
            }
            return n;
        }
    }
}
