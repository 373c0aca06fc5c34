package io.neo4jguard.core.units;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Neo4jSizeProperties {
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("B", 1L),
            Map.entry("k", 1L << 10), Map.entry("K", 1L << 10), Map.entry("kB", 1L << 10), Map.entry("kb", 1L << 10),
            Map.entry("KB", 1L << 10), Map.entry("KiB", 1L << 10),
            Map.entry("m", 1L << 20), Map.entry("M", 1L << 20), Map.entry("mB", 1L << 20), Map.entry("mb", 1L << 20),
            Map.entry("MB", 1L << 20), Map.entry("MiB", 1L << 20),
            Map.entry("g", 1L << 30), Map.entry("G", 1L << 30), Map.entry("gB", 1L << 30), Map.entry("gb", 1L << 30),
            Map.entry("GB", 1L << 30), Map.entry("GiB", 1L << 30),
            Map.entry("TiB", 1L << 40), Map.entry("TB", 1L << 40), Map.entry("PiB", 1L << 50), Map.entry("PB", 1L << 50),
            Map.entry("EiB", 1L << 60), Map.entry("EB", 1L << 60));

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0) long bytes) {
        String text = Neo4jSize.format(bytes);
        assertThat(text).doesNotContain("i").doesNotContain("B");
        assertThat(Neo4jSize.parse(text).value()).isEqualTo(bytes);
    }

    @Property
    void formatThenParseIsIdentityNearUnitBoundaries(@ForAll @IntRange(min = 0, max = 53) int shift,
                                                     @ForAll @IntRange(min = -2, max = 2) int delta) {
        long bytes = Math.max(0, (1L << shift) * 1024 + delta);
        assertThat(Neo4jSize.parse(Neo4jSize.format(bytes)).value()).isEqualTo(bytes);
    }

    @Property
    void wholeNumberTimesUnit(@ForAll @LongRange(min = 0, max = 1L << 40) long n, @ForAll("units") String unit,
                              @ForAll("space") String space) {
        long factor = UNITS.get(unit);
        BigDecimal expected = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(factor));
        Parsed<Long> p = Neo4jSize.parse(n + space + unit);
        if (expected.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            assertThat(p.ok()).isFalse();
        } else {
            assertThat(p.value()).isEqualTo(expected.longValueExact());
        }
    }

    @Property
    void fractionTimesUnitIsTruncated(@ForAll @IntRange(min = 0, max = 100_000) int whole,
                                      @ForAll @IntRange(min = 0, max = 999) int thousandths,
                                      @ForAll("units") String unit) {
        String text = whole + "." + String.format("%03d", thousandths) + unit;
        BigDecimal expected = new BigDecimal(whole + "." + String.format("%03d", thousandths))
                .multiply(BigDecimal.valueOf(UNITS.get(unit))).setScale(0, RoundingMode.DOWN);
        Parsed<Long> p = Neo4jSize.parse(text);
        if (expected.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            assertThat(p.error()).contains("8388608.00TiB");
        } else {
            assertThat(p.value()).isEqualTo(expected.longValueExact());
        }
    }

    /**
     * Against Neo4j's own algorithm (org.neo4j.io.ByteUnit.parse: trim, NumberFormat ENGLISH, whitespace, exact unit,
     * double arithmetic) on strings made of the characters that matter. Both must accept the same strings;
     * values agree up to double rounding. Generated strings avoid our documented deviations (exponents of
     * more than four digits, text after the unit, non-ASCII digits).
     */
    @Property(tries = 3000)
    void agreesWithNeo4jsNumberFormatAlgorithm(@ForAll("neo4jish") String text) {
        Parsed<Long> ours = Neo4jSize.parse(text);
        Long neo4j = neo4jByteUnitParse(text);
        Statistics.label("Neo4j accepts").collect(neo4j != null);
        Statistics.label("Neo4j accepts").coverage(c -> c.check(true).percentage(pct -> pct > 10));
        if (neo4j == null) {
            assertThat(ours.ok()).as("we accept %s = %s; Neo4j does not", text, ours.value()).isFalse();
            return;
        }
        if (!ours.ok() && neo4j == Long.MAX_VALUE) {
            return; // Neo4j saturates (2^63-1, 2^63] to 2^63-1 through doubles; we say "too large"
        }
        assertThat(ours.ok()).as("Neo4j accepts %s = %s; we say %s", text, neo4j, ours.error()).isTrue();
        double tolerance = 1 + Math.abs((double) neo4j) * 1e-15;
        assertThat(Math.abs((double) ours.value() - neo4j)).as(text).isLessThanOrEqualTo(tolerance);
    }

    @Property(tries = 2000)
    void neverThrowsOnAnyString(@ForAll String text) {
        Parsed<Long> p = Neo4jSize.parse(text);
        assertThat(p.ok() ? p.value() >= 0 : !p.error().isBlank()).isTrue();
    }

    @Property(tries = 2000)
    void neverThrowsOnAdversarialStrings(@ForAll("adversarial") String text) {
        Parsed<Long> p = Neo4jSize.parse(text);
        assertThat(p.ok() ? p.value() >= 0 : !p.error().isBlank()).isTrue();
        Neo4jSize.fixFromKubernetes(text);
    }

    @Property
    void rejectsNonAsciiDigits(@ForAll("unicodeDigit") String digit, @ForAll("units") String unit) {
        assertThat(Neo4jSize.parse("1" + digit + unit).ok()).isFalse();
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of(List.copyOf(UNITS.keySet()));
    }

    @Provide
    Arbitrary<String> space() {
        return Arbitraries.of("", "", " ", "\t", "  ");
    }

    @Provide
    Arbitrary<String> neo4jish() {
        Arbitrary<String> number = Arbitraries.strings().withChars("0123456789,.-").ofMinLength(0).ofMaxLength(8);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("0123456789-").ofMaxLength(3).map(e -> "E" + e));
        Arbitrary<String> unit = Arbitraries.oneOf(units(), Arbitraries.of("Ki", "Gi", "gi", "T", "b", "e", "E", ",", "x"));
        Arbitrary<String> pad = Arbitraries.of("", "", " ", "\t", "\n");
        return Combinators.combine(pad, number, exponent, space(), unit, pad)
                .as((a, n, e, s, u, b) -> a + n + e + s + u + b);
    }

    @Provide
    Arbitrary<String> adversarial() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789,.-+eEkKmMgGtTpPiIbB \t\u00A0\u2003\u0661\uFF14\u221ENa")
                        .ofMaxLength(30),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400).map(d -> "1E" + d),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400).map(d -> "1E-" + d + "g"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2000).map(d -> d + "EB"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2000).map(d -> "0." + d + "k"));
    }

    @Provide
    Arbitrary<String> unicodeDigit() {
        return Arbitraries.of("\u0661", "\u0966", "\uFF14", "\u09EA", "\uD835\uDFD2");
    }

    /** Neo4j's {@code ByteUnit.parse} as 5.26.30 and 2026.08.1 behave; null when Neo4j refuses. */
    private static Long neo4jByteUnitParse(String text) {
        String t = text.trim();
        ParsePosition pos = new ParsePosition(0);
        Number number = NumberFormat.getNumberInstance(Locale.ENGLISH).parse(t, pos);
        if (number == null || pos.getIndex() == 0) {
            return null;
        }
        if (number.doubleValue() < 0 || number.doubleValue() > Long.MAX_VALUE) {
            return null;
        }
        int i = pos.getIndex();
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        if (i < t.length()) {
            return null; // text after the unit: Neo4j ignores it, we refuse it (documented deviation)
        }
        if (start == i) {
            return number.longValue();
        }
        Long unit = UNITS.get(t.substring(start, i));
        if (unit == null) {
            return null;
        }
        double bytes = number.doubleValue() * unit;
        if (bytes < 0 || bytes > Long.MAX_VALUE) {
            return null;
        }
        return (long) bytes;
    }
}
