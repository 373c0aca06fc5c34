package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.units.Parsed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration} grammar, which cert-manager (tls.duration, tls.renewBefore) and the
 * operator (upgrade timeouts, externalSecrets.refreshInterval) use: an optional sign, then "0" alone or
 * one or more decimal numbers each followed by a unit {@code ns us µs μs ms s m h}. There is no day or
 * week unit, which is the usual mistake ({@code 90d}). The result must fit an int64 of nanoseconds
 * (about 2562047h), as in Go.
 */
final class GoDuration {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // Greek mu
            "ms", 1_000_000L,
            "s", NANOS_PER_SECOND,
            "m", NANOS_PER_MINUTE,
            "h", NANOS_PER_HOUR);

    private static final Pattern DAYS = Pattern.compile("([0-9]{1,6})\\s*(d|day|days|w|week|weeks)");
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** Longer input is no duration anyone writes; the bound keeps BigDecimal work small. */
    private static final int MAX_LENGTH = 256;

    static final String EXPECTED = "expected a Go duration such as 2160h, 90m or 1h30m (units ns, us, ms, s, m, h)";

    private GoDuration() {
    }

    /** Nanoseconds, or an error naming the expected form (never throws). */
    static Parsed<Long> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Parsed.fail("empty duration; " + EXPECTED);
        }
        if (text.length() > MAX_LENGTH) {
            return Parsed.fail("duration too long; " + EXPECTED);
        }
        String s = text;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Parsed.ok(0L);
        }
        if (s.isEmpty()) {
            return fail(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            String whole = s.substring(start, i);
            String fraction = "";
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int f = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                fraction = s.substring(f, i);
            }
            if (whole.isEmpty() && fraction.isEmpty()) {
                return fail(text);
            }
            int u = i;
            while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            String unit = s.substring(u, i);
            Long scale = UNITS.get(unit);
            if (unit.isEmpty() || scale == null) {
                return fail(text);
            }
            BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole)
                    + (fraction.isEmpty() ? "" : "." + fraction));
            total = total.add(number.multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX.add(BigDecimal.ONE)) > 0) {
                return Parsed.fail("'" + text + "' is out of range: a Go duration is at most 2562047h");
            }
        }
        BigDecimal signed = negative ? total.negate() : total;
        if (signed.compareTo(MAX) > 0 || signed.compareTo(MIN) < 0) {
            return Parsed.fail("'" + text + "' is out of range: a Go duration is at most 2562047h");
        }
        // Go truncates fractional nanoseconds.
        return Parsed.ok(signed.setScale(0, RoundingMode.DOWN).longValueExact());
    }

    /**
     * The same length as a Go duration when the text uses a unit Go lacks ({@code 90d} -> {@code 2160h},
     * {@code 2w} -> {@code 336h}) or upper-case units ({@code 1H} -> {@code 1h}); null when there is none.
     */
    static String fix(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher days = DAYS.matcher(t.toLowerCase(Locale.ROOT));
        if (days.matches()) {
            long n = Long.parseLong(days.group(1));
            long hours = days.group(2).startsWith("w") ? n * 7 * 24 : n * 24;
            return hours + "h";
        }
        // An upper-case M may mean months: no guess for it.
        if (!t.contains("M") && (!t.equals(text) || !t.toLowerCase(Locale.ROOT).equals(t) || t.contains(" "))) {
            String lower = t.toLowerCase(Locale.ROOT).replace(" ", "");
            if (parse(lower).ok()) {
                return lower;
            }
        }
        return null;
    }

    /** Renders nanoseconds the way Go prints whole hours/minutes/seconds, for messages. */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        BigInteger n = BigInteger.valueOf(nanos);
        if (nanos % NANOS_PER_HOUR == 0) {
            return n.divide(BigInteger.valueOf(NANOS_PER_HOUR)) + "h";
        }
        if (nanos % NANOS_PER_MINUTE == 0) {
            return n.divide(BigInteger.valueOf(NANOS_PER_MINUTE)) + "m";
        }
        if (nanos % NANOS_PER_SECOND == 0) {
            return n.divide(BigInteger.valueOf(NANOS_PER_SECOND)) + "s";
        }
        return nanos + "ns";
    }

    private static Parsed<Long> fail(String text) {
        String fix = fix(text);
        return Parsed.fail("'" + text + "' is not a Go duration; " + EXPECTED
                + (fix == null ? "" : " (write " + fix + ")"));
    }
}
