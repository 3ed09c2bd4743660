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

    /**
     * This declaration with each field that {@code explicit} declares replaced by its value: the nested
     * {@code <publisher>} element wins, field by field, over the {@code pypi.publisher.*} properties.
     */
    public PublisherDeclaration overriddenBy(PublisherDeclaration explicit) {
        return new PublisherDeclaration(first(explicit.repository, repository), first(explicit.workflow, workflow),
                first(explicit.environment, environment), first(explicit.email, email));
    }

    /**
     * Fails when no trusted publisher on PyPI could ever match this declaration, so that the mistake shows on the
     * first build rather than as a refused exchange on release day.
     *
     * @throws IllegalArgumentException naming the fields seen and the fields PyPI binds for each provider
     */
    public PublisherDeclaration requireMatchable() {
        String problem = null;
        if (email != null && declaresRepositoryPublisher()) {
            problem = "it declares an email (a Google Cloud publisher) together with "
                    + repositoryFields() + " (a GitHub or GitLab publisher)";
        } else if (repository == null && (workflow != null || environment != null)) {
            problem = "it declares " + (workflow != null ? "a workflow" : "an environment") + " but no repository";
        } else if (repository != null && !repository.matches("[^/\\s]+(/[^/\\s]+)+")) {
            problem = "the repository '" + repository + "' is not of the form owner/name";
        }
        if (problem == null) {
            return this;
        }
        throw new IllegalArgumentException("The declared trusted publisher " + this + " cannot match any publisher"
                + " on PyPI: " + problem + ". PyPI binds a GitHub publisher to repository (owner/name), workflow"
                + " (the file name, e.g. publish.yml) and optionally environment; a GitLab publisher to repository"
                + " (namespace/project), workflow (the CI config path, e.g. .gitlab-ci.yml) and optionally"
                + " environment; a Google Cloud publisher to email (the service account) alone. Fix the <publisher>"
                + " element or the pypi.publisher.* properties to declare one of these.");
    }

    private String repositoryFields() {
        StringBuilder b = new StringBuilder();
        if (repository != null) {
            b.append("repository");
        }
        if (workflow != null) {
            b.append(b.length() > 0 ? ", " : "").append("workflow");
        }
        if (environment != null) {
            b.append(b.length() > 0 ? ", " : "").append("environment");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        append(b, "repository", repository);
        append(b, "workflow", workflow);
        append(b, "environment", environment);
        append(b, "email", email);
        return b.append('}').toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.length() > 1 ? ", " : "").append(name).append('=').append(value);
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
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
        // A path pasted on Windows uses backslashes.
        String w = workflow.replace('\\', '/');
        w = w.startsWith("./") ? w.substring(2) : w;
        return w.startsWith(GITHUB_WORKFLOWS) ? w.substring(GITHUB_WORKFLOWS.length()) : w;
    }

    /** GitLab's config path is relative to the project root; a leading {@code ./} or {@code /} means the same. */
    String gitLabConfigPath() {
        if (workflow == null) {
            return null;
        }
        String w = workflow.replace('\\', '/');
        while (w.startsWith("./") || w.startsWith("/")) {
            w = w.substring(w.startsWith("./") ? 2 : 1);
        }
        return w;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
