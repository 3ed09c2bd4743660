package io.github.yogs0ddhoth.pypi.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's abilities the invoker ITs rely on, checked here where a failure is quick to read. */
class FakeSigstoreTest {
    static final ExpectedPublisher GITLAB = new ExpectedPublisher.GitLab("octo-group/octo-project",
            ".gitlab-ci.yml");
    static final ExpectedPublisher GOOGLE = new ExpectedPublisher.Google(
            "publisher@octo-project.iam.gserviceaccount.com");

    private FakeSigstore fake;
    private CloseableHttpClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSigstore();
        client = HttpClientFactory.create(new HttpSettings("fake-sigstore-test", Duration.ofSeconds(5),
                Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fake.close();
    }

    private Attestation attest(ExpectedPublisher publisher, String token, Statement s) throws Exception {
        return new SigstoreAttester(fake.trustConfig(), new TextExchange(client), RetryPolicy.none(),
                new SecretMasker(null), Clock.systemUTC(), publisher, m -> {}).attest(List.of(s), token)
                .get(s.fileName());
    }

    @Test
    void theGitLabTokenIsForSigstoreAndNamesTheProjectOfTheIndexsToken() throws Exception {
        IdToken token = IdToken.parse(FakeSigstore.gitLabToken(), "test");
        assertThat(token.claim("aud")).isEqualTo("sigstore");
        assertThat(token.claim("iss")).isEqualTo(ExpectedPublisher.GITLAB_ISSUER);
        assertThat(FakeSigstore.gitLabToken()).as("the same on every call: the ITs hold it in invoker.properties")
                .isEqualTo(FakeSigstore.gitLabToken());
        Statement s = SigstoreAttesterTest.file("demo-1.0.tar.gz", "x");

        Attestation a = attest(GITLAB, FakeSigstore.gitLabToken(), s);

        assertThat(new AttestationVerifier(fake.trustConfig()).verify(a, s.fileName(), s.sha256(), GITLAB)
                .identity().sanUris())
                .containsExactly("https://gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0");
    }

    @Test
    void theGoogleTokenIsForSigstoreAndNamesTheServiceAccount() throws Exception {
        IdToken token = IdToken.parse(FakeSigstore.googleToken(), "test");
        assertThat(token.claim("aud")).isEqualTo("sigstore");
        Statement s = SigstoreAttesterTest.file("demo-1.0.tar.gz", "x");

        Attestation a = attest(GOOGLE, FakeSigstore.googleToken(), s);

        assertThat(new AttestationVerifier(fake.trustConfig()).verify(a, s.fileName(), s.sha256(), GOOGLE)
                .identity().sanEmails()).containsExactly("publisher@octo-project.iam.gserviceaccount.com");
    }

    @Test
    void aCorruptProofFailsEvenForTheFirstEntryOfTheTree() throws Exception {
        fake.corruptProof = true;
        Statement s = SigstoreAttesterTest.file("demo-1.0.tar.gz", "x");

        assertThatThrownBy(() -> attest(GITLAB, FakeSigstore.gitLabToken(), s))
                .isInstanceOfSatisfying(VerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.INCLUSION_PROOF));
        assertThat(fake.rekorCalls).hasValue(1);
    }
}
