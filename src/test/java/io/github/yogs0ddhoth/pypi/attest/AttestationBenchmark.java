package io.github.yogs0ddhoth.pypi.attest;

import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/**
 * What attestations add to a release, against the loopback fakes: wall time per file (signing, the Rekor
 * round trip on loopback, local verification) and requests per release. Not run by {@code mvn test}; run with
 * {@code ./mvnw -o test -Dtest=AttestationBenchmark}. Real Fulcio and Rekor add their network latency on top.
 */
class AttestationBenchmark {
    @Test
    void measure() throws Exception {
        try (FakeSigstore fake = new FakeSigstore();
                CloseableHttpClient client = HttpClientFactory.create(new HttpSettings("bench", Duration.ofSeconds(5),
                        Duration.ofSeconds(20)))) {
            SigstoreAttester attester = new SigstoreAttester(fake.trustConfig(), new TextExchange(client),
                    RetryPolicy.none(), new SecretMasker(null), Clock.systemUTC(), SigstoreAttesterTest.GITHUB,
                    m -> {});
            String token = SigstoreAttesterTest.gitHubToken("publish.yml", "publish.yml");
            attester.attest(List.of(SigstoreAttesterTest.file("warm-1.0.tar.gz", "warm")), token);
            Statement one = SigstoreAttesterTest.file("verify-1.0.tar.gz", "v");
            Attestation a = attester.attest(List.of(one), token).get(one.fileName());
            AttestationVerifier verifier = new AttestationVerifier(fake.trustConfig());
            long v0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                verifier.verify(a, one.fileName(), one.sha256(), SigstoreAttesterTest.GITHUB);
            }
            System.out.printf("local verification: %.2f ms per attestation%n", (System.nanoTime() - v0) / 1e6 / 200);
            EphemeralKey key = EphemeralKey.generate();
            byte[] pae = Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, one.toBytes());
            long s0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                key.sign(pae);
            }
            System.out.printf("DSSE signing: %.2f ms per file%n", (System.nanoTime() - s0) / 1e6 / 200);
            for (int files : new int[] {1, 10, 50}) {
                List<Statement> release = new ArrayList<>();
                for (int i = 0; i < files; i++) {
                    release.add(SigstoreAttesterTest.file("demo-" + i + "-1.0-py3-none-any.whl", "f" + i));
                }
                int fulcio = fake.fulcioCalls.get();
                int rekor = fake.rekorCalls.get();
                long start = System.nanoTime();
                attester.attest(release, token);
                double ms = (System.nanoTime() - start) / 1e6;
                System.out.printf("attest %d file(s): %.1f ms total, %.2f ms/file, Fulcio requests %d, Rekor %d%n",
                        files, ms, ms / files, fake.fulcioCalls.get() - fulcio, fake.rekorCalls.get() - rekor);
            }
        }
    }
}
