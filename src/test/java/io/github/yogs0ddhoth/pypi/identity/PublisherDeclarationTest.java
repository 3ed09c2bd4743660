package io.github.yogs0ddhoth.pypi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublisherDeclarationTest {
    private static final PublisherDeclaration FLAT =
            new PublisherDeclaration("octo/flat", "flat.yml", "flat-env", null);

    @Test
    void aWorkflowPathPastedWithBackslashesNamesTheSameFile() {
        assertEquals("publish.yml", new PublisherDeclaration("o/r", ".github\\workflows\\publish.yml", null, null)
                .gitHubWorkflowFile());
        assertEquals("publish.yml", new PublisherDeclaration("o/r", ".\\.github\\workflows\\publish.yml", null, null)
                .gitHubWorkflowFile());
        assertEquals("ci/release.yml", new PublisherDeclaration("g/p", ".\\ci\\release.yml", null, null)
                .gitLabConfigPath());
    }

    @Test
    void nestedFieldsWinOneByOne() {
        PublisherDeclaration merged = FLAT.overriddenBy(new PublisherDeclaration(null, "release.yml", " ", null));
        assertEquals(new PublisherDeclaration("octo/flat", "release.yml", "flat-env", null), merged);
    }

    @Test
    void anEmptyNestedElementKeepsTheProperties() {
        assertEquals(FLAT, FLAT.overriddenBy(PublisherDeclaration.none()));
    }

    @Test
    void propertiesFillWhatTheNestedElementLeavesOut() {
        PublisherDeclaration merged = PublisherDeclaration.none()
                .overriddenBy(new PublisherDeclaration("octo/repo", "publish.yml", "pypi", null));
        assertEquals("octo/repo", merged.repository());
        assertEquals("pypi", merged.environment());
    }

    @Test
    void completeDeclarationsAreMatchable() {
        PublisherDeclaration github = new PublisherDeclaration("octo/repo", "publish.yml", "pypi", null);
        assertSame(github, github.requireMatchable());
        PublisherDeclaration gitlab = new PublisherDeclaration("group/sub/project", ".gitlab-ci.yml", null, null);
        assertSame(gitlab, gitlab.requireMatchable());
        PublisherDeclaration google = new PublisherDeclaration(null, null, null, "ci@proj.iam.gserviceaccount.com");
        assertSame(google, google.requireMatchable());
        assertEquals(PublisherDeclaration.none(), PublisherDeclaration.none().requireMatchable());
    }

    @Test
    void aWorkflowWithoutRepositoryIsRefusedWithTheFieldsPyPiBinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublisherDeclaration(null, "publish.yml", null, null).requireMatchable());
        assertTrue(e.getMessage().contains("a workflow but no repository"), e.getMessage());
        assertTrue(e.getMessage().contains("{workflow=publish.yml}"), e.getMessage());
        assertTrue(e.getMessage().contains("GitHub publisher to repository (owner/name), workflow"), e.getMessage());
        assertTrue(e.getMessage().contains("Google Cloud publisher to email"), e.getMessage());
    }

    @Test
    void anEnvironmentWithoutRepositoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublisherDeclaration(null, null, "pypi", null).requireMatchable());
        assertTrue(e.getMessage().contains("an environment but no repository"), e.getMessage());
    }

    @Test
    void anEmailWithAGitHubRepositoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublisherDeclaration("octo/repo", "publish.yml", null, "a@b.iam.gserviceaccount.com")
                        .requireMatchable());
        assertTrue(e.getMessage().contains("email (a Google Cloud publisher) together with repository, workflow"),
                e.getMessage());
    }

    @Test
    void aRepositoryWithoutOwnerIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublisherDeclaration("weirding", "publish.yml", null, null).requireMatchable());
        assertTrue(e.getMessage().contains("'weirding' is not of the form owner/name"), e.getMessage());
    }
}
