package io.neo4jguard.core.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sizes as Neo4j's ByteUnit.parse reads them (measured on 5.26.30 and 2026.08.1), plus the edges of NumberFormat. */
class Neo4jSizeTest {
    private static final long KI = 1024L;
    private static final long MI = KI * KI;
    private static final long GI = MI * KI;

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
            // no unit: bytes
            "1073741824 | 1073741824",
            "0          | 0",
            // B upper-case only
            "4096B      | 4096",
            // every kilo spelling is 1024
            "512k   | 524288", "512K | 524288", "512kB | 524288", "512kb | 524288", "512KB | 524288",
            "512KiB | 524288",
            "512m   | 536870912", "512M | 536870912", "512mB | 536870912", "512mb | 536870912",
            "512MB  | 536870912", "512MiB | 536870912",
            "4g     | 4294967296", "4G | 4294967296", "4gB | 4294967296", "4gb | 4294967296",
            "4GB    | 4294967296", "4GiB | 4294967296",
            "1TiB   | 1099511627776", "1TB | 1099511627776",
            "1PiB   | 1125899906842624", "1PB | 1125899906842624",
            "1EiB   | 1152921504606846976", "1EB | 1152921504606846976",
            // fractions, truncated; whitespace inside and around
            "4.5g   | 4831838208", "0.5g | 536870912", ".5g | 536870912", "1.g | 1073741824",
            "'4 g'  | 4294967296", "' 4g ' | 4294967296", "'4\tg' | 4294967296",
            "0.3m   | 314572", "1.5 | 1", "0.9 | 0",
            // upper-case exponent (never a plus); E not followed by digits belongs to the unit
            "1E9    | 1000000000", "1E3k | 1024000", "1E-3g | 1073741", "1E0003 | 1000", ".5E1 | 5",
            "1.E3   | 1000", "1E3EB | -1",
            // grouping commas, as NumberFormat reads them
            "'1,024'     | 1024", "'1,0,2,4' | 1024", "',5' | 5", "'1,,024' | 1024", "'1,.5k' | 1536",
            "'1,024.5k'  | 1049088",
            // -0 is zero, not negative (NumberFormat returns -0.0, which passes Neo4j's range check)
            "-0     | 0", "-0.0g | 0",
            // the top of the range
            "9223372036854775807 | 9223372036854775807", "7EB | 8070450532247928832",
    })
    void acceptsWhatNeo4jAccepts(String text, long bytes) {
        Parsed<Long> p = Neo4jSize.parse(text);
        if (bytes < 0) {
            assertThat(p.ok()).as(p.toString()).isFalse();
            return;
        }
        assertThat(p.ok()).as(String.valueOf(p.error())).isTrue();
        assertThat(p.value()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "[{0}] rejected")
    @ValueSource(strings = {
            // Kubernetes binary suffixes (Neo4j refuses them)
            "Ki", "Mi", "Gi", "2Gi", "512Mi", "4gi", "1Ti",
            // lower-case exponent, negative, unit with trailing digits
            "1e9", "-1", "-1g", "-.5", "4g4",
            // no T/P/E without B; lower-case b
            "1T", "1t", "4tb", "1P", "1E", "4b",
            // no number, dangling comma, two numbers, two dots, plus sign
            "", " ", "g", "1,", "1,g", "1 000", "1.2.3", "+4g", ".", ",", "E3",
            // text after the unit
            "4g foo", "4 g g",
            // non-ASCII digits and NumberFormat's symbols
            "４g", "\u0661\u0662m", "NaN", "\u221E", "Infinity",
            // out of range
            "8EB", "9223372036854775808", "1E19", "1E9999g", "1E4294967296", "1E99999",
    })
    void rejects(String text) {
        Parsed<Long> p = Neo4jSize.parse(text);
        assertThat(p.ok()).as("accepted as %s", p.value()).isFalse();
        assertThat(p.error()).isNotBlank();
    }

    @ParameterizedTest(name = "[{0}] -> hint [{1}]")
    @CsvSource(delimiter = '|', value = {
            "4Gi    | write 4g",
            "1.5Gi  | write 1536m",
            "512Mi  | write 512m",
            "100Ki  | write 100k",
            "4gi    | write 4g",
            "'4 Gi' | write 4g",
            "1T     | write 1TB",
            "4tb    | write 4TB",
            "1e9    | write 1E9",
            "1e3k   | write 1E3k",
            "4b     | write 4B",
            "4GI    | write 4g",
            "４g     | ASCII digits: 4g",
            "+4g    | drop the plus sign: 4g",
            "-1     | Value should be between 0 and 8388608.00TiB",
            "8EB    | Value should be between 0 and 8388608.00TiB",
            "4g foo | unexpected text after the unit",
            "'1,'   | must be followed by digits",
    })
    void errorsSayHowToFixIt(String text, String hint) {
        Parsed<Long> p = Neo4jSize.parse(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).contains(hint);
    }

    @Test
    void invalidTextUsesNeo4jsOwnWords() {
        assertThat(Neo4jSize.parse("4Gi").error())
                .startsWith("'4Gi' is not a valid size, must be e.g. 10, 5K, 1M, 11G (valid multipliers are B, KiB,");
        assertThat(Neo4jSize.parse(null).ok()).isFalse();
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 0", "1 | 1", "1023 | 1023", "1024 | 1k", "1536 | 1536", "1572864 | 1536k", "1048576 | 1m",
            "1610612736 | 1536m", "4294967296 | 4g", "9223372036854775807 | 9223372036854775807",
            "9223372036854774784 | 9007199254740991k",
    })
    void formatsExactlyInNeo4jUnits(long bytes, String text) {
        assertThat(Neo4jSize.format(bytes)).isEqualTo(text);
        assertThat(Neo4jSize.parse(text).value()).isEqualTo(bytes);
    }

    @Test
    void formatRefusesNegative() {
        assertThatThrownBy(() -> Neo4jSize.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "4Gi | 4g", "1536Mi | 1536m", "1.5Gi | 1536m", "2Ti | 2048g", "100Ki | 100k", "4gi | 4g",
            "' 4Gi ' | 4g", "0.5Ki | 512", "'4 Gi' | 4g",
    })
    void fixesKubernetesBinaryUnits(String text, String fix) {
        assertThat(Neo4jSize.fixFromKubernetes(text)).isEqualTo(fix);
        assertThat(Neo4jSize.parse(fix).value()).isEqualTo(KubernetesQuantity.bytes(text.trim().replace(" ", "")
                .replace("gi", "Gi")).value());
    }

    @ParameterizedTest(name = "[{0}] has no Kubernetes fix")
    @ValueSource(strings = {"4g", "4G", "4GB", "512m", "0Gi", "Gi", "-1Gi", "1e9", "abc"})
    void noFixForWhatIsNotAKubernetesBinaryQuantity(String text) {
        assertThat(Neo4jSize.fixFromKubernetes(text)).isNull();
    }

    @Test
    void theSameTextMeansDifferentThingsInTheTwoGrammars() {
        // The 512m trap (Neo4j's m is MiB, Kubernetes' m is milli): 512 MiB for Neo4j, 0.512 bytes for Kubernetes.
        assertThat(Neo4jSize.parse("512m").value()).isEqualTo(512 * MI);
        assertThat(KubernetesQuantity.parse("512m").value()).isEqualByComparingTo("0.512");
        // 4G: binary for Neo4j, decimal for Kubernetes.
        assertThat(Neo4jSize.parse("4G").value()).isEqualTo(4 * GI);
        assertThat(KubernetesQuantity.bytes("4G").value()).isEqualTo(4_000_000_000L);
    }
}
