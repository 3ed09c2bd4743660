package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Throughput of SHA-256, BLAKE2b-256 and {@link FileDigester} on a 1 GiB file. Not a JUnit test
 * (surefire excludes *Benchmark*); run it by hand:
 *
 * <pre>
 * ./mvnw -B -q test-compile
 * java -cp target/classes:target/test-classes \
 *     io.github.yogs0ddhoth.pypi.distribution.DigestBenchmark [--delete] [--digester-only | --blake2b-only]
 * </pre>
 *
 * <p>The file is created in {@code java.io.tmpdir} if it is missing and kept for later runs
 * unless {@code --delete} is given. {@code --digester-only} skips the separate hashes and times
 * the digester on one thread against two, in alternating pairs. {@code --blake2b-only} needs no
 * file: it hashes 1 GiB from a 1 MiB in-memory buffer in the fresh JVM (what a plugin run pays,
 * interpreter and JIT warm-up included), then 256 MiB {@value #RUNS} more times warm, and prints
 * both against this thread's CPU time and wall time with the load average. The first pass over it warms both the JIT and the page cache,
 * so the figures are CPU-bound hashing plus one copy out of the page cache, not disk speed.
 * An in-memory figure for each hash is printed too, to separate hashing from reading.
 *
 * <p>Each figure is given against wall-clock time and against the calling thread's CPU time (user
 * plus system, so including the read() copies), with the whole process's CPU seconds beside it.
 * On a shared or busy machine the CPU-time figure is the steadier one for a single thread. The
 * two-thread FileDigester reads on the calling thread and hashes on two others, so for it only
 * the wall-clock figure (against "FileDigester 1 thread" and "BLAKE2b-256" alone) means
 * anything: the target is wall time close to BLAKE2b's alone. Run it on an otherwise idle
 * machine with at least two cores.
 */
public final class DigestBenchmark {

    private static final long FILE_BYTES = 1L << 30;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final int RUNS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private DigestBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean delete = Arrays.asList(args).contains("--delete");
        boolean digesterOnly = Arrays.asList(args).contains("--digester-only");
        if (Arrays.asList(args).contains("--blake2b-only")) {
            blake2bInMemory();
            return;
        }
        Path file = Path.of(
                System.getProperty("java.io.tmpdir"), "pypi-maven-plugin-digest-bench-1GiB.bin");
        ensureFile(file);
        System.out.printf("file: %s (%d bytes), %s %s%n", file, Files.size(file),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        try {
            byte[] buffer = new byte[BUFFER_BYTES];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Blake2b blake = new Blake2b(32);
            FileDigester digester = new FileDigester();

            // Warm-up: page cache and JIT.
            readAll(file, buffer, chunk -> {});
            if (digesterOnly) {
                pairedDigester(file);
                return;
            }
            fill(buffer, 1);
            for (int i = 0; i < 2; i++) {
                inMemory(buffer, sha, blake);
            }
            double[] shaMem = new double[RUNS];
            double[] blakeMem = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                double[] r = inMemory(buffer, sha, blake);
                shaMem[i] = r[0];
                blakeMem[i] = r[1];
            }
            Arrays.sort(shaMem);
            Arrays.sort(blakeMem);
            System.out.printf("in memory, cpu:      SHA-256 best %5.0f median %5.0f MB/s   "
                            + "BLAKE2b-256 best %5.0f median %5.0f MB/s%n",
                    shaMem[RUNS - 1], shaMem[RUNS / 2], blakeMem[RUNS - 1], blakeMem[RUNS / 2]);

            report("read only", () -> readAll(file, buffer, chunk -> {}));
            report("SHA-256", () -> {
                readAll(file, buffer, n -> sha.update(buffer, 0, n));
                sha.digest();
            });
            report("BLAKE2b-256", () -> {
                readAll(file, buffer, n -> blake.update(buffer, 0, n));
                blake.digest();
            });
            FileDigester oneThread = new FileDigester(FileDigester.DEFAULT_BUFFER_BYTES, false);
            report("FileDigester 1 thread", () -> oneThread.digest(file));
            report("FileDigester 2 threads", () -> digester.digest(file));
        } finally {
            if (delete) {
                Files.deleteIfExists(file);
                System.out.println("deleted " + file);
            }
        }
    }

    /**
     * One thread against two, alternating run by run so that a change in the machine's load hits both alike; prints
     * the wall-clock median of each and their ratio.
     */
    private static void pairedDigester(Path file) throws Exception {
        FileDigester one = new FileDigester(FileDigester.DEFAULT_BUFFER_BYTES, false);
        FileDigester two = new FileDigester();
        one.digest(file);
        two.digest(file);
        int pairs = 2 * RUNS + 1;
        double[] oneSeconds = new double[pairs];
        double[] twoSeconds = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            FileDigests a = one.digest(file);
            long t1 = System.nanoTime();
            FileDigests b = two.digest(file);
            long t2 = System.nanoTime();
            if (!a.equals(b)) {
                throw new IllegalStateException("one and two threads disagree: " + a + " vs " + b);
            }
            oneSeconds[i] = (t1 - t0) / 1e9;
            twoSeconds[i] = (t2 - t1) / 1e9;
        }
        Arrays.sort(oneSeconds);
        Arrays.sort(twoSeconds);
        double oneMedian = oneSeconds[pairs / 2];
        double twoMedian = twoSeconds[pairs / 2];
        System.out.printf("FileDigester on 1 GiB, %d alternating pairs, load average %.2f, %d cores:%n", pairs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  1 thread : median %.3f s (%4.0f MB/s), best %.3f s%n", oneMedian,
                FILE_BYTES / 1e6 / oneMedian, oneSeconds[0]);
        System.out.printf("  2 threads: median %.3f s (%4.0f MB/s), best %.3f s%n", twoMedian,
                FILE_BYTES / 1e6 / twoMedian, twoSeconds[0]);
        System.out.printf("  speed-up : %.2f x (median), %.2f x (best)%n", oneMedian / twoMedian,
                oneSeconds[0] / twoSeconds[0]);
    }

    private static void blake2bInMemory() {
        byte[] buffer = new byte[BUFFER_BYTES];
        fill(buffer, 1);
        Blake2b blake = new Blake2b(32);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (long i = 0; i < FILE_BYTES / BUFFER_BYTES; i++) {
            blake.update(buffer, 0, buffer.length);
        }
        blake.digest();
        System.out.printf("BLAKE2b-256, 1 GiB in a fresh JVM: cpu %.3f s, wall %.3f s%n",
                (THREADS.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - t0) / 1e9);
        int mib = 256;
        double[] cpu = new double[RUNS];
        double[] wall = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            c0 = THREADS.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            for (int i = 0; i < mib; i++) {
                blake.update(buffer, 0, buffer.length);
            }
            blake.digest();
            cpu[r] = mib / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            wall[r] = mib / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("BLAKE2b-256 warm, %d x %d MiB: cpu median %.0f best %.0f MiB/s, "
                        + "wall median %.0f best %.0f MiB/s; load average %.2f before, %.2f after%n",
                RUNS, mib, cpu[RUNS / 2], cpu[RUNS - 1], wall[RUNS / 2], wall[RUNS - 1], loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Returns {SHA-256, BLAKE2b-256} throughput in MB per CPU-second over 512 MiB each. */
    private static double[] inMemory(byte[] buffer, MessageDigest sha, Blake2b blake) {
        int rounds = 512;
        long c0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sha.update(buffer, 0, buffer.length);
        }
        sha.digest();
        long c1 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            blake.update(buffer, 0, buffer.length);
        }
        blake.digest();
        long c2 = THREADS.getCurrentThreadCpuTime();
        double bytes = (double) rounds * buffer.length;
        return new double[] {mbps(bytes, c1 - c0), mbps(bytes, c2 - c1)};
    }

    private interface Run {
        void run() throws Exception;
    }

    private interface ChunkSink {
        void accept(int n) throws Exception;
    }

    private static void report(String label, Run run) throws Exception {
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        double[] processCpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long p0 = PROCESS.getProcessCpuTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            run.run();
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            long p1 = PROCESS.getProcessCpuTime();
            wall[i] = mbps(FILE_BYTES, t1 - t0);
            cpu[i] = mbps(FILE_BYTES, c1 - c0);
            processCpu[i] = (p1 - p0) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(processCpu);
        System.out.printf(
                "%-22s wall: best %5.0f median %5.0f MB/s   this thread's cpu: best %5.0f median %5.0f MB/s"
                        + "   process cpu: median %5.2f s%n",
                label, wall[RUNS - 1], wall[RUNS / 2], cpu[RUNS - 1], cpu[RUNS / 2], processCpu[RUNS / 2]);
    }

    private static double mbps(double bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static void readAll(Path file, byte[] buffer, ChunkSink sink) throws Exception {
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(wrapped.clear())) >= 0) {
                sink.accept(n);
            }
        }
    }

    private static void ensureFile(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == FILE_BYTES) {
            return;
        }
        System.out.println("creating " + file);
        byte[] chunk = new byte[BUFFER_BYTES];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long i = 0; i < FILE_BYTES / chunk.length; i++) {
                fill(chunk, i);
                out.write(chunk);
            }
        }
    }

    private static void fill(byte[] b, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < b.length; i += 8) {
            long x = r.nextLong();
            for (int j = 0; j < 8; j++) {
                b[i + j] = (byte) (x >>> (8 * j));
            }
        }
    }
}
