package io.neo4jguard.core.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quantities as fabric8's Quantity.getAmountInBytes and the Kubernetes Java client read them (they agree on every
 * case), plus the edges of apimachinery's ParseQuantity.
 */
class KubernetesQuantityTest {
    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
            // binary SI
            "2Gi   | 2147483648", "512Mi | 536870912", "100Ki | 102400", "1Ti | 1099511627776",
            "1Pi   | 1125899906842624", "1Ei | 1152921504606846976", "1.5Gi | 1610612736",
            // decimal SI; lower-case m is milli, the 512m trap
            "2G    | 2000000000", "512M | 512000000", "100k | 100000", "1T | 1000000000000",
            "1P    | 1000000000000000", "1E | 1000000000000000000",
            "512m  | 0.512", "1u | 0.000001", "1n | 0.000000001", "0.1n | 0.0000000001",
            // decimal exponent, either case, signed
            "1e9   | 1000000000", "1E9 | 1000000000", "1e-3 | 0.001", "1E+3 | 1000", "1.5e3 | 1500",
            // numbers: sign, bare fraction, trailing dot (Go: 'we currently allow 1.G')
            "0     | 0", "+1Gi | 1073741824", "-1Gi | -1073741824", ".5Gi | 536870912", "1.G | 1000000000",
            "5.    | 5", "007 | 7", "-0 | 0",
            // exponent at the bound
            "1e100 | 1e100", "1e-100 | 1e-100",
    })
    void parsesExactly(String text, BigDecimal value) {
        Parsed<BigDecimal> p = KubernetesQuantity.parse(text);
        assertThat(p.ok()).as(String.valueOf(p.error())).isTrue();
        assertThat(p.value()).isEqualByComparingTo(value);
    }

    @ParameterizedTest(name = "[{0}] rejected")
    @ValueSource(strings = {
            // Neo4j spellings, which Kubernetes reads differently
            "100K", "2g", "2GiB", "4GB", "4gb", "512MB", "1t", "1ki", "1gi", "4b",
            // whitespace anywhere (the CRD pattern is anchored)
            " 1Gi", "1Gi ", "1 Gi", "\t1Gi",
            // incomplete or malformed
            "", "Gi", "+", "-", ".", "1e", "1e+", "1e1.5", "1.2.3", "1Gi1", "1GiGi", "--1", "0x10", "1,024",
            // exponent out of our bound, and absurd
            "1e101", "1e-101", "1e99999999999", "1E2147483648",
            // non-ASCII digits
            "\u0661Gi", "４Gi", "1\u00A0Gi",
    })
    void rejects(String text) {
        Parsed<BigDecimal> p = KubernetesQuantity.parse(text);
        assertThat(p.ok()).as("accepted as %s", p.value()).isFalse();
        assertThat(p.error()).isNotBlank();
        assertThat(KubernetesQuantity.bytes(text).ok()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> hint [{1}]")
    @CsvSource(delimiter = '|', value = {
            "100K  | write 100Ki for binary (1024-based) or 100k for decimal",
            "2g    | write 2Gi for binary",
            "4GB   | write 4Gi for binary (1024-based) or 4G for decimal",
            "2GiB  | write 2Gi)",
            "1gi   | write 1Gi)",
            "'1 Gi' | no space between number and unit; write 1Gi",
            "' 1Gi' | remove the surrounding whitespace",
            "４Gi  | use ASCII digits: 4Gi",
            "1e101 | exponent out of range",
    })
    void errorsSayHowToFixIt(String text, String hint) {
        Parsed<BigDecimal> p = KubernetesQuantity.parse(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).contains(hint);
    }

    @ParameterizedTest(name = "[{0}] = {1} bytes")
    @CsvSource(delimiter = '|', value = {
            "4Gi | 4294967296", "4G | 4000000000", "512m | 1", "1.5 | 2", "0 | 0", "0.0001n | 1",
            "1e-100 | 1", "7Ei | 8070450532247928832", "9223372036854775807 | 9223372036854775807",
            "8191Pi | 9222246136947933184",
    })
    void bytesRoundUpLikeQuantityValue(String text, long bytes) {
        Parsed<Long> p = KubernetesQuantity.bytes(text);
        assertThat(p.ok()).as(String.valueOf(p.error())).isTrue();
        assertThat(p.value()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "[{0}] has no byte count")
    @ValueSource(strings = {"-1", "-1Gi", "-0.5", "8Ei", "9223372036854775808", "1e19", "1e100", "10E", "8192Pi"})
    void bytesRejectsNegativeAndTooLarge(String text) {
        Parsed<Long> p = KubernetesQuantity.bytes(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).containsAnyOf("negative", "too large");
    }

    @Test
    void nullIsAnErrorNotAnException() {
        assertThat(KubernetesQuantity.parse(null).ok()).isFalse();
        assertThat(KubernetesQuantity.bytes(null).ok()).isFalse();
    }
}
