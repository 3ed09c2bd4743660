package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.attest.AttestationException;
import io.github.yogs0ddhoth.pypi.attest.ReleaseAttester;
import io.github.yogs0ddhoth.pypi.attest.Statement;
import io.github.yogs0ddhoth.pypi.http.HttpClientFactory;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.StoredTokenGuard;
import io.github.yogs0ddhoth.pypi.identity.TokenManager;
import io.github.yogs0ddhoth.pypi.identity.TrustedPublishing;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import io.github.yogs0ddhoth.pypi.upload.IndexLookup;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import io.github.yogs0ddhoth.pypi.upload.UploadResult;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One publish run, step by step: {@link #publish()} is the story of a release, and each step below is one of its
 * sentences ({@link ReleasePreparation}, {@link PreflightStep} and {@link UploadStep} hold the longer ones; the
 * {@link ReleaseLedger} keeps what became of each file and reports it). A run is used once. Everything it prints
 * goes through {@code log}, which is the output gate's.
 */
final class ReleaseRun {
    private final PublishRequest request;
    private final ReleaseAttester.Options attestation;
    private final HttpSettings httpSettings;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final SecretMasker gate;
    private final PublishLog log;
    private final ReleaseLedger ledger;

    ReleaseRun(PublishRequest request, ReleaseAttester.Options attestation, HttpSettings httpSettings, Clock clock,
            RetryPolicy.Sleeper sleeper, SecretMasker gate, PublishLog log) {
        this.request = request;
        this.attestation = attestation;
        this.httpSettings = httpSettings;
        this.clock = clock;
        this.retryPolicy = RetryPolicy.standard(request.retries(), sleeper);
        this.gate = gate;
        this.log = log;
        this.ledger = new ReleaseLedger(request, clock, gate, log);
    }

    ReleaseReport publish() throws PublishException {
        refuseStoredTokens();
        new ReleasePreparation(request, log, ledger).run();
        if (request.dryRun()) {
            return dryRun();
        }
        try (Connection index = connect()) {
            new PreflightStep(request, clock, log, ledger).run(index.lookup());
            ReleaseAttester attester = prepareSigning(index.http());
            TokenManager tokens = proveIdentity(index.http());
            Map<String, String> signed = sign(attester);
            new UploadStep(request, retryPolicy, clock, log, ledger)
                    .run(index.http(), index.lookup(), tokens, signed);
        } catch (ReleaseLedger.Ended e) {
            return e.report;
        } catch (IdentityException | AttestationException e) {
            throw ledger.failed(e.getMessage(), e instanceof IdentityException);
        }
        return uploaded();
    }

    /** Before anything else: a long-lived token within reach is what the ADR forbids. */
    private void refuseStoredTokens() throws PublishException {
        try {
            new StoredTokenGuard(gate, log, gate.commands())
                    .check(request.ci(), request.serverIds(), request.failOnStoredToken());
        } catch (IdentityException e) {
            throw new PublishException(e.getMessage(), null);
        }
    }

    /**
     * Reports what would be published. On a CI, it also fetches an ID token and checks its claims against the
     * declared publisher, without spending the token on an exchange, and, when the release would be attested, the
     * Sigstore ID token, so that a job that could not sign fails here too; it never signs (a Rekor entry is a
     * permanent public record). Elsewhere it needs no credentials at all.
     */
    private ReleaseReport dryRun() throws PublishException {
        ledger.forms().forEach(f -> ledger.record(f.filename(),
                new UploadResult(UploadResult.Outcome.WOULD_UPLOAD, "would upload")));
        String identityNote = "no token was requested (no CI detected)";
        ReleaseAttester attester = new ReleaseAttester(attestation, null, null, gate, clock, log);
        if (request.ci().isSupported()) {
            try (Connection index = connect()) {
                identity(index.http()).verify(request.repository().origin(), ledger.project(), request.publisher());
                identityNote = "the ID token's claims were checked, but no upload token was minted";
                if (attester.applies(request.repository().uri())) {
                    attester = prepareSigning(index.http());
                }
            } catch (IdentityException | AttestationException e) {
                throw ledger.stopped(e.getMessage(), e instanceof IdentityException);
            }
        }
        ReleaseReport report = ledger.report();
        log.info("Dry run: " + ledger.forms().size() + " file(s) of " + ledger.release() + " would be published to "
                + request.repository() + "; " + identityNote + "; " + attester.dryRunNote(request.repository().uri())
                + ". Nothing was uploaded.");
        return report;
    }

    /**
     * The attester, with the Sigstore ID token asked for before the upload token is minted: a job that cannot sign
     * stops here.
     */
    private ReleaseAttester prepareSigning(TextExchange http) throws AttestationException {
        ReleaseAttester attester = new ReleaseAttester(attestation, http, retryPolicy, gate, clock, log);
        attester.prepare(request.repository().uri(), () -> request.ci().provider(http, gate));
        return attester;
    }

    /** The OIDC exchange: the CI's ID token, checked against the declared publisher, for an upload token. */
    private TokenManager proveIdentity(TextExchange http) throws IdentityException {
        return identity(http).uploadTokens(request.repository().origin(), ledger.project(), request.publisher());
    }

    private TrustedPublishing identity(TextExchange http) {
        return new TrustedPublishing(request.ci(), http, gate, gate.commands(), log, clock);
    }

    /** A PEP 740 attestation for each file still to upload, all before the first upload. */
    private Map<String, String> sign(ReleaseAttester attester) throws AttestationException {
        if (!attester.signs()) {
            // No digest is needed before the upload: a file hashed while it is sent stays unread until then.
            return Map.of();
        }
        List<UploadForm> toSend = ledger.toSend();
        Map<String, String> signed = attester.attestPrepared(
                toSend.stream().map(f -> new Statement(f.filename(), f.sha256())).toList(),
                name -> toSend.stream().filter(f -> f.filename().equals(name)).map(UploadForm::file)
                        .findFirst().orElse(null));
        ledger.rekorLogIndexes(attester.rekorLogIndexes());
        return signed;
    }

    /** The end of a run that reached the uploads: published, or the first file that failed. */
    private ReleaseReport uploaded() throws PublishException {
        Optional<String> error = ledger.results().stream().filter(r -> !r.isDone()).map(UploadResult::message)
                .findFirst();
        if (error.isPresent()) {
            throw ledger.failed(error.get(), false);
        }
        ReleaseReport report = ledger.report();
        long settled = ledger.results().stream().filter(r -> r.outcome() != UploadResult.Outcome.UPLOADED).count();
        log.info("Published " + ledger.forms().size() + " file(s) of " + ledger.release()
                + (settled == 0 ? "" : " (" + settled + " already on the index or skipped)")
                + ". View at: " + report.releaseUrl());
        return report;
    }

    /** The run's HTTP client and the index lookups made with it; closing it is never the run's failure. */
    private Connection connect() {
        CloseableHttpClient client = HttpClientFactory.create(httpSettings);
        TextExchange http = new TextExchange(client, httpSettings.exchangeTimeout(), retryPolicy, log::warn);
        return new Connection(client, http, IndexLookup.of(request.simpleRoot(), http), log);
    }

    private record Connection(CloseableHttpClient client, TextExchange http, IndexLookup lookup, PublishLog log)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (IOException e) {
                log.debug("Could not close the HTTP client: " + e.getMessage());
            }
        }
    }
}
