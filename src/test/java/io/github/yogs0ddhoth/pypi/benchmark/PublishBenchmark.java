package io.github.yogs0ddhoth.pypi.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.yogs0ddhoth.pypi.PublishRequest;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.Publisher;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import io.github.yogs0ddhoth.pypi.http.HttpSettings;
import io.github.yogs0ddhoth.pypi.report.PublishLog;
import io.github.yogs0ddhoth.pypi.testing.Jwts;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Benchmark of the publish path against a loopback sink (a {@code main} program, not a test).
 *
 * <p>Measures, in one JVM: the time of {@link FileDigester#digest} alone (the floor: publishing has to hash the file
 * anyway) and of a full {@link Publisher#publish} (find, read, hash, GitHub ID token, audience, mint, multipart
 * upload) to a {@link HttpServer} on 127.0.0.1 that discards the upload; the peak heap and peak RSS while publishing.
 *
 * <p>Usage: {@code PublishBenchmark [size] [--runs=N] [--dir=DIR] [--delete] [--raw-baseline] [--digest-breakdown]
 * [--upload-variants=SPEC] [--files=N] [--throttle=BYTES_PER_S]} (the last two: see "Many files" below),
 * size as bytes or with a k/m/g suffix (binary units), default 1g; also the system properties {@code bench.size},
 * {@code bench.runs}, {@code bench.dir}, {@code bench.sinkBuffer} (the sink's read buffer, default 16 KiB) and
 * {@code bench.maxOtherCpu}. {@code size} is the size of the wheel's one large data entry; the wheel is about 1.2 KiB
 * larger. It is created once per size under {@code DIR/pypi-publish-bench-<size>/} (default: java.io.tmpdir) and
 * reused by later runs unless {@code --delete} removes it afterwards.
 *
 * <p>Each timing is the best of N runs that ran on a quiet machine: a run during which other processes used more
 * than {@code bench.maxOtherCpu} (default 0.1) of one CPU on average is reported, marked REJECTED, and repeated, up to
 * 4N attempts (property {@code bench.maxAttemptsFactor}); before each run it waits up to
 * {@code bench.quietWaitSeconds} (default 60) for a second in which other processes were idle.
 *
 * <p>Diagnostics: {@code --raw-baseline} also times a plain-socket POST of the file to the same sink (no HTTP
 * client); {@code --digest-breakdown} times a plain read, SHA-256 alone and BLAKE2b-256 alone;
 * {@code --upload-variants=name:key=value,...;name:...} times only the upload (a fresh client and one POST, N rounds
 * plus a warm-up round, the variants taking turns), with the uploading thread's user and kernel CPU, setting the given
 * system properties for each variant ({@code --upload-variants=base:} for the upload alone).
 *
 * <p>Many files: {@code --files=N} (with {@code N >= 1}) creates N wheels of the given size with distinct tags (as
 * {@link ProcessBenchmark}'s many wheels, named by {@link #manyWheelName}) under
 * {@code DIR/pypi-publish-bench-<N>x<size>/} and publishes them all in one {@link Publisher#publish} with
 * {@code pypi.parallelUploads} 4 (property {@code bench.parallelUploads}), the baseline being the digests of all N
 * files one after the other; it prints the same memory rows and a {@code RESULT_MANY} line instead of
 * {@code RESULT}. The peak heap then covers the upload threads too, and "allocated" sums the main and upload
 * threads. Since G1 lets garbage pile up to the size of its eden, and the pools' peaks, summed, can even exceed the
 * heap's maximum, it also prints the heap at its highest moment (just before a GC), the most left after a GC, and the
 * live heap with 4 uploads in flight (a full GC at such moments of one more, untimed, publish). {@code --throttle=BYTES_PER_S} makes the sink read each upload connection at most that fast (default: as
 * fast as it comes), so that the parallel uploads really overlap, as on a link whose every TCP stream is capped.
 */
public final class PublishBenchmark {
    private static final String WHEEL = "bench_pkg-1.0.0-py3-none-any.whl";
    private static final String[] PYTHONS = {"cp38", "cp39", "cp310", "cp311", "cp312", "cp313"};
    private static final String[] PLATFORMS = {"manylinux_2_28_x86_64", "manylinux_2_28_aarch64", "win_amd64",
            "macosx_11_0_arm64"};
    private static final String DIST_INFO = "bench_pkg-1.0.0.dist-info";
    private static final String DATA_ENTRY = "bench_pkg/data.bin";
    private static final long SEED = 0x5DEECE66DL;
    private static final int GEN_CHUNK = 1 << 20;
    private static final double MIB = 1024.0 * 1024.0;
    private static final double MAX_OTHER_CPU = Double.parseDouble(System.getProperty("bench.maxOtherCpu", "0.1"));
    /** At most this many times the requested runs are made while waiting for runs on a quiet machine. */
    private static final int MAX_ATTEMPTS_FACTOR = Integer.getInteger("bench.maxAttemptsFactor", 4);
    /** Before each timed run, wait up to this long for a second during which other processes were (nearly) idle. */
    private static final int QUIET_WAIT_SECONDS = Integer.getInteger("bench.quietWaitSeconds", 60);

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        long size = parseSize(System.getProperty("bench.size", "1g"));
        int runs = Integer.getInteger("bench.runs", 3);
        Path root = Paths.get(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        boolean delete = false;
        boolean rawBaseline = false;
        boolean digestBreakdown = false;
        String uploadVariants = null;
        int files = 0;
        long throttle = 0;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--dir=")) {
                root = Paths.get(arg.substring("--dir=".length()));
            } else if (arg.equals("--delete")) {
                delete = true;
            } else if (arg.equals("--raw-baseline")) {
                rawBaseline = true;
            } else if (arg.equals("--digest-breakdown")) {
                digestBreakdown = true;
            } else if (arg.startsWith("--upload-variants=")) {
                uploadVariants = arg.substring("--upload-variants=".length());
            } else if (arg.startsWith("--files=")) {
                files = Integer.parseInt(arg.substring("--files=".length()));
                if (files < 1) {
                    throw new IllegalArgumentException("--files must be at least 1, was " + files);
                }
            } else if (arg.startsWith("--throttle=")) {
                throttle = Long.parseLong(arg.substring("--throttle=".length()));
            } else {
                size = parseSize(arg);
            }
        }
        int sinkBuffer = Integer.getInteger("bench.sinkBuffer", 16 * 1024);
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body then
        // waits for the client's delayed ACK, a cost of this sink and not of PyPI (measured on a 64 MiB wheel: the
        // client and token phase took 0.10 s per publish with Nagle on, 0.01 s with it off).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        if (files > 0) {
            manyFiles(root, size, files, runs, new Sink(sinkBuffer, 0, throttle), throttle, delete);
            return;
        }
        Path dir = root.resolve("pypi-publish-bench-" + size);
        Path wheel = dir.resolve(WHEEL);
        if (!Files.isRegularFile(wheel)) {
            long t0 = System.nanoTime();
            writeWheel(wheel, size);
            System.out.printf(Locale.ROOT, "Created %s (%d bytes) in %.1f s%n", wheel, Files.size(wheel),
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.println("Reusing " + wheel + " (" + Files.size(wheel) + " bytes)");
        }
        long fileSize = Files.size(wheel);

        Sink sink = new Sink(sinkBuffer, 0, throttle);
        try {
            if (uploadVariants != null) {
                uploadVariants(wheel, runs, sink, uploadVariants);
                return;
            }
            Result r = measure(wheel, fileSize, runs, sink, rawBaseline);
            print(r);
            if (digestBreakdown) {
                digestBreakdown(wheel, fileSize, runs);
            }
        } finally {
            sink.stop();
            if (delete) {
                Files.deleteIfExists(wheel);
                Files.deleteIfExists(dir);
                System.out.println("Deleted " + wheel);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Measurement

    record Result(long fileSize, int runs, double digestSeconds, double publishSeconds, double uploadSeconds,
            double prepareSeconds, double tokenSeconds, long sinkBytes, long sinkContentLength, double sinkCpuSeconds,
            double sinkSeconds, long digestPeakHeap, long publishPeakHeap, long baselineHeap,
            long publishAllocated, long digestAllocated, long sinkAllocated, long gcCount, long gcMillis,
            long hwmDigest, long hwmPublish, boolean hwmReset, long maxHeap, String gcNames, double rawSeconds,
            int digestClean, int digestRejected, int publishClean, int publishRejected, double digestCpu,
            double publishCpu) {}

    private static Result measure(Path wheel, long fileSize, int runs, Sink sink, boolean rawBaseline)
            throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();

        // (1) warm-up: gets the file into the page cache and the digest code compiled.
        FileDigests expected = new FileDigester().digest(wheel);
        if (expected.size() != fileSize) {
            throw new IllegalStateException("digested " + expected.size() + " bytes of a " + fileSize + "-byte file");
        }

        // (2) the digests alone, best of N.
        System.gc();
        long baselineHeap = heapUsed();
        resetPeaks();
        boolean hwmReset = resetHwm();
        double digestBest = Double.MAX_VALUE;
        double digestBestAny = Double.MAX_VALUE;
        double digestCpu = Double.MAX_VALUE;
        long digestAllocated = Long.MAX_VALUE;
        int digestClean = 0;
        int digestRejected = 0;
        for (int i = 0; digestClean < runs && i < runs * MAX_ATTEMPTS_FACTOR; i++) {
            waitForQuiet();
            double[] cpu0 = cpuSeconds();
            long a0 = threads.getThreadAllocatedBytes(me);
            long t0 = System.nanoTime();
            FileDigests d = new FileDigester().digest(wheel);
            double s = (System.nanoTime() - t0) / 1e9;
            digestAllocated = Math.min(digestAllocated, threads.getThreadAllocatedBytes(me) - a0);
            double[] cpu1 = cpuSeconds();
            if (!d.equals(expected)) {
                throw new IllegalStateException("digest changed between runs");
            }
            double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
            boolean clean = isClean(others, s);
            digestCpu = Math.min(digestCpu, cpu1[1] - cpu0[1]);
            System.out.printf(Locale.ROOT, "  digest  run %d: %.3f s (this JVM's CPU %.2f s, other processes' CPU"
                    + " %.2f s)%s%n", i + 1, s, cpu1[1] - cpu0[1], others, clean ? "" : "  REJECTED: machine busy");
            digestBestAny = Math.min(digestBestAny, s);
            if (clean) {
                digestClean++;
                digestBest = Math.min(digestBest, s);
            } else {
                digestRejected++;
            }
        }
        if (digestClean == 0) {
            digestBest = digestBestAny;
        }
        long digestPeak = heapPeak();
        long hwmDigest = hwmBytes();

        // (3) the full publish, best of N.
        System.gc();
        resetPeaks();
        hwmReset &= resetHwm();
        long gc0 = gcCount();
        long gcMs0 = gcMillis();
        double publishBest = Double.MAX_VALUE;
        double uploadBest = Double.MAX_VALUE;
        double prepareBest = Double.MAX_VALUE;
        double tokenBest = Double.MAX_VALUE;
        long publishAllocated = Long.MAX_VALUE;
        long sinkBytes = 0;
        long sinkLength = 0;
        double sinkCpu = Double.MAX_VALUE;
        double sinkWall = Double.MAX_VALUE;
        long sinkAllocated = Long.MAX_VALUE;
        Map<String, String> env = Map.of(
                "GITHUB_ACTIONS", "true",
                "ACTIONS_ID_TOKEN_REQUEST_URL", sink.base() + "/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "bench-request-token");
        // The sink takes any field order, as PyPI does; BENCH_HASH_WHILE_UPLOADING=false measures twine's order.
        boolean hashWhileUploading = !"false".equals(System.getenv("BENCH_HASH_WHILE_UPLOADING"));
        PublishRequest request = PublishRequest.builder(RepositoryUrl.parse(sink.base() + "/legacy/")
                        .withHashWhileUploading(hashWhileUploading), CiContext.of(env, null)).packagesDirectory(wheel.getParent()).build();
        PrintStream nullOut = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int publishClean = 0;
        int publishRejected = 0;
        double publishCpu = Double.MAX_VALUE;
        double publishBestAny = Double.MAX_VALUE;
        double uploadBestAny = Double.MAX_VALUE;
        double prepareBestAny = Double.MAX_VALUE;
        double tokenBestAny = Double.MAX_VALUE;
        for (int i = 0; publishClean < runs && i < runs * MAX_ATTEMPTS_FACTOR; i++) {
            TimedLog log = new TimedLog();
            Publisher publisher = new Publisher(log, nullOut, HttpSettings.defaults("bench"), Clock.systemUTC());
            sink.reset();
            waitForQuiet();
            double[] cpu0 = cpuSeconds();
            long a0 = threads.getThreadAllocatedBytes(me);
            long t0 = System.nanoTime();
            ReleaseReport published = publisher.publish(request);
            long t1 = System.nanoTime();
            publishAllocated = Math.min(publishAllocated, threads.getThreadAllocatedBytes(me) - a0);
            double[] cpu1 = cpuSeconds();
            if (published.files().size() != 1 || !published.files().get(0).outcome().equals("uploaded")) {
                throw new IllegalStateException("unexpected outcome " + published);
            }
            double s = (t1 - t0) / 1e9;
            double upload = (log.at("Uploaded ") - log.at("Uploading ")) / 1e9;
            // The line "  <filename>  <size> ... sha256 ..." is logged right after the file was hashed.
            double prepare = (log.at("  " + WHEEL) - t0) / 1e9;
            double token = (log.at("Uploading ") - log.at("  " + WHEEL)) / 1e9;
            double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
            boolean clean = isClean(others, s);
            publishCpu = Math.min(publishCpu, cpu1[1] - cpu0[1]);
            System.out.printf(Locale.ROOT, "  publish run %d: %.3f s (find+read+hash %.3f s, client+token %.3f s,"
                    + " upload %.3f s; sink read %d bytes, sink CPU %.3f s; this JVM's CPU %.2f s, other processes'"
                    + " CPU %.2f s)%s%n", i + 1, s, prepare, token, upload, sink.bytes.get(),
                    sink.cpuNanos.get() / 1e9, cpu1[1] - cpu0[1], others, clean ? "" : "  REJECTED: machine busy");
            if (clean) {
                publishClean++;
                if (s < publishBest) {
                    publishBest = s;
                    uploadBest = upload;
                    prepareBest = prepare;
                    tokenBest = token;
                }
            } else {
                publishRejected++;
            }
            if (s < publishBestAny) {
                publishBestAny = s;
                uploadBestAny = upload;
                prepareBestAny = prepare;
                tokenBestAny = token;
            }
            sinkBytes = sink.bytes.get();
            sinkLength = sink.contentLength.get();
            sinkCpu = Math.min(sinkCpu, sink.cpuNanos.get() / 1e9);
            sinkWall = Math.min(sinkWall, sink.wallNanos.get() / 1e9);
            sinkAllocated = Math.min(sinkAllocated, sink.allocated.get());
            if (sinkBytes != sinkLength || sinkBytes <= fileSize) {
                throw new IllegalStateException("the sink read " + sinkBytes + " bytes; Content-Length was "
                        + sinkLength + ", file size " + fileSize);
            }
        }
        if (publishClean == 0) {
            publishBest = publishBestAny;
            uploadBest = uploadBestAny;
            prepareBest = prepareBestAny;
            tokenBest = tokenBestAny;
        }
        long publishPeak = heapPeak();
        long hwmPublish = hwmBytes();
        long gcCount = gcCount() - gc0;
        long gcMs = gcMillis() - gcMs0;

        double raw = Double.NaN;
        if (rawBaseline) {
            raw = Double.MAX_VALUE;
            double rawAny = Double.MAX_VALUE;
            int clean = 0;
            for (int i = 0; clean < runs && i < runs * MAX_ATTEMPTS_FACTOR; i++) {
                sink.reset();
                waitForQuiet();
                double[] cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                rawPost(sink, wheel, fileSize);
                double s = (System.nanoTime() - t0) / 1e9;
                double[] cpu1 = cpuSeconds();
                double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
                boolean ok = isClean(others, s);
                System.out.printf(Locale.ROOT, "  raw socket POST run %d: %.3f s (sink CPU %.3f s; other processes'"
                        + " CPU %.2f s)%s%n", i + 1, s, sink.cpuNanos.get() / 1e9, others,
                        ok ? "" : "  REJECTED: machine busy");
                rawAny = Math.min(rawAny, s);
                if (ok) {
                    clean++;
                    raw = Math.min(raw, s);
                }
            }
            if (clean == 0) {
                raw = rawAny;
            }
        }
        String gcNames = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        return new Result(fileSize, runs, digestBest, publishBest, uploadBest, prepareBest, tokenBest, sinkBytes,
                sinkLength, sinkCpu, sinkWall, digestPeak, publishPeak, baselineHeap, publishAllocated, digestAllocated,
                sinkAllocated, gcCount, gcMs, hwmDigest, hwmPublish, hwmReset, Runtime.getRuntime().maxMemory(),
                gcNames, raw, digestClean, digestRejected, publishClean, publishRejected, digestCpu,
                publishCpu);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Many files at once

    /**
     * The {@code i}-th of many wheels of one release: distinct Python and platform tags, and a build number once
     * those run out, as a CI matrix builds them.
     */
    static String manyWheelName(int i) {
        String py = PYTHONS[i % PYTHONS.length];
        String platform = PLATFORMS[(i / PYTHONS.length) % PLATFORMS.length];
        return "bench_pkg-1.0.0-" + (i / (PYTHONS.length * PLATFORMS.length) + 1) + "-" + py + "-" + py + "-"
                + platform + ".whl";
    }

    private static void manyFiles(Path root, long size, int count, int runs, Sink sink, long throttle,
            boolean delete) throws Exception {
        // Its own directory: the publish takes every wheel in it, and the one-file benchmark's must not be among them.
        Path dir = root.resolve("pypi-publish-bench-" + count + "x" + size);
        List<Path> wheels = new ArrayList<>();
        long t0 = System.nanoTime();
        int created = 0;
        for (int i = 0; i < count; i++) {
            Path wheel = dir.resolve(manyWheelName(i));
            if (!Files.isRegularFile(wheel)) {
                writeWheel(wheel, size);
                created++;
            }
            wheels.add(wheel);
        }
        long total = 0;
        for (Path w : wheels) {
            total += Files.size(w);
        }
        System.out.printf(Locale.ROOT, "%s %d wheels in %s (%d bytes in all)%s%n", created == 0 ? "Reusing"
                : "Created " + created + " of", count, dir, total, created == 0 ? ""
                : String.format(Locale.ROOT, " in %.1f s", (System.nanoTime() - t0) / 1e9));
        // 4, the goal's default today, set explicitly so that the figure does not move with that default.
        int parallel = Integer.getInteger("bench.parallelUploads", 4);
        try {
            ManyResult r = measureMany(dir, wheels, total, runs, sink, parallel, throttle);
            printMany(r);
        } finally {
            sink.stop();
            if (delete) {
                for (Path w : wheels) {
                    Files.deleteIfExists(w);
                }
                Files.deleteIfExists(dir);
                System.out.println("Deleted " + count + " wheels in " + dir);
            }
        }
    }

    record ManyResult(int files, long totalSize, int parallel, long throttle, int runs, double digestSeconds,
            double publishSeconds, double uploadSeconds, long sinkBytes, long sinkContentLength, long maxConcurrent,
            long digestPeakHeap, long publishPeakHeap, long digestMomentHeap, long publishMomentHeap,
            long digestLiveHeap, long publishLiveHeap, long probedLiveHeap,
            long baselineHeap, long publishAllocated,
            long digestAllocated, long sinkAllocated, long gcCount, long gcMillis, long hwmDigest, long hwmPublish,
            boolean hwmReset, long maxHeap, String gcNames, int digestClean, int digestRejected, int publishClean,
            int publishRejected, double digestCpu, double publishCpu) {}

    private static ManyResult measureMany(Path dir, List<Path> wheels, long totalSize, int runs, Sink sink,
            int parallel, long throttle) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();

        // (1) warm-up, as for one file; the page cache has to hold all of them for the runs to compare.
        List<FileDigests> expected = new ArrayList<>();
        for (Path w : wheels) {
            expected.add(new FileDigester().digest(w));
        }

        // (2) the digests of all files one after the other, best of N.
        System.gc();
        long baselineHeap = heapUsed();
        LiveHeap live = LiveHeap.start();
        resetPeaks();
        boolean hwmReset = resetHwm();
        double digestBest = Double.MAX_VALUE;
        double digestBestAny = Double.MAX_VALUE;
        double digestCpu = Double.MAX_VALUE;
        long digestAllocated = Long.MAX_VALUE;
        int digestClean = 0;
        int digestRejected = 0;
        for (int i = 0; digestClean < runs && i < runs * MAX_ATTEMPTS_FACTOR; i++) {
            waitForQuiet();
            double[] cpu0 = cpuSeconds();
            long a0 = threads.getThreadAllocatedBytes(me);
            long t0 = System.nanoTime();
            for (int f = 0; f < wheels.size(); f++) {
                if (!new FileDigester().digest(wheels.get(f)).equals(expected.get(f))) {
                    throw new IllegalStateException("digest of " + wheels.get(f) + " changed between runs");
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            digestAllocated = Math.min(digestAllocated, threads.getThreadAllocatedBytes(me) - a0);
            double[] cpu1 = cpuSeconds();
            double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
            boolean clean = isClean(others, s);
            digestCpu = Math.min(digestCpu, cpu1[1] - cpu0[1]);
            System.out.printf(Locale.ROOT, "  digest  run %d: %.3f s for %d files (this JVM's CPU %.2f s, other"
                    + " processes' CPU %.2f s)%s%n", i + 1, s, wheels.size(), cpu1[1] - cpu0[1], others,
                    clean ? "" : "  REJECTED: machine busy");
            digestBestAny = Math.min(digestBestAny, s);
            if (clean) {
                digestClean++;
                digestBest = Math.min(digestBest, s);
            } else {
                digestRejected++;
            }
        }
        if (digestClean == 0) {
            digestBest = digestBestAny;
        }
        long digestPeak = heapPeak();
        long hwmDigest = hwmBytes();
        long digestMoment = live.maxBeforeAndReset();
        long digestLive = live.maxAndReset();

        // (3) one publish of all files, best of N.
        System.gc();
        live.maxBeforeAndReset(); // not the explicit GC's
        live.maxAndReset();
        resetPeaks();
        hwmReset &= resetHwm();
        long gc0 = gcCount();
        long gcMs0 = gcMillis();
        Map<String, String> env = Map.of(
                "GITHUB_ACTIONS", "true",
                "ACTIONS_ID_TOKEN_REQUEST_URL", sink.base() + "/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "bench-request-token");
        boolean hashWhileUploading = !"false".equals(System.getenv("BENCH_HASH_WHILE_UPLOADING"));
        PublishRequest request = PublishRequest.builder(RepositoryUrl.parse(sink.base() + "/legacy/")
                        .withHashWhileUploading(hashWhileUploading), CiContext.of(env, null))
                .packagesDirectory(dir).parallelUploads(parallel).build();
        PrintStream nullOut = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        double publishBest = Double.MAX_VALUE;
        double uploadBest = Double.MAX_VALUE;
        double publishBestAny = Double.MAX_VALUE;
        double uploadBestAny = Double.MAX_VALUE;
        double publishCpu = Double.MAX_VALUE;
        long publishAllocated = Long.MAX_VALUE;
        long sinkAllocated = Long.MAX_VALUE;
        long sinkBytes = 0;
        long sinkLength = 0;
        long maxConcurrent = Long.MAX_VALUE;
        int publishClean = 0;
        int publishRejected = 0;
        for (int i = 0; publishClean < runs && i < runs * MAX_ATTEMPTS_FACTOR; i++) {
            TimedLog log = new TimedLog();
            Publisher publisher = new Publisher(log, nullOut, HttpSettings.defaults("bench"), Clock.systemUTC());
            sink.reset();
            waitForQuiet();
            double[] cpu0 = cpuSeconds();
            long a0 = threads.getThreadAllocatedBytes(me);
            UploadThreadAllocation uploadThreads = UploadThreadAllocation.start();
            long t0 = System.nanoTime();
            ReleaseReport published;
            try {
                published = publisher.publish(request);
            } finally {
                uploadThreads.stop();
            }
            long t1 = System.nanoTime();
            long allocated = threads.getThreadAllocatedBytes(me) - a0 + uploadThreads.bytes();
            double[] cpu1 = cpuSeconds();
            long uploaded = published.files().stream().filter(f -> f.outcome().equals("uploaded")).count();
            if (published.files().size() != wheels.size() || uploaded != wheels.size()) {
                throw new IllegalStateException("expected " + wheels.size() + " files uploaded, got " + published);
            }
            if (sink.totalUploads.get() != wheels.size() || sink.totalBytes.get() != sink.totalContentLength.get()
                    || sink.totalBytes.get() <= totalSize) {
                throw new IllegalStateException("the sink read " + sink.totalUploads.get() + " uploads of "
                        + sink.totalBytes.get() + " bytes; their Content-Lengths sum to "
                        + sink.totalContentLength.get() + "; expected " + wheels.size() + " uploads of more than "
                        + totalSize + " bytes (the files)");
            }
            double s = (t1 - t0) / 1e9;
            double upload = (log.last("Uploaded ") - log.at("Uploading ")) / 1e9;
            double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
            boolean clean = isClean(others, s);
            System.out.printf(Locale.ROOT, "  publish run %d: %.3f s (first Uploading..last Uploaded %.3f s; sink"
                    + " read %d uploads, %d bytes, at most %d at once; this JVM's CPU %.2f s, other processes' CPU"
                    + " %.2f s)%s%n", i + 1, s, upload, sink.totalUploads.get(), sink.totalBytes.get(),
                    sink.maxConcurrent.get(), cpu1[1] - cpu0[1], others, clean ? "" : "  REJECTED: machine busy");
            publishCpu = Math.min(publishCpu, cpu1[1] - cpu0[1]);
            publishAllocated = Math.min(publishAllocated, allocated);
            sinkAllocated = Math.min(sinkAllocated, sink.totalAllocated.get());
            maxConcurrent = Math.min(maxConcurrent, sink.maxConcurrent.get());
            sinkBytes = sink.totalBytes.get();
            sinkLength = sink.totalContentLength.get();
            if (clean) {
                publishClean++;
                if (s < publishBest) {
                    publishBest = s;
                    uploadBest = upload;
                }
            } else {
                publishRejected++;
            }
            if (s < publishBestAny) {
                publishBestAny = s;
                uploadBestAny = upload;
            }
        }
        if (publishClean == 0) {
            publishBest = publishBestAny;
            uploadBest = uploadBestAny;
        }
        long publishPeak = heapPeak();
        long hwmPublish = hwmBytes();
        long gcCount = gcCount() - gc0;
        long gcMs = gcMillis() - gcMs0;
        long publishMoment = live.maxBeforeAndReset();
        long publishLive = live.maxAndReset();
        live.stop();
        long probedLive = probeLiveHeap(request, sink, Math.min(parallel, wheels.size()));
        String gcNames = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        return new ManyResult(wheels.size(), totalSize, parallel, throttle, runs, digestBest, publishBest,
                uploadBest, sinkBytes, sinkLength, maxConcurrent, digestPeak, publishPeak, digestMoment, publishMoment,
                digestLive, publishLive, probedLive,
                baselineHeap,
                publishAllocated, digestAllocated, sinkAllocated, gcCount, gcMs, hwmDigest,
                hwmPublish, hwmReset, Runtime.getRuntime().maxMemory(), gcNames, digestClean, digestRejected,
                publishClean, publishRejected, digestCpu, publishCpu);
    }

    /**
     * What the publisher's upload threads ({@code pypi-upload-N}) allocate: sampled every 20 ms, since the threads
     * end with the publish and a thread's count goes with it (JDK 17 has no total over all threads). The last 20 ms
     * of each thread are missed; it then only reads the answer.
     */
    private static final class UploadThreadAllocation implements Runnable {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> latest = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread sampler = new Thread(this, "bench-allocation-sampler");
        private volatile boolean running = true;

        static UploadThreadAllocation start() {
            UploadThreadAllocation a = new UploadThreadAllocation();
            a.sampler.setDaemon(true);
            a.sampler.start();
            return a;
        }

        @Override
        public void run() {
            // A fixed array: enumerating threads this way allocates nothing per sample.
            Thread[] all = new Thread[256];
            while (running) {
                int n = Thread.enumerate(all);
                for (int i = 0; i < n; i++) {
                    if (all[i].getName().startsWith("pypi-upload-")) {
                        long b = threads.getThreadAllocatedBytes(all[i].getId());
                        if (b > 0) {
                            latest.merge(all[i].getId(), b, Math::max);
                        }
                    }
                    all[i] = null;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long bytes() {
            return latest.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String liveRow(long bytes) {
        return bytes < 0 ? "no GC during these runs" : String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    /**
     * The live heap while uploads are in flight: during one more (untimed) publish, a full GC whenever the sink is
     * reading {@code inFlight} uploads at once (at most every 200 ms), and the heap used after it, the most of them;
     * -1 when that many never overlapped.
     */
    private static long probeLiveHeap(PublishRequest request, Sink sink, int inFlight) throws Exception {
        PrintStream nullOut = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Publisher publisher = new Publisher(new TimedLog(), nullOut, HttpSettings.defaults("bench"),
                Clock.systemUTC());
        AtomicLong most = new AtomicLong(-1);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            try {
                while (running.get()) {
                    if (sink.concurrent.get() >= inFlight) {
                        System.gc();
                        most.accumulateAndGet(heapUsed(), Math::max);
                        Thread.sleep(200);
                    } else {
                        Thread.sleep(5);
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "bench-live-heap-probe");
        probe.setDaemon(true);
        sink.reset();
        probe.start();
        try {
            publisher.publish(request);
        } finally {
            running.set(false);
            probe.join();
        }
        return most.get();
    }

    /**
     * The most heap in use right after a GC, over the GCs since the last {@link #maxAndReset()}: a bound on what
     * was live, whereas the peak of the pools also counts the garbage G1 let pile up in an eden it may grow to
     * 60% of the heap.
     */
    private static final class LiveHeap implements javax.management.NotificationListener {
        private final AtomicLong max = new AtomicLong(-1);
        private final AtomicLong maxBefore = new AtomicLong(-1);
        private final List<String> heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).toList();

        static LiveHeap start() {
            LiveHeap l = new LiveHeap();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener(l, null, null);
                }
            }
            return l;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info =
                    com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
            max.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
            maxBefore.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        }

        private long heapOf(Map<String, java.lang.management.MemoryUsage> pools) {
            long used = 0;
            for (Map.Entry<String, java.lang.management.MemoryUsage> e : pools.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            return used;
        }

        /**
         * The most heap in use at one moment since the last call: the heap only grows between GCs, so its highs
         * are just before one, or now. The pools' own peaks, summed, can exceed it, even the heap's maximum: each
         * pool peaks at its own moment.
         */
        long maxBeforeAndReset() throws InterruptedException {
            Thread.sleep(200);
            return Math.max(maxBefore.getAndSet(-1), heapUsed());
        }

        /** -1 when no GC ended since the last call. */
        long maxAndReset() throws InterruptedException {
            Thread.sleep(200); // the notifications come on a JVM service thread, a moment after the GC
            return max.getAndSet(-1);
        }

        void stop() throws javax.management.ListenerNotFoundException {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.removeNotificationListener(this);
                }
            }
        }
    }

    private static void printMany(ManyResult r) {
        double mib = r.totalSize / MIB;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %s%n", "JVM", System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, GC " + r.gcNames);
        row("files", String.format(Locale.ROOT, "%d wheels, %d bytes in all (%.1f MiB)", r.files, r.totalSize, mib));
        row("pypi.parallelUploads", String.valueOf(r.parallel));
        row("sink reads each upload at most", r.throttle > 0
                ? String.format(Locale.ROOT, "%.1f MB/s", r.throttle / 1e6) : "unthrottled");
        row("digest only, all files in turn (" + best(r.digestClean, r.digestRejected) + ")",
                String.format(Locale.ROOT, "%.3f s  %.0f MiB/s", r.digestSeconds, mib / r.digestSeconds));
        row("publish (" + best(r.publishClean, r.publishRejected) + ")",
                String.format(Locale.ROOT, "%.3f s  %.0f MiB/s", r.publishSeconds, mib / r.publishSeconds));
        row("  of which first Uploading..last Uploaded", String.format(Locale.ROOT, "%.3f s  %.0f MiB/s",
                r.uploadSeconds, mib / r.uploadSeconds));
        row("ratio publish / digest", String.format(Locale.ROOT, "%.2f", r.publishSeconds / r.digestSeconds));
        row("process CPU: digest / publish (least)", String.format(Locale.ROOT, "%.2f s / %.2f s", r.digestCpu,
                r.publishCpu));
        row("bytes received by sink (all uploads)", String.format(Locale.ROOT, "%d (Content-Lengths %d, files + %d,"
                + " %d per file)", r.sinkBytes, r.sinkContentLength, r.sinkBytes - r.totalSize,
                (r.sinkBytes - r.totalSize) / r.files));
        row("uploads read by the sink at once (most)", String.valueOf(r.maxConcurrent));
        row("heap used after GC, before runs", String.format(Locale.ROOT, "%.1f MiB", r.baselineHeap / MIB));
        row("peak heap, digest runs", String.format(Locale.ROOT, "%.1f MiB", r.digestPeakHeap / MIB));
        row("peak heap, publish runs", String.format(Locale.ROOT, "%.1f MiB", r.publishPeakHeap / MIB));
        row("peak heap at one moment, digest runs", String.format(Locale.ROOT, "%.1f MiB",
                r.digestMomentHeap / MIB));
        row("peak heap at one moment, publish runs", String.format(Locale.ROOT, "%.1f MiB",
                r.publishMomentHeap / MIB));
        row("heap after a GC (most), digest runs", liveRow(r.digestLiveHeap));
        row("heap after a GC (most), publish runs", liveRow(r.publishLiveHeap));
        row("live heap, " + Math.min(r.parallel, r.files) + " uploads in flight (full GC)", r.probedLiveHeap < 0
                ? "not measured: the uploads never overlapped" : String.format(Locale.ROOT, "%.1f MiB",
                r.probedLiveHeap / MIB));
        row("allocated per digest of all (main thread)", String.format(Locale.ROOT, "%.2f MiB",
                r.digestAllocated / MIB));
        row("allocated per publish (main + upload threads)", String.format(Locale.ROOT, "%.2f MiB",
                r.publishAllocated / MIB));
        row("allocated per publish (sink threads)", String.format(Locale.ROOT, "%.2f MiB", r.sinkAllocated / MIB));
        row("GCs during publish runs", String.format(Locale.ROOT, "%d (%d ms)", r.gcCount, r.gcMillis));
        row("VmHWM, digest runs" + (r.hwmReset ? "" : " (cumulative)"),
                String.format(Locale.ROOT, "%.1f MiB", r.hwmDigest / MIB));
        row("VmHWM, publish runs" + (r.hwmReset ? "" : " (cumulative)"),
                String.format(Locale.ROOT, "%.1f MiB", r.hwmPublish / MIB));
        row("JVM max heap", String.format(Locale.ROOT, "%.1f MiB", r.maxHeap / MIB));
        System.out.printf(Locale.ROOT, "RESULT_MANY files=%d total_size=%d parallel=%d throttle=%d digest_s=%.3f"
                + " publish_s=%.3f upload_s=%.3f ratio=%.3f sink_bytes=%d max_concurrent=%d peak_heap_mib=%.1f"
                + " moment_heap_mib=%.1f after_gc_heap_mib=%.1f live_heap_mib=%.1f hwm_mib=%.1f max_heap_mib=%.1f clean=%d/%d,%d/%d%n", r.files, r.totalSize,
                r.parallel, r.throttle, r.digestSeconds, r.publishSeconds, r.uploadSeconds,
                r.publishSeconds / r.digestSeconds, r.sinkBytes, r.maxConcurrent, r.publishPeakHeap / MIB,
                r.publishMomentHeap / MIB, r.publishLiveHeap < 0 ? Double.NaN : r.publishLiveHeap / MIB,
                r.probedLiveHeap < 0 ? Double.NaN : r.probedLiveHeap / MIB, r.hwmPublish / MIB, r.maxHeap / MIB,
                r.digestClean, r.digestClean + r.digestRejected, r.publishClean, r.publishClean + r.publishRejected);
    }

    /**
     * Diagnostic A/B test of the upload alone (a fresh HTTP client and one multipart POST per run, as in a publish):
     * {@code spec} is {@code name:key=value,key=value;name:...}, system properties set before each run of that
     * variant. The variants take turns, {@code rounds} times, so that a drift of the machine hits all of them alike.
     */
    private static void uploadVariants(Path wheel, int rounds, Sink sink, String spec) throws Exception {
        record Variant(String name, Map<String, String> properties, List<Double> seconds) {}
        List<Variant> variants = new ArrayList<>();
        for (String v : spec.split(";")) {
            String[] nameAndProps = v.split(":", 2);
            Map<String, String> props = new java.util.LinkedHashMap<>();
            if (nameAndProps.length > 1 && !nameAndProps[1].isBlank()) {
                for (String kv : nameAndProps[1].split(",")) {
                    String[] p = kv.split("=", 2);
                    props.put(p[0].trim(), p[1].trim());
                }
            }
            variants.add(new Variant(nameAndProps[0].trim(), props, new ArrayList<>()));
        }
        io.github.yogs0ddhoth.pypi.distribution.Distribution dist = new io.github.yogs0ddhoth.pypi.distribution.DistributionFinder()
                .discover(wheel.getParent(), List.of("**/*.whl"), List.of()).distributions().get(0);
        io.github.yogs0ddhoth.pypi.upload.UploadForm form =
                io.github.yogs0ddhoth.pypi.upload.UploadForm.of(dist, new FileDigester().digest(wheel));
        RepositoryUrl repository = RepositoryUrl.parse(sink.base() + "/legacy/");
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms up
            for (Variant v : variants) {
                v.properties().forEach(System::setProperty);
                try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
                        io.github.yogs0ddhoth.pypi.http.HttpClientFactory.create(HttpSettings.defaults("bench"))) {
                    io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient upload =
                            new io.github.yogs0ddhoth.pypi.upload.LegacyUploadClient(repository,
                                    new io.github.yogs0ddhoth.pypi.http.TextExchange(client));
                    sink.reset();
                    waitForQuiet();
                    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    double[] cpu0 = cpuSeconds();
                    long user0 = threads.getCurrentThreadUserTime();
                    long all0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    upload.upload(form, "pypi-bench-token-0123456789", (sent, total) -> {});
                    double s = (System.nanoTime() - t0) / 1e9;
                    double user = (threads.getCurrentThreadUserTime() - user0) / 1e9;
                    double kernel = (threads.getCurrentThreadCpuTime() - all0) / 1e9 - user;
                    double[] cpu1 = cpuSeconds();
                    double others = (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]);
                    boolean clean = isClean(others, s);
                    System.out.printf(Locale.ROOT, "  round %d %-12s %.3f s (uploading thread: user %.2f s, kernel %.2f"
                            + " s; sink thread %.2f s; JVM CPU %.2f s; other processes' CPU %.2f s)%s%n", round,
                            v.name(), s, user, kernel, sink.cpuNanos.get() / 1e9, cpu1[1] - cpu0[1], others,
                            round == 0 ? "  warm-up" : clean ? "" : "  REJECTED");
                    if (round > 0 && clean) {
                        v.seconds().add(s);
                    }
                } finally {
                    v.properties().keySet().forEach(System::clearProperty);
                }
            }
        }
        double mib = form.size() / MIB;
        for (Variant v : variants) {
            List<Double> sorted = v.seconds().stream().sorted().toList();
            if (sorted.isEmpty()) {
                row("upload " + v.name(), "no clean runs");
                continue;
            }
            double median = sorted.get(sorted.size() / 2);
            row("upload " + v.name() + " " + v.properties(), String.format(Locale.ROOT,
                    "best %.3f s (%.0f MiB/s), median %.3f s (%.0f MiB/s), %d clean runs", sorted.get(0),
                    mib / sorted.get(0), median, mib / median, sorted.size()));
        }
    }

    /**
     * Diagnostic: FileDigester again (after the publish runs, to show whether the JVM's state changed), then each
     * digest alone, and a plain read, with FileDigester's 1 MiB buffer.
     */
    private static void digestBreakdown(Path file, long size, int runs) throws IOException, InterruptedException {
        double again = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            waitForQuiet();
            long t0 = System.nanoTime();
            new FileDigester().digest(file);
            again = Math.min(again, (System.nanoTime() - t0) / 1e9);
        }
        row("FileDigester again, after publishing (best of " + runs + ")", String.format(Locale.ROOT,
                "%.3f s  %.0f MiB/s", again, size / MIB / again));
        MessageDigest sha = sha256();
        io.github.yogs0ddhoth.pypi.distribution.Blake2b blake = new io.github.yogs0ddhoth.pypi.distribution.Blake2b(32);
        String[] names = {"read only (1 MiB buffer)", "SHA-256 only", "BLAKE2b-256 only"};
        byte[] buffer = new byte[FileDigester.DEFAULT_BUFFER_BYTES];
        for (int which = 0; which < names.length; which++) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                waitForQuiet();
                sha.reset();
                blake.reset();
                long t0 = System.nanoTime();
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer b = ByteBuffer.wrap(buffer);
                    int n;
                    while ((n = channel.read(b.clear())) > 0) {
                        if (which == 1) {
                            sha.update(buffer, 0, n);
                        } else if (which == 2) {
                            blake.update(buffer, 0, n);
                        }
                    }
                }
                sha.digest();
                blake.digest();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            row(names[which] + " (best of " + runs + ")", String.format(Locale.ROOT, "%.3f s  %.0f MiB/s", best,
                    size / MIB / best));
        }
    }

    /**
     * Diagnostic: the same bytes count (the file) sent to the same sink over a plain socket with 256 KiB writes, no
     * HTTP client: how fast loopback plus this sink can go.
     */
    private static void rawPost(Sink sink, Path file, long size) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /legacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[256 * 1024];
            ByteBuffer b = ByteBuffer.wrap(chunk);
            int n;
            while ((n = channel.read(b.clear())) > 0) {
                out.write(chunk, 0, n);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(12);
            String status = new String(reply, StandardCharsets.US_ASCII);
            if (!status.endsWith("200")) {
                throw new IOException("raw POST answered " + status);
            }
        }
    }

    /**
     * {busy CPU seconds of the whole machine, CPU seconds of this process} from /proc: their difference over a run is
     * what other processes took, which on a shared machine explains an outlier.
     */
    private static double[] cpuSeconds() {
        try {
            String[] all = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // user, nice, system, steal; not irq and softirq, where the kernel may account this JVM's own
            // loopback traffic
            for (int i : new int[] {1, 2, 3, 8}) {
                busy += Long.parseLong(all[i]);
            }
            String self = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long mine = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime stime
            return new double[] {busy / 100.0, mine / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** Waits (at most {@code bench.quietWaitSeconds}) for a 1 s window in which other processes used < 0.05 CPU. */
    private static void waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WAIT_SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double[] a = cpuSeconds();
            Thread.sleep(1000);
            double[] b = cpuSeconds();
            double others = (b[0] - a[0]) - (b[1] - a[1]);
            if (Double.isNaN(others) || others < 0.05) {
                double waited = (System.nanoTime() - start) / 1e9;
                if (waited > 1.5) {
                    System.out.printf(Locale.ROOT, "  (waited %.0f s for other processes to go idle)%n", waited);
                }
                return;
            }
        }
        System.out.printf(Locale.ROOT, "  (other processes stayed busy for %d s; running anyway)%n",
                QUIET_WAIT_SECONDS);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum over the heap pools of each pool's peak used bytes since the last reset. */
    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Peak resident set size of this process ({@code VmHWM}), or -1 where /proc is missing. */
    private static long hwmBytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return -1;
    }

    /** Linux resets VmHWM to the current RSS when "5" is written to clear_refs; false where that is refused. */
    private static boolean resetHwm() {
        try {
            Files.writeString(Paths.get("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void print(Result r) {
        double mib = r.fileSize / MIB;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %s%n", "JVM", System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, GC " + r.gcNames);
        row("file size", String.format(Locale.ROOT, "%d bytes (%.1f MiB)", r.fileSize, mib));
        row("digest only (" + best(r.digestClean, r.digestRejected) + ")",
                String.format(Locale.ROOT, "%.3f s  %.0f MiB/s", r.digestSeconds, mib / r.digestSeconds));
        row("publish (" + best(r.publishClean, r.publishRejected) + ")",
                String.format(Locale.ROOT, "%.3f s  %.0f MiB/s", r.publishSeconds, mib / r.publishSeconds));
        row("  of which find+read+hash", String.format(Locale.ROOT, "%.3f s", r.prepareSeconds));
        row("  of which HTTP client + ID token + mint", String.format(Locale.ROOT, "%.3f s", r.tokenSeconds));
        row("  of which upload (Uploading..Uploaded)", String.format(Locale.ROOT, "%.3f s  %.0f MiB/s",
                r.uploadSeconds, mib / r.uploadSeconds));
        row("ratio publish / digest", String.format(Locale.ROOT, "%.2f  (target <= 1.50: %s)",
                r.publishSeconds / r.digestSeconds, r.publishSeconds / r.digestSeconds <= 1.5 ? "PASS" : "FAIL"));
        row("process CPU: digest / publish (least)", String.format(Locale.ROOT, "%.2f s / %.2f s", r.digestCpu,
                r.publishCpu));
        row("bytes received by sink", String.format(Locale.ROOT, "%d (Content-Length %d, file + %d)",
                r.sinkBytes, r.sinkContentLength, r.sinkBytes - r.fileSize));
        row("sink handler wall / CPU (best)", String.format(Locale.ROOT, "%.3f s / %.3f s",
                r.sinkSeconds, r.sinkCpuSeconds));
        if (!Double.isNaN(r.rawSeconds)) {
            row("raw socket POST of the file (best)", String.format(Locale.ROOT, "%.3f s  %.0f MiB/s",
                    r.rawSeconds, mib / r.rawSeconds));
        }
        row("heap used after GC, before runs", String.format(Locale.ROOT, "%.1f MiB", r.baselineHeap / MIB));
        row("peak heap, digest runs", String.format(Locale.ROOT, "%.1f MiB", r.digestPeakHeap / MIB));
        row("peak heap, publish runs", String.format(Locale.ROOT, "%.1f MiB", r.publishPeakHeap / MIB));
        row("allocated per digest (main thread)", String.format(Locale.ROOT, "%.2f MiB", r.digestAllocated / MIB));
        row("allocated per publish (main thread)", String.format(Locale.ROOT, "%.2f MiB", r.publishAllocated / MIB));
        row("allocated per upload (sink thread)", String.format(Locale.ROOT, "%.2f MiB", r.sinkAllocated / MIB));
        row("GCs during publish runs", String.format(Locale.ROOT, "%d (%d ms)", r.gcCount, r.gcMillis));
        row("VmHWM, digest runs" + (r.hwmReset ? "" : " (cumulative)"),
                String.format(Locale.ROOT, "%.1f MiB", r.hwmDigest / MIB));
        row("VmHWM, publish runs" + (r.hwmReset ? "" : " (cumulative)"),
                String.format(Locale.ROOT, "%.1f MiB", r.hwmPublish / MIB));
        row("JVM max heap", String.format(Locale.ROOT, "%.1f MiB", r.maxHeap / MIB));
        System.out.printf(Locale.ROOT, "RESULT size=%d digest_s=%.3f publish_s=%.3f upload_s=%.3f ratio=%.3f"
                + " sink_bytes=%d peak_heap_mib=%.1f hwm_mib=%.1f max_heap_mib=%.1f clean=%d/%d,%d/%d%n", r.fileSize,
                r.digestSeconds, r.publishSeconds, r.uploadSeconds, r.publishSeconds / r.digestSeconds, r.sinkBytes,
                r.publishPeakHeap / MIB, r.hwmPublish / MIB, r.maxHeap / MIB, r.digestClean,
                r.digestClean + r.digestRejected, r.publishClean, r.publishClean + r.publishRejected);
    }

    private static String best(int clean, int rejected) {
        return clean == 0 ? "best of " + rejected + ", ALL on a busy machine"
                : "best of " + clean + (rejected == 0 ? "" : ", " + rejected + " busy runs rejected");
    }

    /**
     * A run counts when other processes took at most {@code bench.maxOtherCpu} (default 0.1) of one CPU on average:
     * on a shared 2-CPU machine a busy neighbour can double a run's time.
     */
    private static boolean isClean(double othersCpuSeconds, double wallSeconds) {
        return Double.isNaN(othersCpuSeconds) || othersCpuSeconds <= MAX_OTHER_CPU * wallSeconds;
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "%-44s %s%n", name, value);
    }

    static long parseSize(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("ib")) {
            v = v.substring(0, v.length() - 2);
        }
        switch (v.charAt(v.length() - 1)) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> {
                return Long.parseLong(v);
            }
        }
        return Long.parseLong(v.substring(0, v.length() - 1)) * unit;
    }

    /** Keeps the time each line was logged, so the upload can be timed apart from the rest. */
    private static final class TimedLog implements PublishLog {
        private final List<long[]> times = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();

        // Parallel uploads log from their own threads.
        private synchronized void add(String m) {
            times.add(new long[] {System.nanoTime()});
            lines.add(m);
        }

        synchronized long at(String prefix) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return times.get(i)[0];
                }
            }
            throw new IllegalStateException("no line starting with '" + prefix + "' in " + lines);
        }

        /** When the last line starting with {@code prefix} was logged. */
        synchronized long last(String prefix) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(prefix)) {
                    return times.get(i)[0];
                }
            }
            throw new IllegalStateException("no line starting with '" + prefix + "' in " + lines);
        }

        @Override
        public void debug(String message) {
            add(message);
        }

        @Override
        public void info(String message) {
            add(message);
        }

        @Override
        public void warn(String message) {
            add(message);
        }

        @Override
        public void error(String message) {
            add(message);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The loopback sink

    /** PyPI's and GitHub's endpoints on 127.0.0.1; the upload is read and thrown away. */
    static final class Sink {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong contentLength = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();
        final AtomicLong wallNanos = new AtomicLong();
        final AtomicLong allocated = new AtomicLong();
        /** Uploads read to the end since the sink started, whatever {@link #reset()} does. */
        final AtomicLong uploads = new AtomicLong();
        // The fields above describe the last upload; these sum or span every upload since reset(), for many files.
        final AtomicLong totalBytes = new AtomicLong();
        final AtomicLong totalContentLength = new AtomicLong();
        final AtomicLong totalAllocated = new AtomicLong();
        final AtomicLong totalUploads = new AtomicLong();
        /** The most uploads being read at the same moment: shows whether parallel uploads did overlap. */
        final AtomicLong maxConcurrent = new AtomicLong();
        /** Uploads being read now. */
        final AtomicLong concurrent = new AtomicLong();
        private final HttpServer server;
        private final ExecutorService executor;
        private final int bufferSize;
        /** Each upload connection is read at most this fast (bytes per second); 0 for as fast as it comes. */
        private final long throttle;

        Sink(int bufferSize) throws IOException {
            this(bufferSize, 0, 0);
        }

        /**
         * @param port     0 for any free port
         * @param throttle each upload is read at most this fast (bytes per second), like a link whose every TCP
         *                 stream is capped; 0 for no limit
         */
        Sink(int bufferSize, int port, long throttle) throws IOException {
            this.bufferSize = bufferSize;
            this.throttle = throttle;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            // Room for parallel uploads (up to 16) besides the token exchanges and lookups.
            executor = Executors.newFixedThreadPool(24, r -> {
                Thread t = new Thread(r, "bench-sink");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            String jwt = Jwts.gitHubJwt("bench-jti-0001");
            server.createContext("/idtoken", ex -> json(ex, 200, "{\"value\":\"" + jwt + "\"}"));
            server.createContext("/_/oidc/audience", ex -> json(ex, 200, "{\"audience\":\"pypi\"}"));
            server.createContext("/_/oidc/mint-token", ex -> {
                drain(ex.getRequestBody(), new byte[4096]);
                json(ex, 200, "{\"success\":true,\"token\":\"pypi-bench-token-0123456789\",\"expires\":"
                        + (Instant.now().getEpochSecond() + 900) + "}");
            });
            server.createContext("/legacy/", this::upload);
            // The simple index: the root exists and no project is known yet, as for a first release.
            server.createContext("/simple/", ex -> {
                drain(ex.getRequestBody(), new byte[4096]);
                if (ex.getRequestURI().getPath().equals("/simple/")) {
                    ex.getResponseHeaders().set("Content-Type", "application/vnd.pypi.simple.v1+json");
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(404, -1);
                }
                ex.close();
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + port();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void reset() {
            bytes.set(0);
            contentLength.set(-1);
            cpuNanos.set(0);
            wallNanos.set(0);
            allocated.set(0);
            totalBytes.set(0);
            totalContentLength.set(0);
            totalAllocated.set(0);
            totalUploads.set(0);
            maxConcurrent.set(0);
        }

        private void upload(HttpExchange ex) throws IOException {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            long a0 = threads.getThreadAllocatedBytes(tid);
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            String declared = ex.getRequestHeaders().getFirst("Content-Length");
            long length = declared == null ? -1 : Long.parseLong(declared);
            contentLength.set(length);
            long n;
            try {
                n = throttle > 0 ? drainThrottled(ex.getRequestBody(), new byte[bufferSize], throttle)
                        : drain(ex.getRequestBody(), new byte[bufferSize]);
            } finally {
                concurrent.decrementAndGet();
            }
            bytes.set(n);
            uploads.incrementAndGet();
            cpuNanos.set(threads.getCurrentThreadCpuTime() - c0);
            wallNanos.set(System.nanoTime() - w0);
            long alloc = threads.getThreadAllocatedBytes(tid) - a0;
            allocated.set(alloc);
            totalBytes.addAndGet(n);
            totalContentLength.addAndGet(length);
            totalAllocated.addAndGet(alloc);
            totalUploads.incrementAndGet();
            json(ex, 200, "{\"ok\":true}");
        }

        /** Reads no faster than {@code bytesPerSecond}: sleeps whenever it is ahead of that pace. */
        private static long drainThrottled(InputStream in, byte[] buffer, long bytesPerSecond) throws IOException {
            long start = System.nanoTime();
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                long due = start + (long) (total * 1e9 / bytesPerSecond);
                long ahead = due - System.nanoTime();
                if (ahead > 0) {
                    try {
                        Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
            }
            in.close();
            return total;
        }

        private static long drain(InputStream in, byte[] buffer) throws IOException {
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
            }
            in.close();
            return total;
        }

        private static void json(HttpExchange ex, int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }

        void stop() throws InterruptedException {
            server.stop(0);
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The wheel

    /**
     * Writes a valid wheel with one STORED entry of {@code dataSize} pseudo-random bytes, never holding it in memory:
     * a STORED entry needs its size and CRC before its data, so a first pass over the generated bytes computes the
     * CRC-32 (and the SHA-256 RECORD lists), and the second pass regenerates the same bytes from the seed and writes
     * them.
     */
    static void writeWheel(Path wheel, long dataSize) throws IOException {
        Files.createDirectories(wheel.getParent());
        CRC32 crc = new CRC32();
        MessageDigest sha = sha256();
        byte[] chunk = new byte[GEN_CHUNK];
        Generator gen = new Generator(SEED);
        for (long left = dataSize; left > 0; ) {
            int n = (int) Math.min(chunk.length, left);
            gen.fill(chunk, n);
            crc.update(chunk, 0, n);
            sha.update(chunk, 0, n);
            left -= n;
        }
        String dataHash = recordHash(sha.digest());

        byte[] init = "\"\"\"Benchmark payload.\"\"\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] metadata = ("Metadata-Version: 2.1\nName: bench_pkg\nVersion: 1.0.0\n"
                + "Summary: A large wheel for the publish benchmark\n").getBytes(StandardCharsets.UTF_8);
        String stem = wheel.getFileName().toString().replaceFirst("\\.whl$", "");
        String[] parts = stem.split("-");
        // The tag the file name carries (python-abi-platform, its last three parts), as a build backend writes it.
        String tag = parts.length >= 5 ? String.join("-", java.util.Arrays.copyOfRange(parts, parts.length - 3,
                parts.length)) : "py3-none-any";
        byte[] wheelFile = ("Wheel-Version: 1.0\nGenerator: pypi-maven-plugin-benchmark\nRoot-Is-Purelib: "
                + tag.endsWith("-any") + "\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8);
        String record = "bench_pkg/__init__.py," + recordHash(sha256().digest(init)) + "," + init.length + "\n"
                + DATA_ENTRY + "," + dataHash + "," + dataSize + "\n"
                + DIST_INFO + "/METADATA," + recordHash(sha256().digest(metadata)) + "," + metadata.length + "\n"
                + DIST_INFO + "/WHEEL," + recordHash(sha256().digest(wheelFile)) + "," + wheelFile.length + "\n"
                + DIST_INFO + "/RECORD,,\n";

        Path part = wheel.resolveSibling(wheel.getFileName() + ".part");
        try (ZipOutputStream zip =
                new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
            small(zip, "bench_pkg/__init__.py", init);
            zip.putNextEntry(stored(DATA_ENTRY, dataSize, crc.getValue()));
            Generator again = new Generator(SEED);
            for (long left = dataSize; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                again.fill(chunk, n);
                zip.write(chunk, 0, n);
                left -= n;
            }
            zip.closeEntry();
            small(zip, DIST_INFO + "/METADATA", metadata);
            small(zip, DIST_INFO + "/WHEEL", wheelFile);
            small(zip, DIST_INFO + "/RECORD", record.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(part, wheel, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void small(ZipOutputStream zip, String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.putNextEntry(stored(name, content.length, crc.getValue()));
        zip.write(content);
        zip.closeEntry();
    }

    private static ZipEntry stored(String name, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        // 1980-01-02: the JDK adds an extended-timestamp field for anything it considers before 1980.
        e.setTimeLocal(LocalDateTime.ofEpochSecond(315_619_200L, 0, ZoneOffset.UTC));
        return e;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recordHash(byte[] digest) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** xorshift64*: deterministic, fast, and its output does not compress. */
    private static final class Generator {
        private long state;
        private final ByteBuffer view = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Generator(long seed) {
            this.state = seed == 0 ? 1 : seed;
        }

        void fill(byte[] out, int n) {
            ByteBuffer b = ByteBuffer.wrap(out, 0, n).order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() >= 8) {
                b.putLong(next());
            }
            if (b.hasRemaining()) {
                view.clear();
                view.putLong(next());
                b.put(view.array(), 0, b.remaining());
            }
        }

        private long next() {
            long x = state;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            state = x;
            return x * 0x2545F4914F6CDD1DL;
        }
    }
}
