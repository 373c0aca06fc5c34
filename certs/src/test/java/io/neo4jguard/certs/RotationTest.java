package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optimistic-concurrency loop of {@link Rotation#run}, against a versioned in-memory store. */
class RotationTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final CertRequest REQUEST = CertRequest.loopback();
    static final RotationPolicy POLICY = RotationPolicy.defaults();

    @Test
    void twoReplicasStartingOnAnEmptyStoreEndWithOneCaAndOneCertificate() throws Exception {
        MemoryStore store = new MemoryStore();
        AtomicInteger interleaved = new AtomicInteger();
        // Replica B runs completely between replica A's read and A's write.
        store.beforeWrite = () -> {
            if (interleaved.getAndIncrement() == 0) {
                try {
                    Rotation.run(store, REQUEST, POLICY, CLOCK);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Rotation.Result a = Rotation.run(store, REQUEST, POLICY, CLOCK);
        assertThat(store.conflicts).isEqualTo(1);   // A lost the race...
        assertThat(a.attempts()).isEqualTo(2);       // ...re-read, re-planned...
        assertThat(a.changed()).isFalse();           // ...and found B's work complete.
        assertThat(store.writes).isEqualTo(1);
        CertState s = store.read().state();
        assertThat(s.bundle()).hasSize(1);
        assertThat(Certs.issuedBy(s.serving().orElseThrow().certificate(), s.bundle().get(0))).isTrue();
    }

    @Test
    void aLoserWhoseWorkIsStillNeededAfterTheWinnerWritesItOnTheRetry() throws Exception {
        MemoryStore store = new MemoryStore();
        Rotation.run(store, REQUEST, POLICY, CLOCK);
        // Another writer touches the store (a no-op rewrite of the same state) between A's read and write.
        AtomicInteger n = new AtomicInteger();
        store.beforeWrite = () -> {
            if (n.getAndIncrement() == 0) {
                try {
                    CertStore.Snapshot snap = store.read();
                    store.write(snap, snap.state());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Clock renewal = Clock.fixed(T0.plus(Duration.ofDays(61)), ZoneOffset.UTC);
        Rotation.Result r = Rotation.run(store, REQUEST, POLICY, renewal);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.changed()).isTrue();
        assertThat(store.read().state().serving().orElseThrow().certificate())
                .isEqualTo(r.after().serving().orElseThrow().certificate());
    }

    @Test
    void aStoreThatAlwaysChangesUnderUsIsGivenUpOnWithAClearMessage() {
        MemoryStore store = new MemoryStore();
        store.beforeWrite = () -> bump(store); // a busy neighbour writes before every write of ours
        assertThatThrownBy(() -> Rotation.run(store, REQUEST, POLICY, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("memory store changed under us " + Rotation.MAX_ATTEMPTS + " times");
        assertThat(store.conflicts).isEqualTo(Rotation.MAX_ATTEMPTS);
    }

    /** Rewrites the store's state unchanged, which still moves its version on (as any write to a Secret does). */
    private static void bump(MemoryStore s) {
        Runnable self = s.beforeWrite;
        s.beforeWrite = () -> { };
        try {
            CertStore.Snapshot snap = s.read();
            s.write(snap, snap.state());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            s.beforeWrite = self;
        }
    }

    @Test
    void previewPlansWithoutWriting() throws Exception {
        MemoryStore store = new MemoryStore();
        Rotation.Result r = Rotation.preview(store, REQUEST, POLICY, CLOCK);
        assertThat(r.plan().isEmpty()).isFalse();
        assertThat(store.writes).isZero();
        assertThat(store.read().state().isEmpty()).isTrue();
    }
}
