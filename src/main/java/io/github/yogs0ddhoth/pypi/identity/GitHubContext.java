package io.github.yogs0ddhoth.pypi.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the GitHub Actions environment says about the run before any token exists. These are hints (the signed
 * claims are what PyPI trusts), but they let us refuse the two events PyPI never accepts before asking GitHub for a
 * token at all.
 */
final class GitHubContext {
    static final String PULL_REQUEST_TARGET = "pull_request_target";

    private final Map<String, String> env;

    GitHubContext(Map<String, String> env) {
        this.env = env;
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

    /** Reads {@code pull_request.head.repo.fork} from the event payload; an unreadable payload counts as no fork. */
    boolean isForkPullRequest() {
        String path = env.get("GITHUB_EVENT_PATH");
        if (path == null || path.isBlank()) {
            return false;
        }
        try {
            JsonNode event = new ObjectMapper().readTree(Files.readString(Path.of(path)));
            return event != null && event.path("pull_request").path("head").path("repo").path("fork").asBoolean(false);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }
}
