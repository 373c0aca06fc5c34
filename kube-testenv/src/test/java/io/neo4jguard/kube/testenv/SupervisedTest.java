package io.neo4jguard.kube.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog: the binary dies when the JVM's end of the pipe closes. Closing it here is the same event the
 * kernel produces when the JVM dies (the last writer of the pipe goes away), so this also covers kill -9.
 */
class SupervisedTest {
    @TempDir
    Path tmp;

    @Test
    void closingThePipeKillsTheBinaryAndTheWatchdog() throws Exception {
        Supervised s = Supervised.start("sleeper", List.of("sleep", "300"), tmp, tmp.resolve("sleeper.log"));
        List<Long> pids = awaitChildren(s);
        assertThat(s.isAlive()).isTrue();
        s.stop();
        assertThat(s.isAlive()).isFalse();
        // The pipe watcher exits right after its kill; give it a moment rather than racing it.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pids.stream().anyMatch(SupervisedTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (long pid : pids) {
            assertThat(alive(pid)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void anExitOfTheBinaryIsTheExitOfTheProcessWithItsLog() throws Exception {
        Supervised s = Supervised.start("failing", List.of("/bin/sh", "-c", "echo bind: address already in use; exit 3"),
                tmp, tmp.resolve("failing.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (s.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.isAlive()).isFalse();
        assertThat(s.exitReport()).startsWith("failing exited with status 3").contains("address already in use");
        assertThat(Files.readString(tmp.resolve("failing.log"))).contains("address already in use");
        s.stop();
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.map(ProcessHandle::isAlive).orElse(false);
    }

    /** The watchdog plus the binary and the pipe watcher once the shell has started them. */
    private static List<Long> awaitChildren(Supervised s) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> pids = s.pids();
        while (pids.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            pids = s.pids();
        }
        assertThat(pids).as("watchdog, binary, pipe watcher").hasSizeGreaterThanOrEqualTo(3);
        return pids;
    }
}
