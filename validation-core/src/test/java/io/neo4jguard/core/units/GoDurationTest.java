package io.neo4jguard.core.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationTest {
    /** Go's own table (time_test.go parseDurationTests), in nanoseconds. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "0           | 0",
            "5s          | 5000000000",
            "30s         | 30000000000",
            "1478s       | 1478000000000",
            "-5s         | -5000000000",
            "+5s         | 5000000000",
            "-0          | 0",
            "+0          | 0",
            "5.0s        | 5000000000",
            "5.6s        | 5600000000",
            "5.s         | 5000000000",
            ".5s         | 500000000",
            "1.0s        | 1000000000",
            "1.004s      | 1004000000",
            "100.00100s  | 100001000000",
            "10ns        | 10",
            "11us        | 11000",
            "12\u00b5s   | 12000",
            "12\u03bcs   | 12000",
            "13ms        | 13000000",
            "14s         | 14000000000",
            "15m         | 900000000000",
            "16h         | 57600000000000",
            "3h30m       | 12600000000000",
            "10.5s4m     | 250500000000",
            "-2m3.4s     | -123400000000",
            "1h2m3s4ms5us6ns | 3723004005006",
            "39h9m14.425s | 140954425000000",
            "52763797000ns | 52763797000",
            "0.3333333333333333333h | 1200000000000",
            "9007199254740993ns | 9007199254740993",
            "9223372036854775807ns | 9223372036854775807",
            "9223372036854775.807us | 9223372036854775807",
            "-9223372036854775808ns | -9223372036854775808",
            "2160h       | 7776000000000000",
    })
    void parsesLikeGo(String text, long nanos) {
        assertThat(GoDuration.parse(text).value()).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "90d", "1 h", " 1h", "1h ", "1e3s",
            "9223372036854775808ns", "9223372036854775.808us", "3000000h", "1H", "--1s"})
    void refusesWhatGoRefuses(String text) {
        assertThat(GoDuration.parse(text).ok()).as(text).isFalse();
    }

    @Test
    void nullIsAnError() {
        assertThat(GoDuration.parse(null).ok()).isFalse();
    }

    @Test
    void positiveMeansAboveZero() {
        assertThat(GoDuration.parsePositive("1m").ok()).isTrue();
        assertThat(GoDuration.parsePositive("0s").ok()).isFalse();
        assertThat(GoDuration.parsePositive("-1m").ok()).isFalse();
        assertThat(GoDuration.parsePositive("1x").ok()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}ns -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0                    | 0s",
            "1                    | 1ns",
            "1100                 | 1.1\u00b5s",
            "2200000              | 2.2ms",
            "3300000000           | 3.3s",
            "240000000000         | 4m0s",
            "300000000000         | 5m0s",
            "5400000000000        | 1h30m0s",
            "4000000001           | 4.000000001s",
            "-5000000000          | -5s",
            "9223372036854775807  | 2562047h47m16.854775807s",
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }
}
