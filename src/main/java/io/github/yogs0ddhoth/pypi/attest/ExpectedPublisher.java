package io.github.yogs0ddhoth.pypi.attest;

import java.util.ArrayList;
import java.util.List;

/**
 * The trusted publisher an attestation's certificate must name, checked the way PyPI builds its policy from the
 * publisher that minted the upload token (pypi-attestations' publisher policies). Comparisons are exact, as PyPI's.
 */
sealed interface ExpectedPublisher {
    String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    String GITLAB_ISSUER = "https://gitlab.com";
    String GOOGLE_ISSUER = "https://accounts.google.com";

    void check(FulcioIdentity identity) throws VerificationException;

    /** A human-readable name for messages. */
    String describe();

    /**
     * GitHub Actions: {@code repository} is {@code owner/repo}, {@code workflow} the workflow file name. The Build
     * Config URI is the top-level (calling) workflow, which is why a reusable workflow cannot pass.
     */
    record GitHub(String repository, String workflow) implements ExpectedPublisher {
        @Override
        public void check(FulcioIdentity id) throws VerificationException {
            String repoUri = "https://github.com/" + repository;
            Shared.require(id, GITHUB_ISSUER, repoUri, this);
            String prefix = repoUri + "/.github/workflows/" + workflow + "@";
            Shared.requireBuildConfig(id, prefix, this);
        }

        @Override
        public String describe() {
            return "GitHub workflow " + repository + "/.github/workflows/" + workflow;
        }
    }

    /** GitLab CI/CD on gitlab.com: {@code project} is {@code namespace/project}, {@code configPath} the CI file. */
    record GitLab(String project, String configPath) implements ExpectedPublisher {
        @Override
        public void check(FulcioIdentity id) throws VerificationException {
            String repoUri = "https://gitlab.com/" + project;
            Shared.require(id, GITLAB_ISSUER, repoUri, this);
            Shared.requireBuildConfig(id, repoUri + "//" + configPath + "@", this);
        }

        @Override
        public String describe() {
            return "GitLab pipeline gitlab.com/" + project + "//" + configPath;
        }
    }

    /** Google Cloud: the service account's email. */
    record Google(String email) implements ExpectedPublisher {
        @Override
        public void check(FulcioIdentity id) throws VerificationException {
            if (!GOOGLE_ISSUER.equals(id.issuer())) {
                throw Shared.mismatch("OIDC issuer", id.issuer(), GOOGLE_ISSUER, this);
            }
            if (!id.sanEmails().contains(email)) {
                throw Shared.mismatch("email", String.join(", ", id.sanEmails()), email, this);
            }
        }

        @Override
        public String describe() {
            return "Google service account " + email;
        }
    }

    /** Helpers shared by the records; an interface cannot have private static methods visible to them. */
    final class Shared {
        private Shared() {}

        static void require(FulcioIdentity id, String issuer, String repoUri, ExpectedPublisher p)
                throws VerificationException {
            if (!issuer.equals(id.issuer())) {
                throw mismatch("OIDC issuer", id.issuer(), issuer, p);
            }
            if (!repoUri.equals(id.sourceRepositoryUri())) {
                throw mismatch("Source Repository URI", id.sourceRepositoryUri(), repoUri, p);
            }
        }

        static void requireBuildConfig(FulcioIdentity id, String prefix, ExpectedPublisher p)
                throws VerificationException {
            List<String> allowed = new ArrayList<>();
            if (id.sourceRepositoryDigest() != null) {
                allowed.add(prefix + id.sourceRepositoryDigest());
            }
            if (id.sourceRepositoryRef() != null) {
                allowed.add(prefix + id.sourceRepositoryRef());
            }
            if (!allowed.contains(id.buildConfigUri())) {
                throw mismatch("Build Config URI", id.buildConfigUri(), allowed.isEmpty() ? prefix + "<ref>"
                        : String.join(" or ", allowed), p);
            }
        }

        static VerificationException mismatch(String what, String seen, String expected, ExpectedPublisher p) {
            return new VerificationException(Check.IDENTITY, "The certificate's " + what + " is '" + seen
                    + "'; PyPI expects '" + expected + "' for the trusted publisher " + p.describe() + ".");
        }
    }
}
