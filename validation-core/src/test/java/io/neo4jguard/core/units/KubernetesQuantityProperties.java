package io.neo4jguard.core.units;

import io.fabric8.kubernetes.api.model.Quantity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesQuantityProperties {
    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    private static final Map<String, BigDecimal> MULTIPLIER = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", BigDecimal.ONE.movePointLeft(9)), Map.entry("u", BigDecimal.ONE.movePointLeft(6)),
            Map.entry("m", BigDecimal.ONE.movePointLeft(3)), Map.entry("k", BigDecimal.ONE.movePointRight(3)),
            Map.entry("M", BigDecimal.ONE.movePointRight(6)), Map.entry("G", BigDecimal.ONE.movePointRight(9)),
            Map.entry("T", BigDecimal.ONE.movePointRight(12)), Map.entry("P", BigDecimal.ONE.movePointRight(15)),
            Map.entry("E", BigDecimal.ONE.movePointRight(18)),
            Map.entry("Ki", KI), Map.entry("Mi", KI.pow(2)), Map.entry("Gi", KI.pow(3)), Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)), Map.entry("Ei", KI.pow(6)));

    /**
     * fabric8's multiplier for {@code Ei}: it computes {@code 2.pow(60, MathContext.DECIMAL64)}, i.e. 2^60
     * rounded to 16 significant digits (1152921504606847000 instead of 1152921504606846976). Every other
     * multiplier (2^10..2^50 and the powers of ten) has at most 16 digits and is exact in fabric8.
     */
    private static final BigDecimal FABRIC8_EI = new BigDecimal(2).pow(60, MathContext.DECIMAL64);

    @Property(tries = 2000)
    void valueIsNumberTimesMultiplier(@ForAll("quantities") Generated q) {
        Parsed<BigDecimal> p = KubernetesQuantity.parse(q.text());
        assertThat(p.ok()).as("%s: %s", q.text(), p.error()).isTrue();
        assertThat(p.value()).as(q.text()).isEqualByComparingTo(q.expected());
    }

    /** Cross-check against the Kubernetes model's own parser (fabric8 kubernetes-model-core). */
    @Property(tries = 2000)
    void agreesWithFabric8(@ForAll("quantities") Generated q) {
        BigDecimal fabric8 = Quantity.getAmountInBytes(new Quantity(q.text()));
        BigDecimal ours = KubernetesQuantity.parse(q.text()).value();
        if (q.suffix().equals("Ei")) {
            // The documented divergence: fabric8's Ei is 2^60 rounded to 16 digits, a relative error of 2e-17.
            assertThat(fabric8).isEqualByComparingTo(q.number().multiply(FABRIC8_EI));
            if (ours.signum() != 0) {
                BigDecimal relative = fabric8.subtract(ours).abs().divide(ours.abs(), MathContext.DECIMAL64);
                assertThat(relative).isLessThan(new BigDecimal("1e-16"));
            }
            return;
        }
        assertThat(ours).as(q.text()).isEqualByComparingTo(fabric8);
    }

    @Property(tries = 2000)
    void bytesIsTheCeilingOfTheValue(@ForAll("quantities") Generated q) {
        Parsed<Long> bytes = KubernetesQuantity.bytes(q.text());
        BigDecimal v = q.expected();
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            assertThat(bytes.ok()).isFalse();
        } else {
            assertThat(bytes.value()).isEqualTo(v.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        }
    }

    @Property(tries = 2000)
    void neverThrowsOnAnyString(@ForAll String text) {
        assertThat(KubernetesQuantity.parse(text).ok() || !KubernetesQuantity.parse(text).error().isBlank()).isTrue();
        assertThat(KubernetesQuantity.bytes(text).ok() || !KubernetesQuantity.bytes(text).error().isBlank()).isTrue();
    }

    @Property(tries = 2000)
    void neverThrowsOnAdversarialStrings(@ForAll("adversarial") String text) {
        Parsed<BigDecimal> p = KubernetesQuantity.parse(text);
        assertThat(p.ok() || !p.error().isBlank()).isTrue();
        Parsed<Long> b = KubernetesQuantity.bytes(text);
        assertThat(b.ok() ? b.value() >= 0 : !b.error().isBlank()).isTrue();
    }

    @Property
    void rejectsNonAsciiDigits(@ForAll("unicodeDigit") String digit) {
        assertThat(KubernetesQuantity.parse("1" + digit + "Gi").ok()).isFalse();
        assertThat(KubernetesQuantity.parse(digit).ok()).isFalse();
    }

    record Generated(String text, BigDecimal number, String suffix, BigDecimal expected) {
    }

    @Provide
    Arbitrary<Generated> quantities() {
        Arbitrary<String> sign = Arbitraries.of("", "", "", "+", "-");
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> digits = Arbitraries.oneOf(
                whole,
                Combinators.combine(whole, fraction).as((w, f) -> w + "." + f),
                fraction.map(f -> "." + f),
                whole.map(w -> w + "."));
        Arbitrary<String> suffix = Arbitraries.oneOf(
                Arbitraries.of(MULTIPLIER.keySet().toArray(String[]::new)),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.integers().between(0, 30)).as((e, s, n) -> e + s + n));
        return Combinators.combine(sign, digits, suffix).as((s, d, x) -> {
            BigDecimal number = new BigDecimal(s + (d.endsWith(".") ? d + "0" : d));
            BigDecimal expected = MULTIPLIER.containsKey(x) ? number.multiply(MULTIPLIER.get(x))
                    : number.scaleByPowerOfTen(Integer.parseInt(x.substring(1)));
            return new Generated(s + d + x, number, x, expected);
        });
    }

    @Provide
    Arbitrary<String> adversarial() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.+-eEnumkKMGTPi \t\u00A0\u0661\uFF14").ofMaxLength(30),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400).map(d -> "1e" + d),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400).map(d -> "1e-" + d),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3000).map(d -> d + "Ei"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3000).map(d -> "0." + d + "n"));
    }

    @Provide
    Arbitrary<String> unicodeDigit() {
        return Arbitraries.of("\u0661", "\u0966", "\uFF14", "\u09EA", "\uD835\uDFD2");
    }
}
