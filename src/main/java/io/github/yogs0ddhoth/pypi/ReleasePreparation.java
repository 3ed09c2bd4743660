package io.github.yogs0ddhoth.pypi;

import io.github.yogs0ddhoth.pypi.check.ValidationReport;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionException;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.report.Units;
import io.github.yogs0ddhoth.pypi.upload.UploadForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first step of a run: find, read and validate every file, in upload order, and hash it; all before any
 * request.
 */
final class ReleasePreparation {
    private final PublishRequest request;
    private final PublishLog log;
    private final ReleaseLedger ledger;

    ReleasePreparation(PublishRequest request, PublishLog log, ReleaseLedger ledger) {
        this.request = request;
        this.log = log;
        this.ledger = ledger;
    }

    /** @throws PublishException naming every problem at once, before any CI detection or token request */
    void run() throws PublishException {
        ReleaseInspection.Result inspected;
        try {
            inspected = new ReleaseInspection(log).inspect(request.packagesDirectories(), request.includes(),
                    request.excludes(), Optional.ofNullable(request.expectedVersion()));
        } catch (DistributionException e) {
            throw ledger.stopped(e.getMessage(), false);
        }
        ValidationReport validation = inspected.validation();
        if (validation.hasErrors()) {
            // Every problem at once, before any CI detection or token request: nothing is half-published.
            throw ledger.stopped("The release was not published: " + validation.errors().size()
                    + " problem(s) would make the index refuse it. Nothing was uploaded.\n" + validation.render(),
                    false);
        }
        validation.warnings().forEach(w -> log.warn(w.file() == null ? w.message() : w.file() + ": " + w.message()
                + (w.fix() == null || w.fix().isBlank() ? "" : " Fix: " + w.fix())));
        // In upload order already (wheels first, then sdists), as the finder returns them.
        List<Distribution> found = inspected.discovered().distributions();
        FileDigester digester = new FileDigester();
        // Where the index takes the digests after the file, they are computed while it is sent: one read, not two.
        boolean hashWhileSent = request.repository().hashWhileUploading() && !request.dryRun();
        List<UploadForm> hashed = new ArrayList<>();
        for (Distribution dist : found) {
            UploadForm form;
            try {
                form = hashWhileSent ? UploadForm.hashedWhileSent(dist)
                        : UploadForm.of(dist, digester.digest(dist.path()));
            } catch (IOException e) {
                throw ledger.stopped("Could not read " + dist.path() + ": " + e.getMessage(), false);
            }
            hashed.add(form);
            log.info("  " + dist.filename() + "  " + Units.bytes(form.size()) + "  " + dist.type().filetype()
                    + "  pyversion " + dist.pyversion() + (hashWhileSent ? "  (hashed while it is uploaded)"
                    : "  sha256 " + form.sha256()));
            log.debug("    " + (hashWhileSent ? "" : "blake2_256 " + form.blake2b256() + "; ") + "form fields: "
                    + describe(form));
        }
        ledger.prepared(hashed);
    }

    /** The form without the description's text, which can be pages long. */
    private static String describe(UploadForm form) {
        return form.fields().stream()
                .map(f -> f.name() + "=" + (f.name().equals("description")
                        ? "<" + f.value().length() + " characters>" : f.value()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
