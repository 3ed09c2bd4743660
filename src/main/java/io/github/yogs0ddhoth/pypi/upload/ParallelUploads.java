package io.github.yogs0ddhoth.pypi.upload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads the files of a release, up to {@code parallel} at once, in the order an index can live with: every
 * wheel before any sdist, and an sdist only once every wheel has ended well (so that, as with one file at a time,
 * a release never shows its sdist without its wheels). The first file that fails stops the start of new ones;
 * the files already on their way are let finish, since a half-sent upload proves nothing about the index.
 *
 * <p>With {@code parallel = 1} every file is uploaded on the calling thread, one after the other, exactly as
 * before this class existed.
 */
public final class ParallelUploads {
    /** The most files sent at once; the HTTP client's pool holds more connections than this per host. */
    public static final int MAX_PARALLEL = 16;

    /** Uploads one file: the per-file retries, reconciliation and logging are the caller's. */
    @FunctionalInterface
    public interface Upload {
        UploadResult upload(UploadForm form);
    }

    private final int parallel;

    public ParallelUploads(int parallel) {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("pypi.parallelUploads must be between 1 and " + MAX_PARALLEL
                    + ", was " + parallel + ". Use 1 to upload one file at a time.");
        }
        this.parallel = parallel;
    }

    /**
     * @return each form's result, in the order of {@code forms}; null for a file that was never started because
     *     an earlier one failed
     */
    public List<UploadResult> run(List<UploadForm> forms, Upload upload) {
        UploadResult[] results = new UploadResult[forms.size()];
        Deque<Integer> wheels = new ArrayDeque<>();
        Deque<Integer> sdists = new ArrayDeque<>();
        for (int i = 0; i < forms.size(); i++) {
            (isSdist(forms.get(i)) ? sdists : wheels).add(i);
        }
        if (parallel == 1 || forms.size() <= 1) {
            for (Deque<Integer> queue : List.of(wheels, sdists)) {
                for (int i : queue) {
                    results[i] = upload.upload(forms.get(i));
                    if (!results[i].isDone()) {
                        return Arrays.asList(results);
                    }
                }
            }
            return Arrays.asList(results);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, forms.size()), threads());
        Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> started = new ArrayList<>();
            int wheelsInFlight = 0;
            int inFlight = 0;
            boolean stopped = false;
            while (true) {
                while (!stopped && inFlight < parallel) {
                    Integer next = !wheels.isEmpty() ? wheels.poll()
                            : wheelsInFlight == 0 ? sdists.poll() : null;
                    if (next == null) {
                        break;
                    }
                    int i = next;
                    started.add(done.submit(() -> {
                        try {
                            results[i] = upload.upload(forms.get(i));
                        } catch (RuntimeException | Error e) {
                            // A bug, not an answer of the index: the file counts as failed, the caller sees it.
                            crashes.add(e);
                            results[i] = new UploadResult(UploadResult.Outcome.FAILED, "uploading "
                                    + forms.get(i).filename() + " failed unexpectedly: " + e);
                        }
                        return i;
                    }));
                    inFlight++;
                    if (!isSdist(forms.get(i))) {
                        wheelsInFlight++;
                    }
                }
                if (inFlight == 0) {
                    break;
                }
                int i;
                try {
                    i = done.take().get();
                } catch (InterruptedException e) {
                    // The build is being stopped: abandon what is in flight, and say so for those files.
                    started.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    for (int j = 0; j < results.length; j++) {
                        if (results[j] == null && !wheels.contains(j) && !sdists.contains(j)) {
                            results[j] = new UploadResult(UploadResult.Outcome.FAILED, "interrupted while"
                                    + " uploading " + forms.get(j).filename() + "; it may or may not be on the"
                                    + " index");
                        }
                    }
                    return Arrays.asList(results);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("an upload task failed outside its own handler", e.getCause());
                }
                inFlight--;
                if (!isSdist(forms.get(i))) {
                    wheelsInFlight--;
                }
                if (!results[i].isDone()) {
                    stopped = true;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Throwable crash = crashes.peek();
        if (crash instanceof RuntimeException r) {
            throw r;
        }
        if (crash instanceof Error e) {
            throw e;
        }
        return Arrays.asList(results);
    }

    static boolean isSdist(UploadForm form) {
        List<String> type = form.values("filetype");
        return !type.isEmpty() && "sdist".equals(type.get(0));
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "pypi-upload-" + n.incrementAndGet());
            // An upload stuck past its deadline must not keep the JVM alive after the build has ended.
            t.setDaemon(true);
            return t;
        };
    }
}
