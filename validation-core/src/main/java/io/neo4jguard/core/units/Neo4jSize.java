package io.neo4jguard.core.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neo4j byte sizes as {@code neo4j.conf} reads them ({@code org.neo4j.io.ByteUnit.parse} behind
 * {@code SettingValueParsers.BYTES}; measured on 5.26.30 and 2026.08.1 by parsing
 * every case with Neo4j's own jars).
 *
 * <p>Neo4j's algorithm: {@code String.trim()} the text; read a number with
 * {@code NumberFormat.getNumberInstance(Locale.ENGLISH)}; skip whitespace; the rest up to the next
 * whitespace is the unit, looked up case-sensitively; bytes = number x unit, truncated to a long and
 * range-checked (0 to 2^63-1). What {@code NumberFormat} accepts, and so what this class accepts:
 * <ul>
 *   <li>grouping commas anywhere in the integer part as long as a digit follows the last one
 *       ({@code 1,024}, {@code 1,0,2,4}, {@code ,5} are 1024, 1024, 5; {@code 1,} is not a number);</li>
 *   <li>a fraction, also with no digits on one side ({@code .5g}, {@code 1.g});</li>
 *   <li>an upper-case exponent with an optional minus, never a plus ({@code 1E9}, {@code 1E-3g});
 *       {@code E} not followed by digits is left for the unit, which is why {@code 1EB} is one EiB;</li>
 *   <li>a leading minus (so {@code -0} is a valid zero, while {@code -1} is out of range).</li>
 * </ul>
 * Every unit is binary, {@code KB} included. Kubernetes' {@code Ki}/{@code Mi}/{@code Gi} are
 * rejected (Neo4j refuses to start on them) with the equivalent Neo4j spelling as the fix.
 *
 * <p>Deliberate differences from Neo4j, all on input nobody means:
 * <ul>
 *   <li>Only ASCII digits. {@code NumberFormat} reads any Unicode digit ({@code ４g}, Arabic-Indic
 *       digits) and the symbols {@code NaN} (which Neo4j turns into 0 bytes) and {@code ∞}; these
 *       are copy-paste accidents that every other tool in the chain reads differently.</li>
 *   <li>Text after the unit ({@code 4g foo}) is an error. Neo4j's loop stops at the whitespace after
 *       the unit and ignores the rest (inferred from {@code ByteUnit.parse} in the 4.x sources; not
 *       re-measured on 5.26/2026.x): refusing it costs a user nothing, accepting it could hide a typo.</li>
 *   <li>Exponents are limited to {@value #MAX_EXPONENT_DIGITS} digits. {@code NumberFormat} keeps an
 *       int exponent and wraps around ({@code 1E4294967296} reads as 1).</li>
 *   <li>Arithmetic is exact. Neo4j multiplies doubles, so above 2^53 bytes (8 PiB) its result can
 *       differ in the last digits, and it saturates {@code 8EB} (2^63) to 2^63-1 where we report
 *       "too large".</li>
 * </ul>
 */
public final class Neo4jSize {
    /**
     * The number as {@code NumberFormat} consumes it (see the class comment): an optional integer
     * part (commas allowed, even last) with a fraction of at least one digit, or an integer part
     * ending in a digit with an optional, possibly empty fraction; then an optional exponent. The
     * fraction alternative comes first so that the longer reading wins ({@code 1,.5} is 1.5).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(-?)((?:[0-9,]*\\.[0-9]+)|(?:[0-9,]*[0-9](?:\\.[0-9]*)?))(?:E(-?[0-9]+))?");

    private static final long K = 1024L;

    /** Neo4j's unit names, exactly ({@code ByteUnit} enum names list), case-sensitive. */
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("B", 1L),
            Map.entry("k", K), Map.entry("K", K), Map.entry("kB", K), Map.entry("kb", K), Map.entry("KB", K),
            Map.entry("KiB", K),
            Map.entry("m", K * K), Map.entry("M", K * K), Map.entry("mB", K * K), Map.entry("mb", K * K),
            Map.entry("MB", K * K), Map.entry("MiB", K * K),
            Map.entry("g", K * K * K), Map.entry("G", K * K * K), Map.entry("gB", K * K * K),
            Map.entry("gb", K * K * K), Map.entry("GB", K * K * K), Map.entry("GiB", K * K * K),
            Map.entry("TiB", K * K * K * K), Map.entry("TB", K * K * K * K),
            Map.entry("PiB", K * K * K * K * K), Map.entry("PB", K * K * K * K * K),
            Map.entry("EiB", K * K * K * K * K * K), Map.entry("EB", K * K * K * K * K * K));

    /**
     * An exponent of four digits already spans 10^-9999..10^9999, far past anything a long can hold
     * (2^63 &lt; 10^19) or a fraction can contribute; more digits only invite overflow games.
     */
    static final int MAX_EXPONENT_DIGITS = 4;

    /** Neo4j's own list, in its order: the text of its error for an invalid size, as 5.26.30 and 2026.08.1 print it. */
    public static final String EXPECTED = "must be e.g. 10, 5K, 1M, 11G (valid multipliers are B, KiB, KB, K, "
            + "kB, kb, k, MiB, MB, M, mB, mb, m, GiB, GB, G, gB, gb, g, TiB, TB, PiB, PB, EiB, EB)";

    /** Neo4j's range message: its maximum, Long.MAX_VALUE bytes, printed as {@code 8388608.00TiB}. */
    static final String RANGE = "Value should be between 0 and 8388608.00TiB";

    private Neo4jSize() {
    }

    /** Bytes (fractions truncated, as Neo4j does), or an error in Neo4j's own words plus a fix. Never throws. */
    public static Parsed<Long> parse(String text) {
        if (text == null) {
            return Parsed.fail("empty size; a Neo4j size " + EXPECTED);
        }
        String t = text.trim(); // String.trim, as Neo4j: strips every char <= U+0020
        if (t.isEmpty()) {
            return Parsed.fail("empty size; a Neo4j size " + EXPECTED);
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.lookingAt()) {
            return invalid(t);
        }
        int i = m.end();
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        int unitStart = i;
        while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        String unitName = t.substring(unitStart, i);
        Long unit = UNITS.get(unitName);
        if (unit == null) {
            return invalid(t);
        }
        if (i < t.length()) {
            return Parsed.fail("'" + t + "' is not a valid Neo4j size: unexpected text after the unit '"
                    + unitName + "'; write one number and one unit, e.g. 4g");
        }
        String exponent = m.group(3);
        if (exponent != null && exponent.replace("-", "").length() > MAX_EXPONENT_DIGITS) {
            return Parsed.fail("'" + t + "' is not a valid size. " + RANGE + " (exponent too long)");
        }
        BigDecimal number = new BigDecimal(mantissa(m.group(2)));
        if (exponent != null) {
            number = number.scaleByPowerOfTen(Integer.parseInt(exponent));
        }
        if (number.signum() != 0 && !m.group(1).isEmpty()) {
            return Parsed.fail("'" + t + "' is not a valid size. " + RANGE + ": a Neo4j size cannot be negative");
        }
        BigDecimal product = number.multiply(BigDecimal.valueOf(unit));
        // Compare magnitudes before materialising digits: 1E9999 must not become a 10^9999 BigInteger.
        if (product.signum() != 0 && product.precision() - product.scale() > 19) {
            return Parsed.fail("'" + t + "' is not a valid size. " + RANGE);
        }
        if (product.signum() == 0 || product.precision() - product.scale() <= 0) {
            return Parsed.ok(0L); // below one byte: truncated to 0, as (long) does in Neo4j
        }
        BigInteger bytes = product.setScale(0, RoundingMode.DOWN).toBigInteger();
        if (bytes.bitLength() > 63) {
            return Parsed.fail("'" + t + "' is not a valid size. " + RANGE);
        }
        return Parsed.ok(bytes.longValue());
    }

    /**
     * Prints bytes in Neo4j syntax, exactly: whole {@code g} when divisible by GiB, else {@code m},
     * else {@code k}, else plain bytes. Never a Kubernetes unit; {@code parse(format(b)) == b}.
     *
     * @throws IllegalArgumentException for a negative size (a programming error, not user input)
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if (bytes != 0 && bytes % (K * K * K) == 0) {
            return bytes / (K * K * K) + "g";
        }
        if (bytes != 0 && bytes % (K * K) == 0) {
            return bytes / (K * K) + "m";
        }
        if (bytes != 0 && bytes % K == 0) {
            return bytes / K + "k";
        }
        return Long.toString(bytes);
    }

    /**
     * For text that Neo4j refuses but Kubernetes reads as binary ({@code 4Gi}, {@code 1536Mi},
     * also lower-case {@code 4gi}), the same number of bytes in Neo4j syntax ({@code 4g},
     * {@code 1536m}); null when there is no such fix.
     */
    public static String fixFromKubernetes(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = KUBERNETES_BINARY.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        Parsed<Long> bytes = KubernetesQuantity.bytes(m.group(1) + Character.toUpperCase(m.group(2).charAt(0)) + "i");
        return bytes.ok() && bytes.value() > 0 ? format(bytes.value()) : null;
    }

    private static final Pattern KUBERNETES_BINARY = Pattern.compile(
            "([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*([KMGTPEkmgtpe])i");

    /** The mantissa as BigDecimal text: commas dropped, a bare leading or trailing dot completed. */
    private static String mantissa(String s) {
        String n = s.replace(",", "");
        if (n.startsWith(".")) {
            n = "0" + n;
        }
        return n.endsWith(".") ? n + "0" : n;
    }

    private static Parsed<Long> invalid(String t) {
        String base = "'" + t + "' is not a valid size, " + EXPECTED;
        String hint = hint(t);
        return Parsed.fail(hint.isEmpty() ? base : base + "; " + hint);
    }

    /** What the user most likely meant, for the common mistakes (Kubernetes suffixes such as Gi, which Neo4j refuses,
         * and
     * lower-case exponents). */
    private static String hint(String t) {
        String fix = fixFromKubernetes(t);
        if (fix != null) {
            return "Kubernetes units like Gi are not Neo4j units: write " + fix;
        }
        if (t.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            StringBuilder ascii = new StringBuilder();
            t.codePoints().forEach(c -> ascii.appendCodePoint(
                    Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
            return "use ASCII digits: " + ascii;
        }
        if (t.startsWith("+")) {
            return "drop the plus sign: " + t.substring(1);
        }
        Matcher m = Pattern.compile("([0-9.,]+)e(-?[0-9]+)\\s*(\\S*)").matcher(t);
        if (m.matches()) {
            return "Neo4j reads only an upper-case exponent: write " + m.group(1) + "E" + m.group(2) + m.group(3);
        }
        m = Pattern.compile("([0-9.,]+(?:E-?[0-9]+)?)\\s*([tTpPeE])([bB]?)").matcher(t);
        if (m.matches()) {
            String big = m.group(2).toUpperCase(java.util.Locale.ROOT);
            return "Neo4j knows " + big + " only as " + big + "B or " + big + "iB (binary, 1024-based): write "
                    + m.group(1) + big + "B";
        }
        m = Pattern.compile("([0-9.,]+(?:E-?[0-9]+)?)\\s*b").matcher(t);
        if (m.matches()) {
            return "the byte unit is an upper-case B: write " + m.group(1) + "B";
        }
        m = Pattern.compile("([0-9.,]+(?:E-?[0-9]+)?)\\s*([kKmMgG])([iI]?)([bB]?)").matcher(t);
        if (m.matches()) {
            return "Neo4j units are case-sensitive: write " + m.group(1) + m.group(2).toLowerCase(java.util.Locale.ROOT);
        }
        if (t.matches(".*[0-9],")) {
            return "a grouping comma must be followed by digits";
        }
        return "";
    }
}
