package io.github.yogs0ddhoth.pypi.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of PyPI's "add a trusted publisher" form for one kind of publisher, with the values to enter. Each value
 * is the declared one when declared (the pom is the auditable record), else what the ID token says, so that with
 * nothing declared the user can register exactly what this job is.
 *
 * <p>Query names: GitHub's ({@code owner}, {@code repository}, {@code workflow_filename}, {@code environment}) are
 * the ones gh-action-pypi-publish's pre-filled link uses; {@code environment} is PyPI's form field of that name. For
 * GitLab ({@code namespace}, {@code project}, {@code workflow_filepath}, {@code environment}) and Google
 * ({@code email}) the reference names none, so PyPI's form field names were chosen: if PyPI ignores them, the page
 * still opens on the right form.
 */
record PublisherRegistration(PublisherKind kind, List<Field> fields) {

    /** @param value null when neither declared nor in the token (the form field is optional or must be typed) */
    public record Field(String label, String queryName, String value) {}

    public PublisherRegistration {
        fields = List.copyOf(fields);
    }

    static PublisherRegistration of(PublisherKind kind, PublisherDeclaration declared, IdToken token) {
        List<Field> fields = new ArrayList<>();
        switch (kind) {
            case GITHUB -> {
                String repository = or(declared.repository(), token.claim("repository"));
                String owner = declared.repository() != null ? before(repository) : token.claim("repository_owner");
                fields.add(new Field("Owner", "owner", owner != null ? owner : before(repository)));
                fields.add(new Field("Repository name", "repository", after(repository)));
                fields.add(new Field("Workflow name", "workflow_filename", or(declared.gitHubWorkflowFile(),
                        GitHubClaimRules.workflowFile(token.claim("job_workflow_ref")))));
                fields.add(new Field("Environment name", "environment",
                        or(declared.environment(), token.claim("environment"))));
            }
            case GITLAB -> {
                String path = or(declared.repository(), token.claim("project_path"));
                fields.add(new Field("Namespace", "namespace", before(path)));
                fields.add(new Field("Project name", "project", after(path)));
                fields.add(new Field("Top-level pipeline file path", "workflow_filepath", or(
                        declared.gitLabConfigPath(), GitLabClaimRules.configPath(token.claim("ci_config_ref_uri")))));
                fields.add(new Field("Environment name", "environment",
                        or(declared.environment(), token.claim("environment"))));
            }
            case GOOGLE -> fields.add(new Field("Email", "email", or(declared.email(), token.claim("email"))));
        }
        return new PublisherRegistration(kind, fields);
    }

    /** One line per field, e.g. {@code Owner: octo-org}, for a log message. */
    String describe(String indent) {
        StringBuilder s = new StringBuilder();
        for (Field f : fields) {
            s.append('\n').append(indent).append(f.label()).append(": ")
                    .append(f.value() == null ? "(leave empty)" : f.value());
        }
        return s.toString();
    }

    private static String or(String declared, String fromToken) {
        return declared != null ? declared : fromToken;
    }

    /** The part before the last '/': a GitHub owner, or a GitLab namespace, which may itself contain '/'. */
    private static String before(String path) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    private static String after(String path) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return path == null ? null : path.substring(slash + 1);
    }
}
