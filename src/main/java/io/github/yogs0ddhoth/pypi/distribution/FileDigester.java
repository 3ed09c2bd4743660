package io.github.yogs0ddhoth.pypi.distribution;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes the SHA-256 and BLAKE2b-256 digests of a file in a single read, streaming it through fixed buffers so that
 * files of any size hash in constant memory.
 *
 * <p>A file of at least {@link #PARALLEL_MIN_BYTES} is hashed on two cores: the calling thread reads it into a ring
 * of {@link #RING_BUFFERS} reusable buffers, one thread feeds each buffer to SHA-256 and another to BLAKE2b, and a
 * buffer is refilled once both are done with it. The file is still read once, front to back; the two digests take
 * about as long as the slower of them (BLAKE2b) instead of their sum. A smaller file is hashed on the calling thread
 * alone, where starting two threads would cost more than it saves, and so is every file when the JVM has one core.
 *
 * <p>{@link #digest(Path, ChunkSink)} also hands every chunk, in order, to a sink on the calling thread while the
 * digests are computed on the others: an upload can send the bytes it is hashing, so that sending costs no time of
 * its own beyond the slower digest, and the digests describe exactly the bytes that were sent.
 *
 * <p>An instance reuses its buffers and digest objects between calls, so it is not thread-safe; use one per thread.
 */
public final class FileDigester {

    /**
     * Default read size: large enough that per-read and per-handoff overhead is negligible. It is 128 bytes short of
     * 1 MiB because G1 puts an array of half a region or more in regions of its own: a 1 MiB array plus its header
     * needs two 1 MiB regions (the default region size under a heap of 2 GiB or less), so each of the ring's buffers
     * would hold 2 MiB of heap and an upload 8 MiB instead of 4.
     */
    public static final int DEFAULT_BUFFER_BYTES = (1 << 20) - 128;

    /** How many buffers the reader may fill ahead of the slower digest. */
    public static final int RING_BUFFERS = 4;

    /** Files at least this large are hashed on two threads; below it there is too little to overlap. */
    public static final long PARALLEL_MIN_BYTES = 2L << 20;

    private final int bufferBytes;
    private final byte[] buffer;
    private final MessageDigest sha256;
    private final Blake2b blake2b = new Blake2b(32);
    private final boolean parallel;
    // The ring, allocated on the first large file; ring[0] is the single-thread buffer, so that costs 3 more.
    private byte[][] ring;

    public FileDigester() {
        this(DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes size of the read buffer (and of each ring buffer); must be positive */
    public FileDigester(int bufferBytes) {
        this(bufferBytes, true);
    }

    /**
     * @param bufferBytes size of the read buffer (and of each ring buffer); must be positive
     * @param parallel whether large files may be hashed on two threads; {@code false} always uses the calling thread
     */
    public FileDigester(int bufferBytes, boolean parallel) {
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("buffer size must be positive, got " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
        this.buffer = new byte[bufferBytes];
        this.parallel = parallel;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /** Receives the file's bytes as they are read, in order, on the thread that called {@link #digest}. */
    @FunctionalInterface
    public interface ChunkSink {
        /**
         * @param bytes the chunk; valid only during this call (the buffer is reused once it returns)
         * @param length how many bytes of {@code bytes}, from index 0, are the file's
         * @throws IOException to stop reading: {@link #digest(Path, ChunkSink)} then throws this same exception
         */
        void accept(byte[] bytes, int length) throws IOException;
    }

    private static final ChunkSink NO_SINK = (bytes, length) -> { };

    /**
     * Reads {@code file} once and returns its size and both digests. The size is the number of bytes actually hashed,
     * so it always agrees with the digests even if the file changes size while being read.
     */
    public FileDigests digest(Path file) throws IOException {
        return digest(file, NO_SINK);
    }

    /**
     * Reads {@code file} once, passes each chunk to {@code sink} and returns the size and digests of exactly the
     * bytes the sink was given. The sink runs on the calling thread, the digests of a large file on two others, so
     * the three overlap; the reader runs at most {@link #RING_BUFFERS} buffers ahead of the slowest of them.
     *
     * @throws IOException when the file cannot be read, or the one the sink threw (after which the digests are
     *     discarded and no thread of this call is left running)
     */
    public FileDigests digest(Path file, ChunkSink sink) throws IOException {
        sha256.reset();
        blake2b.reset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // On one core the threads would only take turns, paying for the handoffs.
            if (parallel && channel.size() >= PARALLEL_MIN_BYTES && Runtime.getRuntime().availableProcessors() > 1) {
                return digestOnTwoThreads(channel, sink);
            }
            long size = 0;
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            int filled;
            try {
                while ((filled = fill(channel, wrapped)) > 0) {
                    sha256.update(buffer, 0, filled);
                    blake2b.update(buffer, 0, filled);
                    sink.accept(buffer, filled);
                    size += filled;
                }
            } catch (IOException | RuntimeException e) {
                sha256.reset();
                blake2b.reset();
                throw e;
            }
            return new FileDigests(size, hex(sha256.digest()), hex(blake2b.digest()));
        }
    }

    /** Lowercase hex encoding of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    // Fills the whole buffer where the file allows, so both hashes see few, large updates. Returns the bytes read;
    // less than the buffer only at the end of the file, 0 once there is nothing left.
    private static int fill(FileChannel channel, ByteBuffer wrapped) throws IOException {
        wrapped.clear();
        while (wrapped.hasRemaining()) {
            if (channel.read(wrapped) < 0) {
                break;
            }
        }
        return wrapped.position();
    }

    /**
     * One ring buffer on its way through both digests. The reader sets {@code length} and {@code pending} before it
     * queues the chunk, and takes it back only from the free queue: the queues order every access.
     */
    private static final class Chunk {
        final byte[] bytes;
        final AtomicInteger pending = new AtomicInteger();
        int length;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** Queued after the last chunk: the hasher that takes it stops. */
    private static final Chunk END = new Chunk(new byte[0]);

    /** Feeds {@code length} bytes of {@code bytes} to one digest. */
    private interface Update {
        void apply(byte[] bytes, int length);
    }

    /** Consumes chunks for one digest and hands each back once both digests have it. */
    private static final class Hasher extends Thread {
        private final BlockingQueue<Chunk> ready = new LinkedBlockingQueue<>();
        private final BlockingQueue<Chunk> free;
        private final Update update;
        private volatile Throwable failure;

        Hasher(String name, BlockingQueue<Chunk> free, Update update) {
            super(name);
            this.free = free;
            this.update = update;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Chunk chunk;
                try {
                    chunk = ready.take();
                } catch (InterruptedException e) {
                    // Nothing here interrupts a hasher; the END the reader always queues is what stops it.
                    continue;
                }
                if (chunk == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        update.apply(chunk.bytes, chunk.length);
                    } catch (RuntimeException | Error e) {
                        // Keep handing buffers back, so the reader never waits on a dead hasher; it reports this.
                        failure = e;
                    }
                }
                if (chunk.pending.decrementAndGet() == 0) {
                    free.add(chunk);
                }
            }
        }
    }

    private FileDigests digestOnTwoThreads(FileChannel channel, ChunkSink sink) throws IOException {
        if (ring == null) {
            ring = new byte[RING_BUFFERS][];
            ring[0] = buffer;
            for (int i = 1; i < RING_BUFFERS; i++) {
                ring[i] = new byte[bufferBytes];
            }
        }
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(RING_BUFFERS);
        for (byte[] bytes : ring) {
            free.add(new Chunk(bytes));
        }
        Hasher sha = new Hasher("pypi-digest-sha256", free, (b, n) -> sha256.update(b, 0, n));
        Hasher blake = new Hasher("pypi-digest-blake2b", free, (b, n) -> blake2b.update(b, 0, n));
        sha.start();
        blake.start();
        long size = 0;
        boolean done = false;
        try {
            while (true) {
                Chunk chunk = free.take();
                int filled = fill(channel, ByteBuffer.wrap(chunk.bytes));
                if (filled == 0) {
                    break;
                }
                chunk.length = filled;
                // The sink is the third user of the chunk; whoever finishes last hands it back.
                chunk.pending.set(3);
                sha.ready.add(chunk);
                blake.ready.add(chunk);
                sink.accept(chunk.bytes, filled);
                if (chunk.pending.decrementAndGet() == 0) {
                    free.add(chunk);
                }
                size += filled;
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        } finally {
            // However the read ended, both hashers finish what is queued, see the end, and stop: no thread outlives
            // this call, and the digest objects are not touched again once it returns.
            sha.ready.add(END);
            blake.ready.add(END);
            joinUninterruptibly(sha);
            joinUninterruptibly(blake);
            if (!done) {
                sha256.reset();
                blake2b.reset();
            }
        }
        for (Hasher hasher : new Hasher[] {sha, blake}) {
            if (hasher.failure != null) {
                throw new IllegalStateException(hasher.getName() + " failed", hasher.failure);
            }
        }
        return new FileDigests(size, hex(sha256.digest()), hex(blake2b.digest()));
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
