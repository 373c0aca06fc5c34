package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationLoopTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void theServerHearsOfEachNewPairOnceAndTheBundleIsPublishedEveryRun() throws Exception {
        MemoryStore store = new MemoryStore();
        MovableClock clock = new MovableClock();
        List<CertState> heard = new CopyOnWriteArrayList<>();
        List<List<X509Certificate>> published = new CopyOnWriteArrayList<>();
        try (RotationLoop loop = new RotationLoop(store, CertRequest.loopback(), RotationPolicy.defaults(), clock,
                RotationLoop.DEFAULT_PERIOD, Optional.of(published::add), heard::add)) {
            loop.runOnce();
            loop.runOnce();
            assertThat(heard).hasSize(1);
            assertThat(published).hasSize(2);
            clock.now.set(T0.plus(Duration.ofDays(61)));
            Rotation.Result r = loop.runOnce();
            assertThat(r.changed()).isTrue();
            assertThat(heard).hasSize(2);
            assertThat(heard.get(1).serving().orElseThrow().certificate())
                    .isNotEqualTo(heard.get(0).serving().orElseThrow().certificate());
            assertThat(published.get(2)).isEqualTo(heard.get(1).bundle());
        }
    }

    @Test
    void aReplicaPicksUpThePairAnotherReplicaWrote() throws Exception {
        MemoryStore store = new MemoryStore();
        MovableClock clock = new MovableClock();
        List<CertState> a = new CopyOnWriteArrayList<>();
        List<CertState> b = new CopyOnWriteArrayList<>();
        try (RotationLoop ra = new RotationLoop(store, CertRequest.loopback(), RotationPolicy.defaults(), clock,
                RotationLoop.DEFAULT_PERIOD, Optional.empty(), a::add);
             RotationLoop rb = new RotationLoop(store, CertRequest.loopback(), RotationPolicy.defaults(), clock,
                     RotationLoop.DEFAULT_PERIOD, Optional.empty(), b::add)) {
            ra.runOnce();
            rb.runOnce();
            assertThat(store.writes).isEqualTo(1); // b found the work done
            clock.now.set(T0.plus(Duration.ofDays(61)));
            ra.runOnce();                          // a renews
            rb.runOnce();                          // b serves a's new pair
            assertThat(b.get(b.size() - 1).serving().orElseThrow().certificate())
                    .isEqualTo(a.get(a.size() - 1).serving().orElseThrow().certificate());
            assertThat(store.writes).isEqualTo(2);
        }
    }

    @Test
    void aFailingPublishStillDeliversThePairAndTheScheduleSurvivesFailures() throws Exception {
        MemoryStore store = new MemoryStore();
        AtomicInteger calls = new AtomicInteger();
        List<CertState> heard = new CopyOnWriteArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        CountDownLatch threeRuns = new CountDownLatch(3);
        BundlePublisher flaky = bundle -> {
            int n = calls.incrementAndGet();
            threeRuns.countDown();
            if (n <= 2) {
                throw new IOException("API server unavailable");
            }
        };
        try (RotationLoop loop = new RotationLoop(store, CertRequest.loopback(), RotationPolicy.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMillis(20), Optional.of(flaky), new RotationLoop.Listener() {
                    @Override
                    public void changed(CertState state) {
                        heard.add(state);
                    }

                    @Override
                    public void failed(Exception e) {
                        failures.add(e);
                    }
                })) {
            assertThatThrownBy(loop::runOnce).hasMessage("API server unavailable");
            assertThat(heard).hasSize(1); // the server got its pair although publishing failed
            loop.start();
            assertThat(threeRuns.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).hasSizeGreaterThanOrEqualTo(1).allSatisfy(e -> assertThat(e).hasMessage("API server unavailable"));
        assertThat(calls.get()).isGreaterThanOrEqualTo(3); // runs went on after a failure
    }
}
