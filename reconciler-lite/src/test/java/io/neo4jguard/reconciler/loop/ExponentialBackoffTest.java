package io.neo4jguard.reconciler.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExponentialBackoffTest {
    @Test
    void doublesPerFailureFromTheBaseAndStopsAtTheCap() {
        ExponentialBackoff<String> b = ExponentialBackoff.standard();
        assertThat(b.next("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(b.next("a")).isEqualTo(Duration.ofMillis(10));
        assertThat(b.next("a")).isEqualTo(Duration.ofMillis(20));
        for (int i = 4; i <= 18; i++) {
            b.next("a");
        }
        // 5 ms * 2^17 = 655.36 s at the 18th failure; the 19th would be 1310.72 s and is capped.
        assertThat(b.failures("a")).isEqualTo(18);
        assertThat(b.next("a")).isEqualTo(ExponentialBackoff.CAP);
        for (int i = 0; i < 100; i++) {
            assertThat(b.next("a")).isEqualTo(ExponentialBackoff.CAP); // no overflow past 63 doublings
        }
    }

    @Test
    void keysAreIndependentAndForgetResets() {
        ExponentialBackoff<String> b = ExponentialBackoff.standard();
        b.next("a");
        b.next("a");
        assertThat(b.next("b")).isEqualTo(Duration.ofMillis(5));
        b.forget("a");
        assertThat(b.failures("a")).isZero();
        assertThat(b.next("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void refusesABaseAboveTheCap() {
        assertThatThrownBy(() -> new ExponentialBackoff<String>(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
