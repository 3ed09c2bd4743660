package io.github.yogs0ddhoth.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.identity.PublisherDeclaration;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishRequestTest {
    private static final RepositoryUrl PYPI = RepositoryUrl.parse("pypi");

    private static PublishRequest.Builder builder() {
        return PublishRequest.builder(PYPI, CiContext.of(Map.of(), null)).packagesDirectory(Path.of("target"));
    }

    @Test
    void theDefaultsAreTheGoalsParameterDefaults() {
        PublishRequest request = builder().build();

        assertThat(request.includes()).isEqualTo(DistributionFinder.DEFAULT_INCLUDES);
        assertThat(request.excludes()).isEmpty();
        assertThat(request.retries()).isEqualTo(3);
        assertThat(request.parallelUploads()).isEqualTo(4);
        assertThat(request.failOnStoredToken()).isTrue();
        assertThat(request.dryRun()).isFalse();
        assertThat(request.skipExisting()).isFalse();
        assertThat(request.publisher()).isEqualTo(PublisherDeclaration.none());
        assertThat(request.simpleRoot()).contains("https://pypi.org/simple/");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void retriesOutOfRangeAreRefusedAtOnce(int retries) {
        assertThatThrownBy(() -> builder().retries(retries))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pypi.retries must be between 0 and 10, was " + retries + ".");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17})
    void parallelUploadsOutOfRangeAreRefusedAtOnce(int parallel) {
        assertThatThrownBy(() -> builder().parallelUploads(parallel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pypi.parallelUploads must be between 1 and 16, was " + parallel + ".");
    }

    @Test
    void theRecordRefusesWhatTheBuilderRefuses() {
        assertThatThrownBy(() -> new PublishRequest(List.of(), List.of(), List.of(), PYPI, false, false, 11, null,
                null, CiContext.of(Map.of(), null), null, true, List.of(), null, 4))
                .hasMessageContaining("pypi.retries");
    }

    @Test
    void aCheckUrlIsTrimmedAndBlankMeansTheIndexDefault() {
        assertThat(builder().checkUrl("  https://mirror.example/simple  ").build().checkUrl())
                .isEqualTo("https://mirror.example/simple");
        assertThat(builder().checkUrl(" ").build().checkUrl()).isNull();
        assertThat(builder().checkUrl("none").build().simpleRoot()).isEqualTo(Optional.empty());
    }

    @Test
    void aCheckUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> builder().checkUrl("https://user:s3cret@mirror.example/simple/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("s3cret");
    }
}
