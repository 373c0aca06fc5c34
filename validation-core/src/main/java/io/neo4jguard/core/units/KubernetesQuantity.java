package io.neo4jguard.core.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code k8s.io/apimachinery/pkg/api/resource}), exact:
 * <pre>
 * quantity        ::= signedNumber suffix
 * suffix          ::= binarySI | decimalSI | decimalExponent
 * binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei
 * decimalSI       ::= n | u | m | "" | k | M | G | T | P | E
 * decimalExponent ::= "e" signedNumber | "E" signedNumber
 * </pre>
 * Values are exact {@link BigDecimal}s: {@code 512m} is 0.512 (milli), not 512 MiB; that trap is why
 * this parser and {@link Neo4jSize} are separate languages and never share code.
 */
public final class KubernetesQuantity {
    private static final Pattern GRAMMAR = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))((?:[KMGTPE]i)|[numkMGTPE]?|[eE][+-]?[0-9]+)");

    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)));

    /**
     * Exponents beyond this are refused: the API server caps quantities near 2^63 anyway, and an
     * unbounded exponent ({@code 1e999999999}) would make BigDecimal arithmetic explode.
     */
    private static final int MAX_EXPONENT = 100;

    private static final String EXPECTED = "expected a Kubernetes quantity such as 4Gi, 4096Mi, 4G or 4e9";

    private KubernetesQuantity() {
    }

    /** The exact value (bytes, for memory), or an error naming the expected form. */
    public static Parsed<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Parsed.fail("empty quantity; " + EXPECTED);
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Parsed.fail("'" + text + "' is not a valid quantity; " + EXPECTED + hint(text));
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2);
        if (!suffix.isEmpty() && (suffix.charAt(0) == 'e' || (suffix.charAt(0) == 'E' && suffix.length() > 1))) {
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return Parsed.fail("exponent out of range in '" + text + "'");
            }
            if (Math.abs(exponent) > MAX_EXPONENT) {
                return Parsed.fail("exponent out of range in '" + text + "'");
            }
            return Parsed.ok(number.scaleByPowerOfTen(exponent));
        }
        return Parsed.ok(number.multiply(SUFFIX.get(suffix)));
    }

    /**
     * Whole bytes as Kubernetes counts them for memory ({@code Quantity.Value()} rounds up), or an
     * error for unparseable, negative or over-2^63 values.
     */
    public static Parsed<Long> bytes(String text) {
        Parsed<BigDecimal> p = parse(text);
        if (!p.ok()) {
            return Parsed.fail(p.error());
        }
        BigDecimal v = p.value();
        if (v.signum() < 0) {
            return Parsed.fail("'" + text + "' is negative");
        }
        BigInteger whole = v.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        if (whole.bitLength() > 63) {
            return Parsed.fail("'" + text + "' is too large");
        }
        return Parsed.ok(whole.longValueExact());
    }

    private static String hint(String text) {
        if (text.matches("[0-9.]+\\s*[kKmMgGtT][iI]?[bB]")) {
            return " (Kubernetes quantities have no B: write " + text.replaceAll("\\s*[bB]$", "")
                    .replaceAll("([kKmMgGtT])[iI]$", "$1i") + ")";
        }
        if (text.matches("[0-9.]+\\s+\\S+")) {
            return " (no space between number and unit)";
        }
        if (text.matches("[0-9.]+[gt]")) {
            return " (lower-case g or t is not a unit; use Gi or G)";
        }
        if (text.matches("[0-9.]+K")) {
            return " (the decimal kilo is a lower-case k; binary is Ki)";
        }
        return "";
    }
}
