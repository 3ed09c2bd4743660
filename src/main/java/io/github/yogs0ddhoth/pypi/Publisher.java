package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.PublishedFile.Outcome;
import io.github.yogs0ddhoth.pypi.dist.DiscoveryResult;
import io.github.yogs0ddhoth.pypi.dist.Distribution;
import io.github.yogs0ddhoth.pypi.dist.DistributionException;
import io.github.yogs0ddhoth.pypi.dist.DistributionFinder;
import io.github.yogs0ddhoth.pypi.dist.FileDigester;
import io.github.yogs0ddhoth.pypi.dist.FileDigests;
import io.github.yogs0ddhoth.pypi.dist.IgnoredFile;
import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.CiDetector;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.IdentityProvider;
import io.github.yogs0ddhoth.pypi.identity.TokenExchange;
import io.github.yogs0ddhoth.pypi.identity.UploadToken;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.report.Units;
import io.github.yogs0ddhoth.pypi.report.WorkflowCommands;
import io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient;
import io.github.yogs0ddhoth.pypi.upload.UploadException;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The publish flow: find the files, read and hash them, prove the CI's identity, exchange it for an upload token,
 * upload each file. Everything that can fail without touching the index runs before the first upload.
 */
public final class Publisher {
    private final PublishLog rawLog;
    private final PrintStream stdout;
    private final HttpSettings httpSettings;
    private final Clock clock;

    public Publisher(PublishLog log, PrintStream stdout, HttpSettings httpSettings, Clock clock) {
        this.rawLog = log;
        this.stdout = stdout;
        this.httpSettings = httpSettings;
        this.clock = clock;
    }

    public List<PublishedFile> publish(PublishRequest request) throws PublishException {
        boolean onGitHub = "true".equals(request.environment().get("GITHUB_ACTIONS"));
        SecretMasker masker = new SecretMasker(onGitHub ? new WorkflowCommands(stdout) : null);
        PublishLog log = masker.redacting(rawLog);

        List<UploadForm> forms = prepare(request, log);
        String release = releaseOf(forms);
        if (request.dryRun()) {
            log.info("Dry run: " + forms.size() + " file(s) of " + release + " would be published to "
                    + request.repository() + ". Nothing was uploaded, and no token was requested.");
            return outcomes(forms, Outcome.WOULD_UPLOAD);
        }
        try (CloseableHttpClient client = HttpClientFactory.create(httpSettings)) {
            TextExchange http = new TextExchange(client);
            UploadToken token = obtainToken(request, http, masker, log);
            return upload(request, forms, token, new LegacyUploadClient(request.repository(), http), log, release);
        } catch (IOException e) {
            throw new PublishException("Could not close the HTTP client: " + e.getMessage(), e);
        }
    }

    private List<UploadForm> prepare(PublishRequest request, PublishLog log) throws PublishException {
        log.info("Looking for wheels and sdists in " + request.packagesDirectory() + " (includes "
                + request.includes() + ", excludes " + request.excludes() + ")");
        DiscoveryResult found;
        try {
            found = new DistributionFinder().find(request.packagesDirectory(), request.includes(), request.excludes());
        } catch (DistributionException e) {
            throw new PublishException(e.getMessage(), e);
        }
        for (IgnoredFile ignored : found.ignored()) {
            log.debug("Ignoring " + ignored.path() + ": " + ignored.reason());
        }
        FileDigester digester = new FileDigester();
        List<UploadForm> forms = new ArrayList<>();
        for (Distribution dist : found.distributions()) {
            FileDigests digests;
            try {
                digests = digester.digest(dist.path());
            } catch (IOException e) {
                throw new PublishException("Could not read " + dist.path() + ": " + e.getMessage(), e);
            }
            forms.add(UploadForm.of(dist, digests));
            log.info("  " + dist.filename() + "  " + Units.bytes(digests.size()) + "  " + dist.type().filetype()
                    + "  pyversion " + dist.pyversion() + "  sha256 " + digests.sha256Hex());
            log.debug("    blake2_256 " + digests.blake2b256Hex() + "; form fields: " + describe(forms.get(forms.size() - 1)));
        }
        return forms;
    }

    private UploadToken obtainToken(PublishRequest request, TextExchange http, SecretMasker masker, PublishLog log)
            throws PublishException {
        try {
            IdentityProvider provider = new CiDetector(http, masker).detect(request.environment());
            TokenExchange exchange = new TokenExchange(request.repository().origin(), http, masker);
            log.info("Trusted publishing from " + provider.displayName() + " to " + request.repository());
            String audience = exchange.audience();
            log.debug("The index announced the OIDC audience '" + audience + "'");
            IdToken idToken = provider.fetchIdToken(audience);
            log.debug("Got an ID token from " + provider.displayName() + ": " + idToken);
            UploadToken token = exchange.mint(idToken);
            log.info("PyPI minted a short-lived upload token"
                    + (token.expires() == null ? "" : ", valid until " + token.expires()));
            return token;
        } catch (IdentityException e) {
            throw new PublishException(masker.redact(e.getMessage()), null);
        }
    }

    private List<PublishedFile> upload(PublishRequest request, List<UploadForm> forms, UploadToken token,
            LegacyUploadClient client, PublishLog log, String release) throws PublishException {
        for (int i = 0; i < forms.size(); i++) {
            UploadForm form = forms.get(i);
            log.info("Uploading " + form.filename() + " (" + Units.bytes(form.size()) + ")");
            Instant start = clock.instant();
            try {
                client.upload(form, token.value(), (sent, total) -> {});
            } catch (UploadException e) {
                throw new PublishException(describeFailure(forms, i, e.getMessage()), null);
            }
            Duration took = Duration.between(start, clock.instant());
            log.info("Uploaded " + form.filename() + " in " + Units.seconds(took) + " ("
                    + Units.rate(form.size(), took) + "), sha256 " + form.values("sha256_digest").get(0));
        }
        UploadForm first = forms.get(0);
        log.info("Published " + forms.size() + " file(s) of " + release + ". View at: "
                + request.repository().projectPageUrl(first.values("name").get(0), first.values("version").get(0)));
        return outcomes(forms, Outcome.UPLOADED);
    }

    private static String describeFailure(List<UploadForm> forms, int failed, String message) {
        StringBuilder m = new StringBuilder(message);
        if (failed > 0) {
            m.append("\nAlready on the index: ");
            m.append(String.join(", ", forms.subList(0, failed).stream().map(UploadForm::filename).toList()));
        }
        m.append("\nNot uploaded: ");
        m.append(String.join(", ", forms.subList(failed, forms.size()).stream().map(UploadForm::filename).toList()));
        m.append("\nFix the cause and run the build again: files already uploaded are accepted again when identical.");
        return m.toString();
    }

    private static List<PublishedFile> outcomes(List<UploadForm> forms, Outcome outcome) {
        return forms.stream()
                .map(f -> new PublishedFile(f.filename(), f.size(), f.values("sha256_digest").get(0), outcome))
                .toList();
    }

    /** The form without the description's text, which can be pages long. */
    private static String describe(UploadForm form) {
        return form.fields().stream()
                .map(f -> f.name() + "=" + (f.name().equals("description")
                        ? "<" + f.value().length() + " characters>" : f.value()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String releaseOf(List<UploadForm> forms) {
        return forms.stream().map(f -> f.values("name").get(0) + " " + f.values("version").get(0))
                .distinct().reduce((a, b) -> a + ", " + b).orElse("nothing");
    }
}
