package io.github.yogs0ddhoth.pypi.upload;

import io.github.yogs0ddhoth.pypi.check.Pep440Version;
import io.github.yogs0ddhoth.pypi.distribution.WheelFilename;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks the index, once per release and before the first upload, what it already holds, and decides for each file
 * whether to send it. This is what makes a rerun of a finished release send nothing, and what turns the index's
 * refusals that can be known in advance (other bytes under the same name, a second sdist, a release too old for
 * new files) into a failure before any byte is sent, so that a release is never left half-published.
 */
public final class Preflight {
    /** PyPI refuses new files on a release whose first file is older than this (pypi/warehouse#19727). */
    static final Duration NEW_FILE_WINDOW = Duration.ofDays(14);

    /**
     * One file of the release, as the preflight needs it.
     *
     * @param sha256Source gives the file's sha256; asked only when the index already has a file of that name, so a
     *     file still to be hashed while it is sent is not read for nothing
     */
    public record Candidate(String filename, String project, String version, boolean sdist,
            Supplier<String> sha256Source) {
        public Candidate {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(sha256Source, "sha256Source");
        }

        public Candidate(String filename, String project, String version, boolean sdist, String sha256) {
            this(filename, project, version, sdist, () -> sha256);
        }

        /** The file's sha256, lowercase hex. */
        public String sha256() {
            return sha256Source.get().toLowerCase(Locale.ROOT);
        }
    }

    public enum Verdict {
        /** Not on the index: send it. */
        UPLOAD,
        /** On the index with the same sha256: done, nothing to send. */
        ALREADY_PRESENT,
        /** The index would refuse it, and {@code skipExisting} allows moving on without it. */
        SKIP,
        /** The index would refuse it: the release must not start. */
        REFUSED
    }

    /** @param reason why, in a sentence a person can act on; empty for a plain upload */
    public record Decision(Candidate file, Verdict verdict, String reason) {}

    /**
     * @param decisions one per candidate, in the candidates' order
     * @param warning set when the index could not be asked, so every file is sent and settled from the answers
     */
    public record Result(List<Decision> decisions, Optional<String> warning) {
        public List<Decision> refused() {
            return decisions.stream().filter(d -> d.verdict() == Verdict.REFUSED).toList();
        }

        public boolean nothingToUpload() {
            return decisions.stream().noneMatch(d -> d.verdict() == Verdict.UPLOAD);
        }
    }

    private final IndexLookup lookup;
    private final boolean skipExisting;
    private final boolean newFileWindow;
    private final Clock clock;

    /**
     * @param newFileWindow whether the index enforces PyPI's 14-day window for new files (Warehouse does; other
     *     indexes that speak the protocol do not)
     */
    public Preflight(IndexLookup lookup, boolean skipExisting, boolean newFileWindow, Clock clock) {
        this.lookup = lookup;
        this.skipExisting = skipExisting;
        this.newFileWindow = newFileWindow;
        this.clock = clock;
    }

    public Result judge(List<Candidate> release) {
        if (lookup.isOff()) {
            return new Result(release.stream().map(Preflight::upload).toList(), Optional.empty());
        }
        Map<String, ProjectListing> listings = new LinkedHashMap<>();
        for (Candidate c : release) {
            listings.computeIfAbsent(c.project(), lookup::listing);
        }
        List<String> unavailable = listings.values().stream()
                .filter(ProjectListing.Unavailable.class::isInstance)
                .map(l -> ((ProjectListing.Unavailable) l).why()).distinct().toList();
        Map<String, Optional<Instant>> firstUploads = new HashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (Candidate c : release) {
            if (listings.get(c.project()) instanceof ProjectListing.Files files) {
                decisions.add(decide(c, files, firstUploads));
            } else {
                decisions.add(upload(c));
            }
        }
        Optional<String> warning = unavailable.isEmpty() ? Optional.empty()
                : Optional.of("Could not ask the index which files it already has (" + String.join("; ", unavailable)
                        + "). Uploading every file; a conflict is settled from the index's answers.");
        return new Result(decisions, warning);
    }

    private Decision decide(Candidate c, ProjectListing.Files files, Map<String, Optional<Instant>> firstUploads) {
        Optional<IndexedFile> same = files.named(c.filename());
        if (same.isPresent() && !same.get().sha256().isEmpty()) {
            if (same.get().sha256().equals(c.sha256())) {
                return new Decision(c, Verdict.ALREADY_PRESENT, "already on the index with the same sha256");
            }
            return refuse(c, "the index has a different " + c.filename() + ": index sha256 " + same.get().sha256()
                    + ", local sha256 " + c.sha256() + ". A published filename can never be replaced: bump the"
                    + " version and rebuild, or set pypi.skipExisting=true to leave the index's file in place.");
        }
        if (same.isPresent()) {
            // Listed without a digest: let the upload and its settling decide.
            return upload(c);
        }
        List<IndexedFile> ofRelease = files.files().stream().filter(f -> sameVersion(versionOf(f), c.version()))
                .toList();
        if (c.sdist()) {
            Optional<IndexedFile> otherSdist = ofRelease.stream().filter(f -> isSdist(f.filename())).findFirst();
            if (otherSdist.isPresent()) {
                return refuse(c, "the release " + c.version() + " already has an sdist on the index, "
                        + otherSdist.get().filename() + ", and PyPI accepts only one sdist per release. Publish the"
                        + " sdist the index has, or set pypi.skipExisting=true to publish the rest without it.");
            }
        }
        if (newFileWindow && !ofRelease.isEmpty()) {
            Optional<Instant> first = firstUploads.computeIfAbsent(c.project() + " " + c.version(),
                    k -> firstUpload(c, ofRelease));
            Instant now = clock.instant();
            if (first.isPresent() && first.get().plus(NEW_FILE_WINDOW).isBefore(now)) {
                long days = ChronoUnit.DAYS.between(first.get(), now);
                // Not skippable: no setting makes the index accept the file; only a new version does.
                return new Decision(c, Verdict.REFUSED, "the release " + c.version() + " got its first file on "
                        + first.get() + " (" + days + " days ago), and PyPI refuses new files on a release older"
                        + " than 14 days (identical re-uploads still succeed). Publish " + c.filename()
                        + " under a new version.");
            }
        }
        return upload(c);
    }

    private Optional<Instant> firstUpload(Candidate c, List<IndexedFile> ofRelease) {
        Optional<Instant> listed = ofRelease.stream().map(IndexedFile::uploadTime).flatMap(Optional::stream)
                .min(Instant::compareTo);
        return listed.isPresent() ? listed : lookup.firstUpload(c.project(), c.version());
    }

    private Decision refuse(Candidate c, String reason) {
        return new Decision(c, skipExisting ? Verdict.SKIP : Verdict.REFUSED, reason);
    }

    private static Decision upload(Candidate c) {
        return new Decision(c, Verdict.UPLOAD, "");
    }

    private static boolean isSdist(String filename) {
        String f = filename.toLowerCase(Locale.ROOT);
        return f.endsWith(".tar.gz") || f.endsWith(".zip");
    }

    /** The version in an indexed file's name, or null when the name is neither a wheel nor an sdist. */
    static String versionOf(IndexedFile file) {
        String name = file.filename();
        if (name.endsWith(".whl")) {
            return WheelFilename.parse(name).map(WheelFilename::version).orElse(null);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String stem = lower.endsWith(".tar.gz") ? name.substring(0, name.length() - 7)
                : lower.endsWith(".zip") ? name.substring(0, name.length() - 4) : null;
        if (stem == null || stem.lastIndexOf('-') < 0) {
            return null;
        }
        return stem.substring(stem.lastIndexOf('-') + 1);
    }

    private static boolean sameVersion(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Optional<Pep440Version> va = Pep440Version.parse(a);
        Optional<Pep440Version> vb = Pep440Version.parse(b);
        return va.isPresent() && vb.isPresent() ? va.get().equals(vb.get()) : a.equals(b);
    }
}
