package io.github.yogs0ddhoth.pypi.benchmark;

import io.github.yogs0ddhoth.pypi.distribution.Blake2b;
import io.github.yogs0ddhoth.pypi.testing.TestDistributions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole processes, paired and alternating: {@code mvn deploy} with the plugin, {@code mvn -Dpypi.skip=true deploy}
 * (Maven alone, the plugin loaded but idle) and, where it is installed, {@code twine upload}, against one loopback
 * sink ({@link PublishBenchmark.Sink}), for three releases: one large wheel, a small release (a wheel and an sdist
 * of a few KiB), and many wheels to a sink that reads each connection no faster than a cap, uploaded with
 * {@code pypi.parallelUploads} 4 and 1. Prints each run, the medians and the ratios of issue 12.
 *
 * <p>Run by {@code src/test/benchmark/run-publish-benchmark.sh --processes}, which installs the plugin into a
 * local repository of its own and passes the Maven command. Arguments: {@code --mvn=PATH} (required),
 * {@code --mvn-arg=ARG} (repeatable), {@code --plugin-version=V} (required), {@code --dir=DIR} (where the files and
 * projects go; default java.io.tmpdir), {@code --scenarios=big,small,many}, {@code --runs=N} (rounds per scenario,
 * default 3; the small release gets 3 N), {@code --big-size=1g}, {@code --many=20x50m},
 * {@code --throttle=50000000} (bytes per second per connection, many wheels only), {@code --twine=PATH}
 * (default: twine on the PATH, skipped if absent). {@code --serve=FILE} (after {@code --throttle}, if any) only
 * starts the sink and writes its base URL to FILE, for diagnostics such as {@code -Xlog:class+load} runs by hand.
 */
public final class ProcessBenchmark {
    private static final String TOKEN = "pypi-bench-token-0123456789";

    private static final String BIG_TWINE_ORDER = "big: mvn deploy, twine's field order (hashWhileUploading=false)";

    private final String mvn;
    private final List<String> mvnArgs;
    private final String pluginVersion;
    private final String twine;
    private final Path root;
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    private ProcessBenchmark(String mvn, List<String> mvnArgs, String pluginVersion, String twine, Path root) {
        this.mvn = mvn;
        this.mvnArgs = mvnArgs;
        this.pluginVersion = pluginVersion;
        this.twine = twine;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        // As in PublishBenchmark: without it each answer of the JDK's server waits ~40 ms for a delayed ACK, a cost
        // of this sink (measured: 48 ms per 4.6 KiB upload), not of PyPI, paid by the plugin and twine alike.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        String mvn = null;
        List<String> mvnArgs = new ArrayList<>();
        String version = null;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        List<String> scenarios = List.of("big", "small", "many");
        int runs = 3;
        long bigSize = PublishBenchmark.parseSize("1g");
        String many = "20x50m";
        long throttle = 50_000_000;
        String twine = onPath("twine");
        for (String a : args) {
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            if (a.startsWith("--serve=")) {
                // Diagnostics: only the sink, its base URL written to the file, until the process is killed.
                PublishBenchmark.Sink sink = new PublishBenchmark.Sink(64 * 1024, 0, throttle);
                Files.writeString(Paths.get(v), sink.base() + "\n");
                System.out.println("Sink at " + sink.base() + " (throttle " + throttle + " B/s per upload)");
                Thread.sleep(Long.MAX_VALUE);
            } else if (a.startsWith("--mvn=")) {
                mvn = v;
            } else if (a.startsWith("--mvn-arg=")) {
                mvnArgs.add(v);
            } else if (a.startsWith("--plugin-version=")) {
                version = v;
            } else if (a.startsWith("--dir=")) {
                dir = Paths.get(v);
            } else if (a.startsWith("--scenarios=")) {
                scenarios = List.of(v.split(","));
            } else if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(v);
            } else if (a.startsWith("--big-size=")) {
                bigSize = PublishBenchmark.parseSize(v);
            } else if (a.startsWith("--many=")) {
                many = v;
            } else if (a.startsWith("--throttle=")) {
                throttle = Long.parseLong(v);
            } else if (a.startsWith("--twine=")) {
                twine = v.isBlank() || v.equals("none") ? null : v;
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (mvn == null || version == null) {
            throw new IllegalArgumentException("--mvn and --plugin-version are required");
        }
        Path root = dir.resolve("pypi-process-bench");
        Files.createDirectories(root);
        System.out.println("Machine: " + machine());
        System.out.println("Maven: " + mvn + " " + String.join(" ", mvnArgs));
        System.out.println("twine: " + (twine == null ? "not installed, skipped" : twine + " (" + firstLine(
                List.of(twine, "--version")) + ")"));
        ProcessBenchmark bench = new ProcessBenchmark(mvn, mvnArgs, version, twine, root);
        for (String s : scenarios) {
            switch (s) {
                case "big" -> bench.big(bigSize, runs);
                case "small" -> bench.small(runs * 3);
                case "many" -> {
                    String[] nx = many.split("x");
                    bench.many(Integer.parseInt(nx[0]), PublishBenchmark.parseSize(nx[1]), throttle, runs);
                }
                default -> throw new IllegalArgumentException("unknown scenario " + s);
            }
        }
        bench.summary();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenarios

    private void big(long size, int runs) throws Exception {
        Path files = root.resolve("big-" + size);
        Path wheel = files.resolve("bench_pkg-1.0.0-py3-none-any.whl");
        if (!Files.isRegularFile(wheel)) {
            System.out.println("Writing " + wheel);
            PublishBenchmark.writeWheel(wheel, size);
        }
        Path project = project("big", "bench-big", files);
        PublishBenchmark.Sink sink = new PublishBenchmark.Sink(64 * 1024, 0, 0);
        try {
            blake2b(wheel); // warm-up of the page cache and of the JIT
            for (int i = -1; i < runs; i++) {
                List<Runnable> order = new ArrayList<>(List.of(
                        // The sink reads any field order, as PyPI does: the plugin's default for PyPI is asked for.
                        timed("big: mvn deploy", () -> deploy(project, sink, 1,
                                List.of("-Dpypi.hashWhileUploading=true"))),
                        timed(BIG_TWINE_ORDER, () -> deploy(project, sink, 1,
                                List.of("-Dpypi.hashWhileUploading=false"))),
                        timed("big: mvn -Dpypi.skip=true deploy", () -> deploy(project, sink, 0,
                                List.of("-Dpypi.skip=true"))),
                        timed("big: BLAKE2b-256 alone (the plugin's, in this JVM)", () -> blake2b(wheel))));
                if (twine != null) {
                    order.add(timed("big: twine upload", () -> twine(sink, List.of(wheel))));
                }
                round = i;
                alternate(order, i).forEach(Runnable::run);
            }
        } finally {
            sink.stop();
        }
        System.out.println();
    }

    private void small(int runs) throws Exception {
        Path files = root.resolve("small");
        if (!Files.isDirectory(files)) {
            String meta = TestDistributions.metadata("bench_small", "1.0.0") + "License: MIT\n\n"
                    + "A small release of the benchmark.\n".repeat(40);
            TestDistributions.wheel(files, "bench_small-1.0.0-py3-none-any.whl", meta,
                    Map.of("bench_small/data.txt", "0123456789abcdef\n".repeat(120).getBytes(StandardCharsets.UTF_8)));
            TestDistributions.sdist(files, "bench_small-1.0.0.tar.gz", "bench_small-1.0.0", meta,
                    Map.of("README.md", randomText(3000)));
        }
        try (var list = Files.list(files)) {
            list.sorted().forEach(f -> System.out.println("  " + f.getFileName() + " " + size(f) + " bytes"));
        }
        List<Path> dists = distributions(files);
        Path project = project("small", "bench-small", files);
        PublishBenchmark.Sink sink = new PublishBenchmark.Sink(64 * 1024, 0, 0);
        try {
            for (int i = -1; i < runs; i++) {
                List<Runnable> order = new ArrayList<>(List.of(
                        timed("small: mvn deploy", () -> deploy(project, sink, 2,
                                List.of("-Dpypi.hashWhileUploading=true"))),
                        timed("small: mvn -Dpypi.skip=true deploy", () -> deploy(project, sink, 0,
                                List.of("-Dpypi.skip=true")))));
                if (twine != null) {
                    order.add(timed("small: twine upload", () -> twine(sink, dists)));
                }
                round = i;
                alternate(order, i).forEach(Runnable::run);
            }
        } finally {
            sink.stop();
        }
        System.out.println();
    }

    private void many(int count, long size, long throttle, int runs) throws Exception {
        Path files = root.resolve("many-" + count + "x" + size);
        Files.createDirectories(files);
        for (int i = 0; i < count; i++) {
            Path wheel = files.resolve(PublishBenchmark.manyWheelName(i));
            if (!Files.isRegularFile(wheel)) {
                System.out.println("Writing " + wheel);
                PublishBenchmark.writeWheel(wheel, size);
            }
        }
        List<Path> dists = distributions(files);
        Path project = project("many", "bench-many", files);
        PublishBenchmark.Sink sink = new PublishBenchmark.Sink(64 * 1024, 0, throttle);
        System.out.printf(Locale.ROOT, "%d wheels of %d bytes, each upload read at most %.0f MB/s%n", count, size,
                throttle / 1e6);
        try {
            for (int i = -1; i < runs; i++) {
                List<Runnable> order = new ArrayList<>(List.of(
                        // PyPI's default field order, as in the other scenarios: without it a loopback index gets
                        // twine's order, each file read and hashed before it is sent.
                        timed("many: mvn deploy (parallelUploads=4)", () -> deploy(project, sink, count,
                                List.of("-Dpypi.parallelUploads=4", "-Dpypi.hashWhileUploading=true"))),
                        timed("many: mvn deploy (parallelUploads=1)", () -> deploy(project, sink, count,
                                List.of("-Dpypi.parallelUploads=1", "-Dpypi.hashWhileUploading=true"))),
                        timed("many: mvn -Dpypi.skip=true deploy", () -> deploy(project, sink, 0,
                                List.of("-Dpypi.skip=true")))));
                if (twine != null) {
                    order.add(timed("many: twine upload", () -> twine(sink, dists)));
                }
                round = i;
                alternate(order, i).forEach(Runnable::run);
            }
        } finally {
            sink.stop();
        }
        System.out.println();
    }

    /** Text that gzip cannot shrink much, so that the sdist is a few KiB like a real one. */
    private static byte[] randomText(int n) {
        java.util.Random r = new java.util.Random(42);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + r.nextInt(26));
        }
        return b;
    }

    /** Even rounds run in the given order, odd rounds in reverse, so that a drift of the machine hits all alike. */
    private static List<Runnable> alternate(List<Runnable> order, int round) {
        List<Runnable> r = new ArrayList<>(order);
        if (Math.floorMod(round, 2) == 1) {
            java.util.Collections.reverse(r);
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The commands

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Round -1 warms up (page cache, Maven's own caches) and is printed but not counted. */
    private int round;

    private Runnable timed(String label, Step step) {
        return () -> {
            long t0 = System.nanoTime();
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(label + ": " + e.getMessage(), e);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (round >= 0) {
                seconds.computeIfAbsent(label, k -> new ArrayList<>()).add(s);
            }
            System.out.printf(Locale.ROOT, "  %-58s %7.3f s%s%n", label, s, round < 0 ? "  (warm-up)" : "");
        };
    }

    private void deploy(Path project, PublishBenchmark.Sink sink, int expectedUploads, List<String> extra)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-f", project.resolve("pom.xml").toString()));
        cmd.addAll(mvnArgs);
        cmd.addAll(extra);
        cmd.add("-Dpypi.repositoryUrl=" + sink.base() + "/legacy/");
        cmd.add("deploy");
        Map<String, String> env = Map.of(
                "GITHUB_ACTIONS", "true",
                "ACTIONS_ID_TOKEN_REQUEST_URL", sink.base() + "/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "bench-request-token");
        long before = sink.uploads.get();
        run(cmd, env, project.resolve("last-run.log"));
        long uploaded = sink.uploads.get() - before;
        if (uploaded != expectedUploads) {
            throw new IllegalStateException("expected " + expectedUploads + " upload(s), the sink saw " + uploaded
                    + "; see " + project.resolve("last-run.log"));
        }
    }

    private void twine(PublishBenchmark.Sink sink, List<Path> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(twine, "upload", "--non-interactive", "--disable-progress-bar",
                "--repository-url", sink.base() + "/legacy/", "-u", "__token__", "-p", TOKEN));
        files.forEach(f -> cmd.add(f.toString()));
        long before = sink.uploads.get();
        run(cmd, Map.of("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring"), root.resolve("twine.log"));
        if (sink.uploads.get() - before != files.size()) {
            throw new IllegalStateException("twine uploaded " + (sink.uploads.get() - before) + " of "
                    + files.size() + " file(s); see " + root.resolve("twine.log"));
        }
    }

    private static void blake2b(Path file) throws IOException {
        Blake2b b = new Blake2b(32);
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                b.update(buffer, 0, n);
            }
        }
        b.digest();
    }

    private static void run(List<String> cmd, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("ACTIONS_"));
        pb.environment().putAll(env);
        int rc = pb.start().waitFor();
        if (rc != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException(String.join(" ", cmd.subList(0, 2)) + "… exited " + rc + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private Path project(String scenario, String artifactId, Path files) throws IOException {
        Path dir = root.resolve("project-" + scenario);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench.pypi</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <maven.deploy.skip>true</maven.deploy.skip>
                    <maven.install.skip>true</maven.install.skip>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.yogs0ddhoth</groupId>
                        <artifactId>pypi-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <packagesDirectory>%s</packagesDirectory>
                        </configuration>
                        <executions>
                          <execution>
                            <goals><goal>pypi-publish</goal></goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, pluginVersion, files.toAbsolutePath()));
        return dir;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The summary

    private void summary() {
        System.out.println("Medians:");
        seconds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-58s %7.3f s  (n=%d, min %.3f, max %.3f)%n", k,
                median(v), v.size(), v.stream().mapToDouble(d -> d).min().orElse(0),
                v.stream().mapToDouble(d -> d).max().orElse(0)));
        System.out.println("Ratios (targets of issue 12):");
        if (seconds.containsKey("big: mvn deploy")) {
            double own = pairedMedian("big: mvn deploy", "big: mvn -Dpypi.skip=true deploy");
            double blake = median(seconds.get("big: BLAKE2b-256 alone (the plugin's, in this JVM)"));
            System.out.printf(Locale.ROOT, "  1 GiB: plugin's own time %.3f s / BLAKE2b alone %.3f s = %.2f"
                    + " (target <= 1.25)%n", own, blake, own / blake);
            if (seconds.containsKey(BIG_TWINE_ORDER)) {
                double ownTwineOrder = pairedMedian(BIG_TWINE_ORDER, "big: mvn -Dpypi.skip=true deploy");
                System.out.printf(Locale.ROOT, "  1 GiB, twine's field order (other indexes' default): plugin's own"
                        + " time %.3f s / BLAKE2b alone %.3f s = %.2f%n", ownTwineOrder, blake, ownTwineOrder / blake);
            }
            if (seconds.containsKey("big: twine upload")) {
                double tw = median(seconds.get("big: twine upload"));
                double d = median(seconds.get("big: mvn deploy"));
                System.out.printf(Locale.ROOT, "  1 GiB: twine %.3f s / mvn deploy %.3f s = %.2f (target >= 2)%n",
                        tw, d, tw / d);
            }
        }
        if (seconds.containsKey("small: mvn deploy")) {
            System.out.printf(Locale.ROOT, "  small release: mvn deploy adds %.3f s over -Dpypi.skip=true (target"
                    + " <= 0.35 s)%n", pairedMedian("small: mvn deploy", "small: mvn -Dpypi.skip=true deploy"));
        }
        if (seconds.containsKey("many: mvn deploy (parallelUploads=4)")) {
            double p4 = median(seconds.get("many: mvn deploy (parallelUploads=4)"));
            double p1 = median(seconds.get("many: mvn deploy (parallelUploads=1)"));
            double own4 = pairedMedian("many: mvn deploy (parallelUploads=4)", "many: mvn -Dpypi.skip=true deploy");
            double own1 = pairedMedian("many: mvn deploy (parallelUploads=1)", "many: mvn -Dpypi.skip=true deploy");
            System.out.printf(Locale.ROOT, "  many wheels: parallelUploads=1 %.3f s / =4 %.3f s = %.2f whole"
                    + " process (target >= 2.5); plugin's own time %.3f s / %.3f s = %.2f%n", p1, p4, p1 / p4, own1,
                    own4, own1 / own4);
        }
    }

    /** The median of the per-round differences: each round's two runs were made side by side. */
    private double pairedMedian(String a, String b) {
        List<Double> x = seconds.get(a);
        List<Double> y = seconds.get(b);
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            d.add(x.get(i) - y.get(i));
        }
        return median(d);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Path> distributions(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".whl") || f.toString().endsWith(".tar.gz")).sorted()
                    .toList();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Paths.get(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private static String firstLine(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException | InterruptedException e) {
            return "version unknown";
        }
    }
}
