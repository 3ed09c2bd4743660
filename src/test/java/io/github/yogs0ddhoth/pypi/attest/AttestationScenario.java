package io.github.yogs0ddhoth.pypi.attest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The fakes of an attestations-* invoker IT and the checks those ITs share, so that each prebuild.groovy and
 * verify.groovy says only what is particular to its scenario. prebuild.groovy starts one ({@link #gitHub},
 * {@link #gitLab}, {@link #google}): a fake PyPI (with the CI's token source) on the reserved port, a fake Fulcio and
 * Rekor on another loopback port, a trust config for them in target/sigstore-trust.json and the sample release in
 * target. verify.groovy runs its checks through {@link #verify}, which stops both fakes however the checks end.
 * Every assert method throws an AssertionError that says what was expected and what was seen.
 *
 * @param sigstoreToken the ID token of audience sigstore the job gets (GitLab: the one SIGSTORE_ID_TOKEN would hold)
 * @param basedir the IT's project directory, where build.log and invoker.properties are
 */
public record AttestationScenario(Ci ci, FakeIndex index, FakeSigstore sigstore, String sigstoreToken, Path basedir)
        implements AutoCloseable {
    static final String CONTEXT_KEY = "attestationScenario";
    static final String ATTESTATIONS = "target/pypi-publish/attestations";

    /** Where the job's ID tokens come from. */
    enum Ci { GITHUB, GITLAB, GOOGLE }

    /** GitHub Actions: the index's token endpoint answers for the audience sigstore too. */
    public static AttestationScenario gitHub(Map<String, Object> context, int port, File basedir) throws Exception {
        String token = FakeSigstore.gitHubToken("publish.yml", "publish.yml");
        return start(context, Ci.GITHUB, port, basedir, token, get(urlPathEqualTo("/idtoken")).atPriority(1)
                .withQueryParam("audience", equalTo("sigstore"))
                .willReturn(okJson("{\"count\":1,\"value\":\"" + token + "\"}")));
    }

    /**
     * GitLab: no token endpoint; the job's ID tokens come in through invoker.properties (see
     * {@link #assertInvokerEnvironment}), the Sigstore one being {@link FakeSigstore#gitLabToken()}.
     */
    public static AttestationScenario gitLab(Map<String, Object> context, int port, File basedir) throws Exception {
        return start(context, Ci.GITLAB, port, basedir, FakeSigstore.gitLabToken(), null);
    }

    /** Google Cloud: the metadata server signs the service account's identity for the audience sigstore too. */
    public static AttestationScenario google(Map<String, Object> context, int port, File basedir) throws Exception {
        String token = FakeSigstore.googleToken();
        return start(context, Ci.GOOGLE, port, basedir, token, get(urlPathEqualTo(FakeIndex.METADATA_IDENTITY))
                .atPriority(1)
                .withHeader("Metadata-Flavor", equalTo("Google"))
                .withQueryParam("audience", equalTo("sigstore"))
                .withQueryParam("format", equalTo("full"))
                .willReturn(aResponse().withStatus(200).withHeader("Metadata-Flavor", "Google")
                        .withHeader("Content-Type", "application/text").withBody(token)));
    }

    private static AttestationScenario start(Map<String, Object> context, Ci ci, int port, File basedir,
            String sigstoreToken, MappingBuilder sigstoreTokenSource) throws Exception {
        FakeIndex index = FakeIndex.start(port);
        FakeSigstore sigstore;
        try {
            sigstore = new FakeSigstore();
        } catch (IOException | RuntimeException e) {
            index.stop();
            throw e;
        }
        AttestationScenario scenario = new AttestationScenario(ci, index, sigstore, sigstoreToken, basedir.toPath());
        // A hook that fails with the port still bound would fail every IT after it: release the fakes first.
        try {
            if (sigstoreTokenSource != null) {
                index.server().stubFor(sigstoreTokenSource);
            }
            Path target = Files.createDirectories(scenario.basedir.resolve("target"));
            Files.writeString(target.resolve("sigstore-trust.json"), sigstore.trustConfigJson());
            SampleRelease.write(target);
        } catch (Exception | Error e) {
            scenario.close();
            throw e;
        }
        context.put(CONTEXT_KEY, scenario);
        return scenario;
    }

    /** Runs verify.groovy's checks on the scenario prebuild.groovy started, then stops its fakes. */
    public static void verify(Map<String, Object> context, Consumer<AttestationScenario> checks) {
        Object started = context.get(CONTEXT_KEY);
        if (!(started instanceof AttestationScenario scenario)) {
            throw new AssertionError("expected the AttestationScenario that prebuild.groovy starts under the key "
                    + CONTEXT_KEY + " of the context, found " + started);
        }
        try (scenario) {
            checks.accept(scenario);
        }
    }

    @Override
    public void close() {
        try {
            index.stop();
        } finally {
            sigstore.close();
        }
    }

    // ---- what reached the fakes ----

    /** The index received uploads of exactly these files, in this order (none: nothing was uploaded). */
    public List<LoggedRequest> assertUploaded(String... files) {
        List<LoggedRequest> uploads = index.uploads();
        List<String> names = uploads.stream().map(FakeIndex::contentFilename).toList();
        check(names.equals(List.of(files)), "expected " + (files.length == 0 ? "no upload"
                : "uploads of " + Arrays.asList(files)) + ", the index got " + names);
        return uploads;
    }

    public void assertNothingUploaded() {
        assertUploaded();
    }

    public void assertMints(int expected) {
        int seen = index.mintRequests();
        check(seen == expected, "expected " + expected + " mint-token request(s) at the index, it got " + seen);
    }

    public void assertSigstoreCalls(int fulcio, int rekor) {
        int f = sigstore.fulcioCalls.get();
        int r = sigstore.rekorCalls.get();
        check(f == fulcio && r == rekor, "expected " + fulcio + " Fulcio and " + rekor + " Rekor request(s), the"
                + " fake Sigstore got " + f + " and " + r);
    }

    public void assertNoAttestationFiles() {
        Path dir = basedir.resolve(ATTESTATIONS);
        check(!Files.exists(dir), "expected no attestation written, but " + dir + " exists");
    }

    /**
     * The job asked its token source for ID tokens of exactly these audiences, in this order (Google: each in
     * {@code format=full}); GitLab jobs ask none, their tokens are variables.
     */
    public void assertIdTokenAudiences(String... expected) {
        List<LoggedRequest> asked = index.server().findAll(getRequestedFor(urlPathEqualTo(
                ci == Ci.GOOGLE ? FakeIndex.METADATA_IDENTITY : "/idtoken")));
        List<String> audiences = asked.stream().map(r -> r.queryParameter("audience").firstValue()).toList();
        check(audiences.equals(List.of(expected)), "expected ID token requests for the audiences "
                + Arrays.asList(expected) + " in this order, the " + ci + " token source got " + audiences);
        if (ci == Ci.GOOGLE) {
            List<String> formats = asked.stream().map(r -> r.queryParameter("format").firstValue()).toList();
            check(formats.stream().allMatch("full"::equals), "expected every metadata identity request in"
                    + " format=full, they asked for " + formats);
        }
    }

    /** Neither Fulcio nor Rekor was asked, no attestation was written and the log links no Rekor entry. */
    public void assertSigstoreUntouched() {
        assertSigstoreCalls(0, 0);
        assertNoAttestationFiles();
        assertLogLacks("search.sigstore.dev");
    }

    /** The build failed before the first upload, and said so with the way out (no attestations). */
    public void assertStoppedBeforeUpload() {
        assertNothingUploaded();
        assertNoAttestationFiles();
        assertLogShows("BUILD FAILURE", "Nothing was uploaded", "-Dpypi.attestations=false");
    }

    /**
     * Both sample files were uploaded, each with one attestation that verifies against {@code publisher}, equals the
     * one written under target/pypi-publish/attestations and is in PyPI's form; one upload token was minted, one
     * Fulcio certificate asked for with the Sigstore ID token and one Rekor entry made per file, which the log links.
     *
     * @return the verified attestations, in upload order, for the scenario's checks of the signing identity
     */
    public List<VerifiedAttestation> assertAttested(ExpectedPublisher publisher) throws Exception {
        List<LoggedRequest> uploads = assertUploaded(SampleRelease.WHEEL, SampleRelease.SDIST);
        assertMints(1);
        assertSigstoreCalls(1, uploads.size());
        long withToken = sigstore.authorizations.stream().filter(("Bearer " + sigstoreToken)::equals).count();
        check(sigstore.authorizations.size() == 1 && withToken == 1, "expected the one Fulcio request to bear the"
                + " scenario's Sigstore ID token, " + withToken + " of " + sigstore.authorizations.size() + " did");
        AttestationVerifier verifier = new AttestationVerifier(sigstore.trustConfig());
        List<VerifiedAttestation> verified = new ArrayList<>();
        for (LoggedRequest upload : uploads) {
            String name = FakeIndex.contentFilename(upload);
            List<String> field = FakeIndex.fieldMap(upload).get("attestations");
            check(field != null && field.size() == 1, "expected one attestations field in the upload of " + name
                    + ", it had " + (field == null ? 0 : field.size()));
            check(field.get(0).startsWith("[{\"version\":1,"), "expected the attestations field of " + name
                    + " to be a JSON array of version 1 attestations, it starts "
                    + field.get(0).substring(0, Math.min(40, field.get(0).length())));
            Path written = basedir.resolve(ATTESTATIONS).resolve(name + ".publish.attestation");
            check(Files.isRegularFile(written), "expected the attestation of " + name + " written to " + written
                    + ", there is no such file");
            Attestation attestation = Attestation.parse(Files.readString(written));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(FakeIndex.content(upload)));
            try {
                verified.add(verifier.verify(attestation, name, sha256, publisher));
            } catch (AttestationException e) {
                throw new AssertionError("expected the attestation of " + name + " to verify against " + publisher
                        + ": " + e.getMessage(), e);
            }
            check(field.get(0).equals("[" + attestation.toJson() + "]"), "expected the attestations field of "
                    + name + " to hold the attestation written to " + written + ", it holds another");
        }
        assertLogShows("https://search.sigstore.dev/?logIndex=");
        return verified;
    }

    /**
     * invoker.properties gives the build the environment variable {@code name} with the value {@code expected}
     * (null: not at all): the tokens there are copies of the fakes' own, to be renewed when a fake changes.
     */
    public void assertInvokerEnvironment(String name, String expected) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(basedir.resolve("invoker.properties"))) {
            props.load(in);
        }
        String seen = props.getProperty("invoker.environmentVariables." + name);
        check(expected == null ? seen == null : expected.equals(seen), "expected invoker.properties to "
                + (expected == null ? "set no " + name : "set " + name + " to the fake's token " + expected)
                + ", it sets " + seen);
    }

    // ---- build.log ----

    public String log() {
        try {
            return Files.readString(basedir.resolve("build.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertLogShows(String... texts) {
        String log = log();
        for (String text : texts) {
            check(log.contains(text), "expected build.log to show «" + text + "», it does not");
        }
    }

    public void assertLogLacks(String... texts) {
        String log = log();
        for (String text : texts) {
            check(!log.contains(text), "expected build.log not to show «" + text + "», it does");
        }
    }

    public void assertLogHasLine(String line) {
        check(log().lines().anyMatch(line::equals), "expected build.log to have the line «" + line + "»");
    }

    /**
     * No secret of the job shows in build.log, nor a private key: the Sigstore ID token, the index's ID token, the
     * token the index minted and, on GitHub, the token-request token. The one exception is GitHub's
     * {@code ::add-mask::} commands, which must name what the runner is to mask.
     */
    public void assertLogHidesSecrets() {
        Map<String, String> secrets = secrets();
        List<String> lines = log().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (ci == Ci.GITHUB && line.startsWith("::add-mask::")) {
                continue;
            }
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                check(!line.contains(secret.getValue()), "expected build.log to hide " + secret.getKey()
                        + ", line " + (i + 1) + " shows it");
            }
        }
    }

    Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the Sigstore ID token", sigstoreToken);
        secrets.put("the index's ID token", switch (ci) {
            case GITHUB -> index.idToken();
            case GITLAB -> index.gitLabIdToken();
            case GOOGLE -> index.googleIdToken();
        });
        secrets.put("the upload token the index minted", FakeIndex.MINTED_TOKEN);
        if (ci == Ci.GITHUB) {
            secrets.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", FakeIndex.REQUEST_TOKEN);
        }
        secrets.put("a private key", "PRIVATE KEY");
        return secrets;
    }

    private static void check(boolean holds, String expectedAndSeen) {
        if (!holds) {
            throw new AssertionError(expectedAndSeen);
        }
    }
}
