package io.github.yogs0ddhoth.pypi.attest;

import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.identity.IdToken;
import io.github.yogs0ddhoth.pypi.identity.IdentityException;
import io.github.yogs0ddhoth.pypi.identity.IdentityProvider;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attestation step of a publish run: decides whether this release gets attestations, gets the CI's token of
 * audience {@code sigstore}, derives the publisher PyPI will hold the certificates against, signs every file, and
 * writes each attestation beside the report. Called once, after the upload token was minted and before the first
 * upload; any failure stops the run before anything is uploaded.
 */
public final class ReleaseAttester {
    public static final String OPT_OUT = "-Dpypi.attestations=false";
    private static final Pattern GITHUB_WORKFLOW = Pattern.compile("([^/]+\\.(yml|yaml))(?=@)");
    private static final Pattern GITLAB_CONFIG = Pattern.compile("(?<=//)(.*[^/]\\.(yml|yaml))(?=@)");

    /**
     * @param enabled         {@code pypi.attestations}
     * @param trustConfig     {@code pypi.sigstore.trustConfig}, or null for Sigstore's public-good instance
     * @param outputDirectory where {@code <file>.publish.attestation} files are written, or null for nowhere
     */
    public record Options(boolean enabled, Path trustConfig, Path outputDirectory) {
        public static Options off() {
            return new Options(false, null, null);
        }
    }

    /** Finds the CI the job runs on; only asked when attestations are made. */
    @FunctionalInterface
    public interface CiSource {
        IdentityProvider detect() throws IdentityException;
    }

    private final Options options;
    private final TextExchange http;
    private final RetryPolicy retries;
    private final SecretMasker masker;
    private final Clock clock;
    private final PublishLog log;
    private final Map<String, Long> rekorLogIndexes = new LinkedHashMap<>();
    private Prepared prepared;
    // Why prepare() decided against signing although attestations apply, for the dry run's summary.
    private String declined;

    public ReleaseAttester(Options options, TextExchange http, RetryPolicy retries, SecretMasker masker, Clock clock,
            PublishLog log) {
        this.options = options;
        this.http = http;
        this.retries = retries;
        this.masker = masker;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Whether this run signs: on unless switched off, and only for PyPI and TestPyPI (the indexes that verify
     * attestations, as gh-action-pypi-publish decides) unless a trust config names other Sigstore services.
     */
    public boolean applies(URI repository) {
        if (!options.enabled()) {
            return false;
        }
        String host = repository.getHost() == null ? "" : repository.getHost().toLowerCase(Locale.ROOT);
        return options.trustConfig() != null || host.equals("upload.pypi.org") || host.equals("test.pypi.org");
    }

    /** One sentence for a dry run, which never signs: a Rekor entry is a permanent public record. */
    public String dryRunNote(URI repository) {
        if (!applies(repository) || declined != null) {
            return "no attestations would be made (" + (declined != null ? declined : whyNot(repository)) + ")";
        }
        String as = prepared == null ? "" : " signed as " + prepared.publisher().describe()
                + " (its Sigstore ID token was fetched)";
        return "each file would get a PEP 740 attestation" + as + " (a Fulcio certificate and a public Rekor entry);"
                + " none was made";
    }

    /**
     * @return each file's {@code attestations} form value (a JSON array of one attestation) by file name; empty
     *     when this run makes none
     * @throws AttestationException when a file cannot be attested; then nothing may be uploaded
     */
    public Map<String, String> attest(URI repository, CiSource ci, List<Statement> files)
            throws AttestationException {
        return attest(repository, ci, files, name -> null);
    }

    /**
     * @param beside where each file lies, by file name (null when unknown): a {@code <file>.publish.attestation}
     *     there, made by another tool, is verified like a new one and sent as it is instead of signing anew
     */
    public Map<String, String> attest(URI repository, CiSource ci, List<Statement> files,
            Function<String, Path> beside) throws AttestationException {
        if (files.isEmpty() || !prepare(repository, ci)) {
            return Map.of();
        }
        return attestPrepared(files, beside);
    }

    /**
     * Gets the CI's token of audience {@code sigstore} and the publisher the certificates will name: called before
     * the upload token is minted, so that a job that cannot sign (GitLab without {@code SIGSTORE_ID_TOKEN}) fails
     * before the exchange, not after it.
     *
     * @return whether this run signs
     * @throws AttestationException when it should sign but cannot get a token or a publisher from it
     */
    public boolean prepare(URI repository, CiSource ci) throws AttestationException {
        if (!applies(repository)) {
            log.info("No PEP 740 attestations: " + whyNot(repository) + ".");
            return false;
        }
        IdToken token;
        try {
            token = ci.detect().fetchIdToken("sigstore");
        } catch (IdentityException e) {
            throw new AttestationException("Cannot sign attestations: " + e.getMessage() + "\nNothing was uploaded."
                    + " To publish without attestations, set " + OPT_OUT + ".");
        }
        masker.register(token.value());
        Optional<ExpectedPublisher> publisher = expectedPublisher(token);
        if (publisher.isEmpty()) {
            declined = "a reusable workflow, whose attestations PyPI would refuse";
            return false;
        }
        TrustConfig trust = options.trustConfig() == null ? TrustConfig.publicGood()
                : TrustConfig.load(options.trustConfig());
        prepared = new Prepared(token, publisher.get(), trust);
        return true;
    }

    /** Whether {@link #prepare} decided that this run signs. */
    public boolean signs() {
        return prepared != null;
    }

    /** What {@link #prepare} gathered for the signing. */
    private record Prepared(IdToken token, ExpectedPublisher publisher, TrustConfig trust) {}

    /**
     * Signs every file with what {@link #prepare} gathered; empty when it decided this run makes none.
     *
     * @param beside where each file lies, by file name (null when unknown): a {@code <file>.publish.attestation}
     *     there, made by another tool, is verified like a new one and sent as it is instead of signing anew
     * @throws AttestationException when a file cannot be attested; then nothing may be uploaded
     */
    public Map<String, String> attestPrepared(List<Statement> files, Function<String, Path> beside)
            throws AttestationException {
        if (prepared == null || files.isEmpty()) {
            return Map.of();
        }
        IdToken token = prepared.token();
        ExpectedPublisher publisher = prepared.publisher();
        TrustConfig trust = prepared.trust();
        Map<String, Attestation> existing = new LinkedHashMap<>();
        List<Statement> toSign = new ArrayList<>();
        for (Statement file : files) {
            Optional<Attestation> made = existing(file, beside.apply(file.fileName()), trust, publisher);
            if (made.isPresent()) {
                existing.put(file.fileName(), made.get());
            } else {
                toSign.add(file);
            }
        }
        Instant start = clock.instant();
        Map<String, Attestation> signed = Map.of();
        if (!toSign.isEmpty()) {
            try {
                signed = new SigstoreAttester(trust, http, retries, masker, clock, publisher, log::info)
                        .attest(toSign, token.value());
            } catch (AttestationException e) {
                throw new AttestationException(masker.redact(e.getMessage()) + "\nNothing was uploaded. To publish"
                        + " without attestations, set " + OPT_OUT + ".", e);
            }
            Duration took = Duration.between(start, clock.instant());
            log.info("Signed " + signed.size() + " PEP 740 attestation(s) as " + publisher.describe() + " in "
                    + took.toMillis() + " ms (1 Fulcio certificate, " + signed.size() + " Rekor entries, each"
                    + " verified locally).");
        }
        Map<String, String> forms = new LinkedHashMap<>();
        for (Statement file : files) {
            Attestation a = existing.containsKey(file.fileName()) ? existing.get(file.fileName())
                    : signed.get(file.fileName());
            rekorLogIndexes.put(file.fileName(), a.entry().logIndex());
            String json = a.toJson();
            if (!existing.containsKey(file.fileName())) {
                write(file.fileName(), json);
            }
            forms.put(file.fileName(), "[" + json + "]");
        }
        return forms;
    }

    /** The Rekor log index of each file's attestation from the last {@link #attest} call, by file name. */
    public Map<String, Long> rekorLogIndexes() {
        return java.util.Collections.unmodifiableMap(rekorLogIndexes);
    }

    /** An attestation another tool left beside the file, verified as PyPI will verify it; empty when none. */
    private Optional<Attestation> existing(Statement file, Path path, TrustConfig trust, ExpectedPublisher publisher)
            throws AttestationException {
        if (path == null) {
            return Optional.empty();
        }
        Path candidate = path.resolveSibling(Attestation.fileNameFor(file.fileName()));
        if (!Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        try {
            if (Files.size(candidate) > AttestationJson.MAX_CHARS) {
                throw new AttestationException(candidate + " is " + Files.size(candidate) + " bytes; an attestation"
                        + " is a few KiB.");
            }
            Attestation a = Attestation.parse(Files.readString(candidate, StandardCharsets.UTF_8));
            VerifiedAttestation v = new AttestationVerifier(trust).verify(a, file.fileName(), file.sha256(),
                    publisher);
            log.info("Using the attestation beside " + file.fileName() + " (" + candidate.getFileName()
                    + "): verified, Rekor entry " + v.logIndex() + " (" + v.searchUrl() + ")");
            return Optional.of(a);
        } catch (IOException e) {
            throw new AttestationException("Cannot read " + candidate + ": " + e.getMessage());
        } catch (AttestationException e) {
            throw new AttestationException("The attestation beside " + file.fileName() + " (" + candidate
                    + ") would be refused by PyPI: " + e.getMessage() + "\nDelete it to have a new one signed, or"
                    + " publish without attestations (" + OPT_OUT + "). Nothing was uploaded.", e);
        }
    }

    private String whyNot(URI repository) {
        return !options.enabled() ? "pypi.attestations=false"
                : repository + " is not PyPI or TestPyPI, the indexes that verify them (set"
                        + " pypi.sigstore.trustConfig to sign for another index)";
    }

    /**
     * The publisher PyPI will check the certificates against, from the token's own claims (PyPI matched the
     * upload token's, which come from the same job). Empty, with a warning, for a reusable GitHub workflow: PyPI
     * matches the publisher on the called file but the certificate names the caller, so PyPI would refuse every
     * file (pypa/gh-action-pypi-publish#283).
     */
    Optional<ExpectedPublisher> expectedPublisher(IdToken token) throws AttestationException {
        String iss = token.claim("iss");
        if (ExpectedPublisher.GITHUB_ISSUER.equals(iss)) {
            String workflowRef = token.claim("workflow_ref");
            String jobWorkflowRef = token.claim("job_workflow_ref");
            if (jobWorkflowRef != null && !jobWorkflowRef.equals(workflowRef)) {
                log.warn("Publishing without PEP 740 attestations: this job runs in a reusable workflow ("
                        + jobWorkflowRef + ", called from " + workflowRef + "). PyPI matches the trusted publisher on"
                        + " the reusable workflow but checks the attestation certificate against the calling one, so"
                        + " it would refuse every file. Publish from a top-level workflow to get attestations.");
                return Optional.empty();
            }
            Matcher m = GITHUB_WORKFLOW.matcher(workflowRef == null ? "" : workflowRef);
            String repository = token.claim("repository");
            if (repository == null || !m.find()) {
                throw new AttestationException("The Sigstore ID token from GitHub Actions lacks the repository or"
                        + " workflow_ref claim (workflow_ref: " + workflowRef + ").");
            }
            return Optional.of(new ExpectedPublisher.GitHub(repository, m.group(1)));
        }
        if (ExpectedPublisher.GITLAB_ISSUER.equals(iss)) {
            String uri = token.claim("ci_config_ref_uri");
            Matcher m = GITLAB_CONFIG.matcher(uri == null ? "" : uri);
            String project = token.claim("project_path");
            if (project == null || !m.find()) {
                throw new AttestationException("The Sigstore ID token from GitLab lacks the project_path or"
                        + " ci_config_ref_uri claim (ci_config_ref_uri: " + uri + ").");
            }
            return Optional.of(new ExpectedPublisher.GitLab(project, m.group(1)));
        }
        if (ExpectedPublisher.GOOGLE_ISSUER.equals(iss)) {
            String email = token.claim("email");
            if (email == null) {
                throw new AttestationException("The Sigstore ID token from Google has no email claim; request it"
                        + " with format=full.");
            }
            return Optional.of(new ExpectedPublisher.Google(email));
        }
        throw new AttestationException("The Sigstore ID token comes from the issuer " + iss + "; PyPI accepts"
                + " attestations only from GitHub Actions, GitLab.com and Google Cloud publishers.");
    }

    private void write(String fileName, String json) {
        if (options.outputDirectory() == null) {
            return;
        }
        Path file = options.outputDirectory().resolve(Attestation.fileNameFor(fileName));
        try {
            Files.createDirectories(options.outputDirectory());
            Files.writeString(file, json, StandardCharsets.UTF_8);
            log.info("  " + file);
        } catch (IOException e) {
            log.warn("Could not write " + file + ": " + e.getMessage());
        }
    }
}
