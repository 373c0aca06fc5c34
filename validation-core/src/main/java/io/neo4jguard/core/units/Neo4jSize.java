package io.neo4jguard.core.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neo4j byte sizes as {@code neo4j.conf} reads them ({@code org.neo4j.io.ByteUnit.parse} behind
 * {@code SettingValueParsers.BYTES}; measured on 5.26.30 and 2026.08.1, neo4j-facts §3.5):
 * a number as {@code java.text.NumberFormat} reads it in the English locale (grouping commas,
 * a fraction, an upper-case exponent), optional whitespace, then a case-sensitive unit. Every unit is
 * binary, {@code KB} included. Kubernetes' {@code Ki}/{@code Mi}/{@code Gi} are rejected: Neo4j
 * refuses to start on them.
 */
public final class Neo4jSize {
    /** NumberFormat's accepted prefix: digits with grouping commas, fraction, upper-case exponent. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "\\s*((?:[0-9][0-9,]*(?:\\.[0-9]*)?|\\.[0-9]+)(?:E-?[0-9]+)?)\\s*([A-Za-z]*)\\s*");

    private static final long K = 1024L;

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

    /** Exponents beyond this can only overflow a long (2^63 < 10^19). */
    private static final int MAX_EXPONENT = 30;

    public static final String EXPECTED = "must be e.g. 10, 5K, 1M, 11G (valid multipliers are B, KiB, KB, K, "
            + "kB, kb, k, MiB, MB, M, mB, mb, m, GiB, GB, G, gB, gb, g, TiB, TB, PiB, PB, EiB, EB)";

    private Neo4jSize() {
    }

    /** Bytes (fractions truncated, as Neo4j does), or an error in Neo4j's own words plus a fix. */
    public static Parsed<Long> parse(String text) {
        if (text == null) {
            return Parsed.fail("empty size; " + EXPECTED);
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return fail(text);
        }
        Long unit = UNITS.get(m.group(2));
        if (unit == null) {
            return fail(text);
        }
        String number = m.group(1).replace(",", "");
        int e = number.indexOf('E');
        BigDecimal value;
        try {
            if (e >= 0) {
                int exponent = Integer.parseInt(number.substring(e + 1));
                if (Math.abs(exponent) > MAX_EXPONENT) {
                    return fail(text);
                }
                value = decimal(number.substring(0, e)).scaleByPowerOfTen(exponent);
            } else {
                value = decimal(number);
            }
        } catch (NumberFormatException ex) {
            return fail(text);
        }
        BigInteger bytes = value.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN).toBigInteger();
        if (bytes.bitLength() > 63) {
            return Parsed.fail("'" + text.trim() + "' is too large: Neo4j sizes are at most 8388608.00TiB");
        }
        return Parsed.ok(bytes.longValue());
    }

    /**
     * Prints bytes in Neo4j syntax, exactly: whole {@code g} when divisible by GiB, else {@code m},
     * else {@code k}, else plain bytes. Never a Kubernetes unit.
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
     * For text that Neo4j refuses but Kubernetes reads ({@code 4Gi}, {@code 1536Mi}), the same
     * number of bytes in Neo4j syntax ({@code 4g}, {@code 1536m}); null when there is no such fix.
     */
    public static String fixFromKubernetes(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (!t.matches("[0-9.]+(Ki|Mi|Gi|Ti|Pi|Ei|gi|mi|ki)")) {
            return null;
        }
        Parsed<Long> bytes = KubernetesQuantity.bytes(t.substring(0, t.length() - 2)
                + Character.toUpperCase(t.charAt(t.length() - 2)) + "i");
        return bytes.ok() && bytes.value() > 0 ? format(bytes.value()) : null;
    }

    private static BigDecimal decimal(String s) {
        if (s.isEmpty() || s.equals(".")) {
            throw new NumberFormatException(s);
        }
        String n = s.startsWith(".") ? "0" + s : s;
        return new BigDecimal(n.endsWith(".") ? n + "0" : n);
    }

    private static Parsed<Long> fail(String text) {
        String fix = fixFromKubernetes(text);
        String base = "'" + text.trim() + "' is not a valid Neo4j size, " + EXPECTED;
        if (fix != null) {
            return Parsed.fail(base + "; Kubernetes units like Gi are not Neo4j units: write " + fix);
        }
        if (text.trim().startsWith("-")) {
            return Parsed.fail("'" + text.trim() + "' is negative; a Neo4j size is at least 0");
        }
        return Parsed.fail(base);
    }
}
