package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One fixture per rule: a realistic token with one claim changed. Each asserts the mismatch's claim, the declared
 * value and the token's value, and that the message the user reads names all three.
 */
class ClaimsCheckTest {
    static final Instant NOW = Instant.ofEpochSecond(Jwts.ISSUED_AT + 60);
    static final PublisherDeclaration GITHUB =
            new PublisherDeclaration("octo-org/octo-repo", "publish.yml", "pypi", null);
    static final PublisherDeclaration GITLAB =
            new PublisherDeclaration("octo-group/octo-project", ".gitlab-ci.yml", "release", null);
    static final PublisherDeclaration GOOGLE =
            new PublisherDeclaration(null, null, null, "publisher@octo-project.iam.gserviceaccount.com");

    private final ClaimsCheck check = new ClaimsCheck(Clock.fixed(NOW, ZoneOffset.UTC));
    private final PublishingPage page = PublishingPage.forIndex("https://upload.pypi.org", "demo-pkg");

    /** A checked token, and the failure message a user would read for it. */
    record Checked(IdToken token, ClaimsCheckResult result, PublisherDeclaration declared, PublishingPage page) {
        String message() {
            return ClaimsReport.mismatchFailure(result, token, page,
                    PublisherRegistration.of(result.kind(), declared, token)).getMessage();
        }

        /** The single mismatch of {@code claim}, checked against the rendered message too. */
        ClaimMismatch mismatch(String claim, String declared, String tokenSays) {
            List<ClaimMismatch> found = result.mismatches().stream().filter(m -> m.claim().equals(claim)).toList();
            assertThat(found).as("mismatches of %s in %s", claim, result.mismatches()).hasSize(1);
            ClaimMismatch m = found.get(0);
            assertThat(m.declared()).isEqualTo(declared);
            assertThat(m.tokenSays()).contains(tokenSays);
            assertThat(message()).contains(claim).contains(declared).contains(tokenSays).contains(m.rule());
            assertThat(m.fix()).isNotBlank();
            return m;
        }

        String warnings() {
            return String.join("\n", result.warnings().stream().map(w -> w.title() + ": " + w.text()).toList());
        }
    }

    private Checked check(PublisherKind kind, Map<String, Object> claims, PublisherDeclaration declared,
            String audience) throws IdentityException {
        IdToken token = IdToken.parse(Jwts.encode(claims), "test");
        return new Checked(token, check.check(kind, token, audience, declared, page), declared, page);
    }

    private Checked gitHub(Map<String, Object> claims, PublisherDeclaration declared) throws IdentityException {
        return check(PublisherKind.GITHUB, claims, declared, "pypi");
    }

    private Checked gitLab(Map<String, Object> claims, PublisherDeclaration declared) throws IdentityException {
        return check(PublisherKind.GITLAB, claims, declared, "pypi");
    }

    private Checked google(Map<String, Object> claims, PublisherDeclaration declared) throws IdentityException {
        return check(PublisherKind.GOOGLE, claims, declared, "pypi");
    }

    @Nested
    class EveryProvider {
        @Test
        void matchingTokensPassWithoutWarnings() throws Exception {
            for (Checked c : List.of(gitHub(Jwts.gitHubClaims(), GITHUB), gitLab(Jwts.gitLabClaims(), GITLAB),
                    google(Jwts.googleClaims(), GOOGLE))) {
                assertThat(c.result().passed()).as(c.result().mismatches().toString()).isTrue();
                assertThat(c.result().warnings()).isEmpty();
            }
        }

        @Test
        void audienceMustBeTheAnnouncedOne() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("aud", "sigstore");
            gitHub(claims, GITHUB).mismatch("aud", "pypi", "sigstore");
        }

        @Test
        void audienceMustBeASingleString() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.put("aud", List.of("pypi", "other"));
            ClaimMismatch m = google(claims, GOOGLE).mismatch("aud", "pypi", "[\"pypi\",\"other\"]");
            assertThat(m.rule()).contains("single string");
        }

        @Test
        void gitLabAudienceFixNamesTheIdTokensEntry() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("aud", "pypi");
            ClaimMismatch m = check(PublisherKind.GITLAB, claims, GITLAB, "testpypi")
                    .mismatch("aud", "testpypi", "pypi");
            assertThat(m.fix()).contains("'aud: testpypi'").contains("TESTPYPI_ID_TOKEN");
        }

        @Test
        void expiredTokenIsRefused() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("exp", NOW.getEpochSecond() - 10);
            gitHub(claims, GITHUB).mismatch("exp", "a time after " + NOW, "(expired 10 s ago)");
        }

        @Test
        void missingExpiryIsRefused() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.remove("exp");
            gitLab(claims, GITLAB).mismatch("exp", "a time after " + NOW, "MISSING");
        }

        @Test
        void missingIssuedAtIsRefused() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.remove("iat");
            google(claims, GOOGLE).mismatch("iat", "the time the token was issued", "MISSING");
        }

        @Test
        void notYetValidBeyondTheLeewayIsRefused() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("nbf", NOW.getEpochSecond() + 120);
            gitHub(claims, GITHUB).mismatch("nbf", "a time before " + NOW.plusSeconds(30),
                    Instant.ofEpochSecond(NOW.getEpochSecond() + 120).toString());
        }

        @Test
        void notYetValidWithinTheLeewayPasses() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("nbf", NOW.getEpochSecond() + 20);
            assertThat(gitHub(claims, GITHUB).result().passed()).isTrue();
        }

        @Test
        void nothingDeclaredWarnsAndListsWhatToRegister() throws Exception {
            Checked c = gitHub(Jwts.gitHubClaims(), PublisherDeclaration.none());
            assertThat(c.result().passed()).isTrue();
            assertThat(c.result().warnings()).hasSize(1);
            assertThat(c.warnings())
                    .contains("claims unchecked")
                    .contains("Owner: octo-org")
                    .contains("Repository name: octo-repo")
                    .contains("Workflow name: publish.yml")
                    .contains("Environment name: pypi")
                    .contains("https://pypi.org/manage/project/demo-pkg/settings/publishing/?provider=github"
                            + "&owner=octo-org&repository=octo-repo&workflow_filename=publish.yml&environment=pypi")
                    .contains("<pypi.publisher.repository>octo-org/octo-repo</pypi.publisher.repository>")
                    .contains("<pypi.publisher.workflow>publish.yml</pypi.publisher.workflow>")
                    .contains("<pypi.publisher.environment>pypi</pypi.publisher.environment>");
        }

        @Test
        void nothingDeclaredOnGoogleListsTheEmail() throws Exception {
            Checked c = google(Jwts.googleClaims(), PublisherDeclaration.none());
            assertThat(c.warnings())
                    .contains("Email: publisher@octo-project.iam.gserviceaccount.com")
                    .contains("?provider=google&email=publisher%40octo-project.iam.gserviceaccount.com")
                    .contains("<pypi.publisher.email>publisher@octo-project.iam.gserviceaccount.com<");
        }

        @Test
        void aGooglePublisherDeclaredOnGitHubIsTheWrongKind() throws Exception {
            gitHub(Jwts.gitHubClaims(), GOOGLE).mismatch("publisher kind",
                    "Google Cloud (pypi.publisher.email=publisher@octo-project.iam.gserviceaccount.com)",
                    "GitHub Actions");
        }

        @Test
        void aRepositoryPublisherDeclaredOnGoogleIsTheWrongKind() throws Exception {
            google(Jwts.googleClaims(), GITHUB).mismatch("publisher kind",
                    "GitHub Actions or GitLab CI/CD (pypi.publisher.repository=octo-org/octo-repo)", "Google Cloud");
        }
    }

    @Nested
    class GitHub {
        @Test
        void enterpriseIssuerIsNotAcceptedByPypi() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("iss", "https://ghes.example.com/_services/token");
            ClaimMismatch m = gitHub(claims, GITHUB).mismatch("iss", "https://token.actions.githubusercontent.com",
                    "https://ghes.example.com/_services/token");
            assertThat(m.rule()).contains("GitHub Enterprise Server");
        }

        @Test
        void repositoryIsComparedIgnoringCase() throws Exception {
            assertThat(gitHub(Jwts.gitHubClaims(),
                    new PublisherDeclaration("Octo-Org/Octo-Repo", "publish.yml", "PyPI", null)).result().passed())
                    .isTrue();
        }

        @Test
        void anotherRepository() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("repository", "octo-org/octo-fork");
            gitHub(claims, GITHUB).mismatch("repository", "octo-org/octo-repo", "octo-org/octo-fork");
        }

        @Test
        void anotherOwner() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("repository", "someone/octo-repo");
            claims.put("repository_owner", "someone");
            claims.put("workflow_ref", "someone/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0");
            claims.put("job_workflow_ref", "someone/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0");
            ClaimMismatch m = gitHub(claims, GITHUB).mismatch("repository_owner", "octo-org", "someone");
            assertThat(m.rule()).contains("repository_owner_id=131804563");
        }

        @Test
        void anotherWorkflowFile() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("workflow_ref", "octo-org/octo-repo/.github/workflows/release.yaml@refs/tags/v1.0.0");
            claims.put("job_workflow_ref", "octo-org/octo-repo/.github/workflows/release.yaml@refs/tags/v1.0.0");
            ClaimMismatch m = gitHub(claims, GITHUB).mismatch("job_workflow_ref", "publish.yml", "release.yaml");
            assertThat(m.tokenSays()).contains("octo-org/octo-repo/.github/workflows/release.yaml@refs/tags/v1.0.0");
        }

        @Test
        void workflowDeclaredAsAPathIsReducedToItsFileName() throws Exception {
            assertThat(gitHub(Jwts.gitHubClaims(), new PublisherDeclaration("octo-org/octo-repo",
                    ".github/workflows/publish.yml", "pypi", null)).result().passed()).isTrue();
        }

        @Test
        void reusableWorkflowWarnsWhichFilePypiMatches() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("workflow_ref", "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0");
            Checked c = gitHub(claims, GITHUB);
            assertThat(c.result().passed()).isTrue();
            assertThat(c.warnings()).contains("Publishing from a reusable workflow")
                    .contains("the workflow file PyPI will match is 'publish.yml', not 'release.yml'");
        }

        @Test
        void declaringTheCallerOfAReusableWorkflowExplainsWhy() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("workflow_ref", "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0");
            ClaimMismatch m = gitHub(claims, new PublisherDeclaration("octo-org/octo-repo", "release.yml", "pypi",
                    null)).mismatch("job_workflow_ref", "release.yml", "publish.yml");
            assertThat(m.fix()).contains("reusable workflow publish.yml, called from release.yml");
        }

        @Test
        void workflowFromAnotherRepository() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("job_workflow_ref", "shared-org/workflows/.github/workflows/publish.yml@refs/tags/v1.0.0");
            gitHub(claims, GITHUB).mismatch("job_workflow_ref", "octo-org/octo-repo/.github/workflows/…",
                    "shared-org/workflows/.github/workflows/publish.yml@refs/tags/v1.0.0");
        }

        @Test
        void workflowAtAnotherRef() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/heads/main");
            gitHub(claims, GITHUB).mismatch("job_workflow_ref", "@refs/tags/v1.0.0 or @" + Jwts.SHA,
                    "@refs/heads/main");
        }

        @Test
        void workflowAtTheRunsShaPasses() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@" + Jwts.SHA);
            assertThat(gitHub(claims, GITHUB).result().passed()).isTrue();
        }

        @Test
        void emptyRefAndSha() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("ref", "");
            claims.put("sha", "");
            gitHub(claims, GITHUB).mismatch("ref, sha", "at least one of them", "both empty");
        }

        @Test
        void anotherEnvironment() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("environment", "release");
            ClaimMismatch m = gitHub(claims, GITHUB).mismatch("environment", "pypi", "release");
            assertThat(m.rule()).contains("ignoring case");
        }

        @Test
        void noEnvironmentInTheJob() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.remove("environment");
            ClaimMismatch m = gitHub(claims, GITHUB).mismatch("environment", "pypi", "MISSING");
            assertThat(m.fix()).contains("Add 'environment: pypi' to the publishing job");
        }

        @Test
        void environmentIsCheckedOnlyWhenDeclared() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("environment", "anything");
            Checked c = gitHub(claims, new PublisherDeclaration("octo-org/octo-repo", "publish.yml", null, null));
            assertThat(c.result().passed()).isTrue();
            assertThat(c.warnings()).contains("pypi.publisher.environment (the job runs in 'anything'");
        }

        @Test
        void pullRequestTargetIsRefused() throws Exception {
            Map<String, Object> claims = Jwts.gitHubClaims();
            claims.put("event_name", "pull_request_target");
            gitHub(claims, PublisherDeclaration.none()).mismatch("event_name", "any event but pull_request_target",
                    "pull_request_target");
        }

        @Test
        void partialDeclarationSaysWhatGoesUnchecked() throws Exception {
            Checked c = gitHub(Jwts.gitHubClaims(), new PublisherDeclaration("octo-org/octo-repo", null, null, null));
            assertThat(c.result().passed()).isTrue();
            assertThat(c.warnings()).contains("pypi.publisher.workflow (the token says publish.yml)");
        }
    }

    @Nested
    class GitLab {
        @Test
        void anotherProject() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("project_path", "octo-group/other");
            claims.put("sub", "project_path:octo-group/other:ref_type:tag:ref:v1.0.0");
            claims.put("ci_config_ref_uri", "gitlab.com/octo-group/other//.gitlab-ci.yml@refs/tags/v1.0.0");
            gitLab(claims, GITLAB).mismatch("project_path", "octo-group/octo-project", "octo-group/other");
        }

        @Test
        void projectPathIsComparedIgnoringCase() throws Exception {
            assertThat(gitLab(Jwts.gitLabClaims(), new PublisherDeclaration("Octo-Group/Octo-Project",
                    ".gitlab-ci.yml", "release", null)).result().passed()).isTrue();
        }

        @Test
        void subjectMustStartWithTheProjectPath() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("sub", "ref_type:tag:ref:v1.0.0");
            gitLab(claims, GITLAB).mismatch("sub", "project_path:octo-group/octo-project[:…]",
                    "ref_type:tag:ref:v1.0.0");
        }

        @Test
        void anotherConfigPath() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("ci_config_ref_uri", "gitlab.com/octo-group/octo-project//ci/release.yml@refs/tags/v1.0.0");
            gitLab(claims, GITLAB).mismatch("ci_config_ref_uri", ".gitlab-ci.yml", "ci/release.yml");
        }

        @Test
        void configFromAnotherProject() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("ci_config_ref_uri", "gitlab.com/shared/ci-templates//.gitlab-ci.yml@refs/tags/v1.0.0");
            gitLab(claims, GITLAB).mismatch("ci_config_ref_uri", "gitlab.com/octo-group/octo-project//…",
                    "gitlab.com/shared/ci-templates//.gitlab-ci.yml@refs/tags/v1.0.0");
        }

        @Test
        void configAtAnotherRef() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("ci_config_ref_uri", "gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/heads/main");
            gitLab(claims, GITLAB).mismatch("ci_config_ref_uri", "@refs/tags/v1.0.0 or @" + Jwts.SHA,
                    "@refs/heads/main");
        }

        @Test
        void environmentIsComparedExactly() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("environment", "Release");
            ClaimMismatch m = gitLab(claims, GITLAB).mismatch("environment", "release", "Release");
            assertThat(m.rule()).contains("case included").contains("only the case differs");
        }

        @Test
        void noEnvironmentInTheJob() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.remove("environment");
            gitLab(claims, GITLAB).mismatch("environment", "release", "MISSING");
        }

        @Test
        void selfManagedIssuerOnlyWarns() throws Exception {
            Map<String, Object> claims = Jwts.gitLabClaims();
            claims.put("iss", "https://gitlab.example.com");
            claims.put("ci_config_ref_uri",
                    "gitlab.example.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0");
            Checked c = gitLab(claims, GITLAB);
            assertThat(c.result().passed()).isTrue();
            assertThat(c.warnings()).contains("https://gitlab.example.com").contains("admin registered its issuer");
        }
    }

    @Nested
    class Google {
        @Test
        void anotherServiceAccount() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.put("email", "builder@octo-project.iam.gserviceaccount.com");
            google(claims, GOOGLE).mismatch("email", "publisher@octo-project.iam.gserviceaccount.com",
                    "builder@octo-project.iam.gserviceaccount.com");
        }

        @Test
        void emailMustBeVerified() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.put("email_verified", false);
            google(claims, GOOGLE).mismatch("email_verified", "true", "false");
        }

        @Test
        void tokenWithoutEmail() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.remove("email");
            google(claims, GOOGLE).mismatch("email", "publisher@octo-project.iam.gserviceaccount.com", "MISSING");
        }

        @Test
        void wrongIssuer() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.put("iss", "accounts.google.com");
            google(claims, GOOGLE).mismatch("iss", "https://accounts.google.com", "accounts.google.com");
        }

        @Test
        void defaultServiceAccountWarns() throws Exception {
            Map<String, Object> claims = Jwts.googleClaims();
            claims.put("email", "123-compute@developer.gserviceaccount.com");
            Checked c = google(claims, new PublisherDeclaration(null, null, null,
                    "123-compute@developer.gserviceaccount.com"));
            assertThat(c.result().passed()).isTrue();
            assertThat(c.warnings()).contains("default service account");
        }
    }
}
