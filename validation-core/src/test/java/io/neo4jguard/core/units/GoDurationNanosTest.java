package io.neo4jguard.core.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationNanosTest {
    @ParameterizedTest(name = "{0} = {1}ns")
    @CsvSource({
            "0, 0",
            "+0, 0",
            "-0, 0",
            "1ns, 1",
            "1us, 1000",
            "1\u00b5s, 1000",
            "1\u03bcs, 1000",
            "300ms, 300000000",
            "1s, 1000000000",
            ".5s, 500000000",
            "1.s, 1000000000",
            "1m, 60000000000",
            "1h, 3600000000000",
            "1.5h, 5400000000000",
            "1h30m, 5400000000000",
            "-1.5h, -5400000000000",
            "2160h, 7776000000000000",
            "2562047h, 9223369200000000000",
            "9223372036854775807ns, 9223372036854775807",
            "-9223372036854775808ns, -9223372036854775808",
    })
    void valid(String text, long nanos) {
        Parsed<Long> p = GoDuration.nanos(text);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.value()).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource({
            "''",
            "1",
            "h",
            ".s",
            "-",
            "1d",
            "90d",
            "1H",
            "1h 30m",
            "' 1h'",
            "1hh",
            "2562048h",
            "9223372036854775808ns",
            "1e3s",
            "\u0661h",
    })
    void invalid(String text) {
        Parsed<Long> p = GoDuration.nanos(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "90d, 2160h",
            "1 day, 24h",
            "2w, 336h",
            "1H, 1h",
            "' 5m', 5m",
            "1M, ''",
            "banana, ''",
            "1h, ''",
    })
    void fixes(String text, String fix) {
        assertThat(GoDuration.fix(text)).isEqualTo(fix.isEmpty() ? null : fix);
    }

    @Test
    void errorNamesTheFixAndTheForm() {
        assertThat(GoDuration.nanos("90d").error()).contains("write 2160h").contains("Go duration");
    }

    @Test
    void formatsWholeUnits() {
        assertThat(GoDuration.compact(7_776_000_000_000_000L)).isEqualTo("2160h");
        assertThat(GoDuration.compact(300_000_000_000L)).isEqualTo("5m");
        assertThat(GoDuration.compact(1_500_000_000L)).isEqualTo("1500000000ns");
        assertThat(GoDuration.compact(0)).isEqualTo("0s");
    }
}
