package io.github.yogs0ddhoth.pypi.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryUrlTest {
    @Test
    void aliasesNameThePublicIndexes() {
        assertThat(RepositoryUrl.parse("pypi").uri()).hasToString("https://upload.pypi.org/legacy/");
        assertThat(RepositoryUrl.parse("TestPyPI").uri()).hasToString("https://test.pypi.org/legacy/");
    }

    @Test
    void oidcEndpointsLiveOnTheUploadUrlsOrigin() {
        assertThat(RepositoryUrl.parse("pypi").origin()).isEqualTo("https://upload.pypi.org");
        assertThat(RepositoryUrl.parse("http://127.0.0.1:8123/legacy/").origin()).isEqualTo("http://127.0.0.1:8123");
    }

    @Test
    void projectPageIsOnTheWebHost() {
        assertThat(RepositoryUrl.parse("pypi").projectPageUrl("demo", "1.0"))
                .isEqualTo("https://pypi.org/project/demo/1.0/");
        assertThat(RepositoryUrl.parse("testpypi").projectPageUrl("demo", "1.0"))
                .isEqualTo("https://test.pypi.org/project/demo/1.0/");
        assertThat(RepositoryUrl.parse("http://localhost:9/legacy/").projectPageUrl("demo", "1.0"))
                .isEqualTo("http://localhost:9/project/demo/1.0/");
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThatThrownBy(() -> RepositoryUrl.parse("https://__token__:pypi-abc@upload.pypi.org/legacy/"))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("pypi-abc");
    }

    @Test
    void refusesPlainHttpToARemoteIndex() {
        assertThatThrownBy(() -> RepositoryUrl.parse("http://upload.pypi.org/legacy/"))
                .hasMessageContaining("plain http://");
    }

    @Test
    void refusesEmpty() {
        assertThatThrownBy(() -> RepositoryUrl.parse(" ")).hasMessageContaining("repositoryUrl is empty");
    }

    @Test
    void theSimpleIndexToReconcileWithIsOnTheWebsite() {
        assertThat(IndexLookup.defaultSimpleRoot(RepositoryUrl.parse("pypi"))).isEqualTo("https://pypi.org/simple/");
        assertThat(IndexLookup.defaultSimpleRoot(RepositoryUrl.parse("testpypi")))
                .isEqualTo("https://test.pypi.org/simple/");
        assertThat(IndexLookup.defaultSimpleRoot(RepositoryUrl.parse("http://127.0.0.1:9/legacy/")))
                .isEqualTo("http://127.0.0.1:9/simple/");
    }

    @org.junit.jupiter.api.Test
    void onlyPypiAndTestPypiAreSentTheDigestsAfterTheFileByDefault() {
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("pypi").hashWhileUploading()).isTrue();
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("testpypi").hashWhileUploading()).isTrue();
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("https://pypi.example.com/legacy/")
                .hashWhileUploading()).isFalse();
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("http://127.0.0.1:8080/legacy/")
                .withHashWhileUploading(null).hashWhileUploading()).isFalse();
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("http://127.0.0.1:8080/legacy/")
                .withHashWhileUploading(true).hashWhileUploading()).isTrue();
        org.assertj.core.api.Assertions.assertThat(RepositoryUrl.parse("pypi").withHashWhileUploading(false)
                .hashWhileUploading()).isFalse();
    }
}
