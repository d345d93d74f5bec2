package dev.kindj.internal.provision.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StreamFanOutTest {

    private final byte[] data = new byte[5 * 1024 * 1024 + 17];

    StreamFanOutTest() {
        new Random(7).nextBytes(data);
    }

    @Test
    void everyReaderGetsTheWholeStream() {
        List<InputStream> branches = StreamFanOut.split(new ByteArrayInputStream(data), 3, "test");
        List<CompletableFuture<byte[]>> reads = branches.stream()
                .map(branch -> CompletableFuture.supplyAsync(() -> readAll(branch), command -> new Thread(command).start()))
                .toList();
        reads.forEach(read -> assertThat(read.join()).isEqualTo(data));
    }

    @Test
    void aReaderThatClosesEarlyDoesNotStopTheOthers() throws Exception {
        List<InputStream> branches = StreamFanOut.split(new ByteArrayInputStream(data), 2, "test");
        branches.get(0).readNBytes(1000);
        branches.get(0).close();
        assertThat(branches.get(1).readAllBytes()).isEqualTo(data);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
