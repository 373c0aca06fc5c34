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
 *
 * <p>The accepted text is exactly the pattern the API server checks for quantity fields in CRDs
 * ({@code
 * ^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$})
 * minus the fractional exponents that {@code ParseQuantity} then refuses ({@code 1e1.5}). Only ASCII
 * digits; no whitespace (the CRD pattern is anchored). Two differences from {@code ParseQuantity}'s
 * stored value, both irrelevant to whole bytes: it rounds amounts below 1n up to 1n ({@code 0.1n}),
 * and caps binary-suffixed amounts at 2^63-1 ({@code 8Ei}); {@link #bytes} reports the latter as too large.
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
     * Exponents beyond this are refused. The API server itself takes any 32-bit exponent, but no
     * resource amount is anywhere near 10^100 or 10^-100 (memory tops out at 2^63 &lt; 10^19 bytes, the
     * smallest unit is 1n = 10^-9), and an unbounded exponent ({@code 1e999999999}) would make any
     * caller's BigDecimal arithmetic (adding two quantities) materialise a billion digits.
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
        // "E" alone is exa and "Ei" is exbi; only e/E followed by a (signed) number is an exponent.
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && suffix.charAt(1) != 'i') {
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return Parsed.fail("exponent out of range in '" + text + "': at most " + MAX_EXPONENT
                        + " either way (the largest memory size, 2^63 bytes, is below 1e19)");
            }
            if (Math.abs(exponent) > MAX_EXPONENT) {
                return Parsed.fail("exponent out of range in '" + text + "': at most " + MAX_EXPONENT
                        + " either way (the largest memory size, 2^63 bytes, is below 1e19)");
            }
            return Parsed.ok(number.scaleByPowerOfTen(exponent));
        }
        return Parsed.ok(number.multiply(SUFFIX.get(suffix)));
    }

    /**
     * Whole bytes as Kubernetes counts them for memory ({@code Quantity.Value()} rounds up), or an
     * error for unparseable, negative or over-2^63 values. (The API server would silently cap a
     * binary-suffixed value above 2^63-1 and keep a decimal one as is; either way no such limit is
     * meant, so it is an error here.)
     */
    public static Parsed<Long> bytes(String text) {
        Parsed<BigDecimal> p = parse(text);
        if (!p.ok()) {
            return Parsed.fail(p.error());
        }
        BigDecimal v = p.value();
        if (v.signum() < 0) {
            return Parsed.fail("'" + text + "' is negative; a memory size is at least 0");
        }
        if (v.signum() == 0) {
            return Parsed.ok(0L);
        }
        // Compare magnitudes first: neither 10^100 nor a 10^-100 divisor needs to be materialised.
        int integerDigits = v.precision() - v.scale();
        if (integerDigits > 19) {
            return Parsed.fail("'" + text + "' is too large: more than 2^63-1 bytes");
        }
        if (integerDigits <= 0) {
            return Parsed.ok(1L); // 0 < v < 1 rounds up to one byte, as Value() does
        }
        BigInteger whole = v.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        if (whole.bitLength() > 63) {
            return Parsed.fail("'" + text + "' is too large: more than 2^63-1 bytes");
        }
        return Parsed.ok(whole.longValueExact());
    }

    /** A number and a unit letter that is not (or not exactly) a Kubernetes suffix: 4g, 4GB, 4K, 4 Gi, 4gi. */
    private static final Pattern UNIT_TYPO = Pattern.compile(
            "([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(\\s*)([kKmMgGtTpP])([iI]?)([bB]?)");

    /** What the user most likely meant, for the common mistakes (the grammar of k8s.io/apimachinery
     * pkg/api/resource/quantity.go: case-sensitive suffixes, Ki not KiB). */
    private static String hint(String text) {
        if (!text.equals(text.strip()) && parse(text.strip()).ok()) {
            return " (remove the surrounding whitespace)";
        }
        if (text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            StringBuilder ascii = new StringBuilder();
            text.codePoints().forEach(c -> ascii.appendCodePoint(
                    Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
            return " (use ASCII digits: " + ascii + ")";
        }
        Matcher m = UNIT_TYPO.matcher(text);
        if (m.matches()) {
            String number = m.group(1);
            String unit = m.group(3).toUpperCase(java.util.Locale.ROOT);
            String space = m.group(2).isEmpty() ? "" : "no space between number and unit; ";
            if (!m.group(4).isEmpty()) {
                return " (" + space + "write " + number + unit + "i)";
            }
            String decimal = unit.equals("K") ? "k" : unit;
            return " (" + space + "write " + number + unit + "i for binary (1024-based) or " + number + decimal
                    + " for decimal units; Kubernetes has no B and its kilo is a lower-case k)";
        }
        if (text.matches("[+-]?[0-9.]+\\s+\\S+")) {
            return " (no space between number and unit)";
        }
        return "";
    }
}
