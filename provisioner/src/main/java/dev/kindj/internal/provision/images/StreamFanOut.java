package dev.kindj.internal.provision.images;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads one stream once and hands every chunk to several readers, at the pace of the slowest; nothing is
 * buffered beyond a few chunks per reader. A reader that closes early is dropped, the others carry on.
 */
final class StreamFanOut {

    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS_PER_READER = 16;
    private static final byte[] END = new byte[0];

    private StreamFanOut() {
    }

    /** Starts copying {@code source} on a new thread and returns one stream per reader; the source is closed at its end. */
    static List<InputStream> split(InputStream source, int readers, String threadName) {
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            branches.add(new Branch());
        }
        Thread pump = new Thread(() -> pump(source, branches), threadName);
        pump.setDaemon(true);
        pump.start();
        return List.copyOf(branches);
    }

    private static void pump(InputStream source, List<Branch> branches) {
        try (source) {
            while (true) {
                byte[] chunk = source.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    break;
                }
                for (Branch branch : branches) {
                    branch.offer(chunk);
                }
                if (chunk.length < CHUNK || branches.stream().allMatch(Branch::isClosed)) {
                    break;
                }
            }
        } catch (IOException e) {
            branches.forEach(branch -> branch.fail(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            branches.forEach(branch -> branch.fail(new IOException("interrupted while copying the image stream", e)));
            return;
        }
        branches.forEach(Branch::end);
    }

    /** One reader's view: chunks arrive through a small bounded queue. */
    private static final class Branch extends InputStream {
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS_PER_READER + 1);
        private volatile boolean closed;
        private volatile IOException failure;
        private byte[] current = new byte[0];
        private int position;

        void offer(byte[] chunk) throws InterruptedException {
            while (!closed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the reader is slow; wait unless it went away
            }
        }

        boolean isClosed() {
            return closed;
        }

        void end() {
            try {
                offer(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void fail(IOException cause) {
            failure = cause;
            chunks.clear();
            chunks.offer(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 255;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == current.length) {
                if (current == END) {
                    return -1;
                }
                current = take();
                position = 0;
                if (current == END) {
                    if (failure != null) {
                        throw failure;
                    }
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private byte[] take() throws IOException {
            try {
                return chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the image stream", e);
            }
        }

        @Override
        public void close() {
            closed = true;
            chunks.clear();
        }
    }
}
