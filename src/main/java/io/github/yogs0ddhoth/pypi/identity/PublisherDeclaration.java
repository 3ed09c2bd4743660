package io.github.yogs0ddhoth.pypi.identity;

/**
 * The trusted publisher the user declares in the pom ({@code pypi.publisher.repository}, {@code .workflow},
 * {@code .environment}, {@code .email}): the auditable record of who may publish. Every part is optional; blank
 * values count as not declared. Which parts apply depends on the CI:
 * <ul>
 *   <li>GitHub Actions: {@code repository} = {@code owner/repo}, {@code workflow} = the workflow file name
 *       ({@code publish.yml}), {@code environment} = the job's environment;</li>
 *   <li>GitLab CI/CD: {@code repository} = {@code namespace/project}, {@code workflow} = the top-level CI config
 *       path ({@code .gitlab-ci.yml}), {@code environment};</li>
 *   <li>Google Cloud: {@code email} = the service account's email.</li>
 * </ul>
 * None of these is secret, so the generated {@code toString()} may show them.
 */
public record PublisherDeclaration(String repository, String workflow, String environment, String email) {
    private static final String GITHUB_WORKFLOWS = ".github/workflows/";

    public PublisherDeclaration {
        repository = trimToNull(repository);
        workflow = trimToNull(workflow);
        environment = trimToNull(environment);
        email = trimToNull(email);
    }

    public static PublisherDeclaration none() {
        return new PublisherDeclaration(null, null, null, null);
    }

    public boolean isEmpty() {
        return repository == null && workflow == null && environment == null && email == null;
    }

    /** True when something only a repository-based publisher (GitHub, GitLab) has is declared. */
    boolean declaresRepositoryPublisher() {
        return repository != null || workflow != null || environment != null;
    }

    /**
     * The workflow as PyPI's GitHub form wants it: a bare file name. People often paste the path, so
     * {@code .github/workflows/publish.yml} is accepted and reduced to {@code publish.yml}.
     */
    String gitHubWorkflowFile() {
        if (workflow == null) {
            return null;
        }
        String w = workflow.startsWith("./") ? workflow.substring(2) : workflow;
        return w.startsWith(GITHUB_WORKFLOWS) ? w.substring(GITHUB_WORKFLOWS.length()) : w;
    }

    /** GitLab's config path is relative to the project root; a leading {@code ./} or {@code /} means the same. */
    String gitLabConfigPath() {
        if (workflow == null) {
            return null;
        }
        String w = workflow;
        while (w.startsWith("./") || w.startsWith("/")) {
            w = w.substring(w.startsWith("./") ? 2 : 1);
        }
        return w;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
