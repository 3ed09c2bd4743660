package io.github.yogs0ddhoth.pypi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.testing.Jwts;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishingPageTest {
    @Test
    void pypiUploadHostIsManagedOnPypiOrgUnderTheNormalizedName() {
        assertThat(PublishingPage.forIndex("https://upload.pypi.org", "Demo_Pkg.Core").url())
                .isEqualTo("https://pypi.org/manage/project/demo-pkg-core/settings/publishing/");
    }

    @Test
    void otherIndexesAreManagedOnTheirOwnOrigin() {
        assertThat(PublishingPage.forIndex("https://test.pypi.org", "demo").url())
                .isEqualTo("https://test.pypi.org/manage/project/demo/settings/publishing/");
        assertThat(PublishingPage.forIndex("http://127.0.0.1:8080", "demo").url())
                .isEqualTo("http://127.0.0.1:8080/manage/project/demo/settings/publishing/");
    }

    @Test
    void unknownProjectLeadsToThePendingPublisherPage() {
        assertThat(PublishingPage.forIndex("https://upload.pypi.org", null).url())
                .isEqualTo("https://pypi.org/manage/account/publishing/");
    }

    @Test
    void gitHubFormIsPrefilledWithDeclaredValuesFirst() throws Exception {
        IdToken token = IdToken.parse(Jwts.gitHubJwt("j"), "test");
        PublisherRegistration r = PublisherRegistration.of(PublisherKind.GITHUB,
                new PublisherDeclaration("acme/tool", null, "release env", null), token);
        assertThat(PublishingPage.forIndex("https://upload.pypi.org", "demo").prefilled(r)).isEqualTo(
                "https://pypi.org/manage/project/demo/settings/publishing/?provider=github&owner=acme&repository=tool"
                        + "&workflow_filename=publish.yml&environment=release+env");
    }

    @Test
    void gitLabFormSplitsTheNamespaceAtTheLastSlash() throws Exception {
        IdToken token = IdToken.parse(Jwts.gitLabJwt("j"), "test");
        PublisherRegistration r = PublisherRegistration.of(PublisherKind.GITLAB,
                new PublisherDeclaration("group/sub/project", "ci/release.yml", null, null), token);
        assertThat(r.fields()).extracting(PublisherRegistration.Field::value)
                .containsExactly("group/sub", "project", "ci/release.yml", "release");
        assertThat(PublishingPage.forIndex("https://upload.pypi.org", "demo").prefilled(r)).endsWith(
                "?provider=gitlab&namespace=group%2Fsub&project=project&workflow_filepath=ci%2Frelease.yml"
                        + "&environment=release");
    }

    @Test
    void anAbsentEnvironmentIsLeftOutOfTheQuery() throws Exception {
        java.util.Map<String, Object> claims = Jwts.gitHubClaims();
        claims.remove("environment");
        PublisherRegistration r = PublisherRegistration.of(PublisherKind.GITHUB, PublisherDeclaration.none(),
                IdToken.parse(Jwts.encode(claims), "test"));
        assertThat(PublishingPage.forIndex("https://upload.pypi.org", "demo").prefilled(r))
                .doesNotContain("environment=");
        assertThat(r.describe("")).contains("Environment name: (leave empty)");
    }

    @Test
    void markdownTableCellsCannotBreakTheTable() {
        String table = ClaimsReport.markdownTable(List.of(new ClaimMismatch("environment", "a|b", "x`y\nz",
                "rule", "fix")));
        assertThat(table).contains("| `environment` | `a\\|b` | `x'y z` | rule |");
    }

    @Test
    void textTableAlignsColumns() {
        String table = ClaimsReport.textTable(List.of(
                new ClaimMismatch("environment", "pypi", "release", "rule one", "f"),
                new ClaimMismatch("aud", "pypi", "testpypi", "rule two", "f")));
        assertThat(table.lines().toList()).containsExactly(
                "  claim       | declared | token says | rule",
                "  ------------+----------+------------+-----",
                "  environment | pypi     | release    | rule one",
                "  aud         | pypi     | testpypi   | rule two");
    }
}
