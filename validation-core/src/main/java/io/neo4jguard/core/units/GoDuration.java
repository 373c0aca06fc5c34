package io.neo4jguard.core.units;


import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String}, exact. The operator reads every timeout
 * ({@code spec.timeout}, hook {@code timeout}) with {@code time.ParseDuration}, and robfig/cron reads
 * {@code @every <duration>} with it, so a value is valid exactly when Go accepts it:
 * <pre>
 * duration ::= [-+]? ( "0" | ( digits? ( "." digits? )? unit )+ )   at least one digit per element
 * unit     ::= ns | us | µs (U+00B5) | μs (U+03BC) | ms | s | m | h
 * </pre>
 * There is no {@code d} unit ({@code 90d} is refused; write {@code 2160h}) and no whitespace.
 * Values are nanoseconds in a signed 64-bit integer: anything beyond about 292 years overflows.
 */
public final class GoDuration {
    private static final BigInteger NANO_LIMIT = BigInteger.ONE.shiftLeft(63); // Go checks v > 1<<63

    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private static final Pattern DAYS = Pattern.compile("([0-9]{1,6})\\s*(d|day|days|w|week|weeks)");
    public static final String EXPECTED = "expected a Go duration such as 2160h, 90m or 1h30m (units ns, us, ms, s, m, h)";

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /**
     * Nanoseconds, with an error in our words that names the expected form and, where one exists, the fix
     * ({@code 90d} -> {@code 2160h}): what the checks of operator duration fields report.
     */
    public static Parsed<Long> nanos(String text) {
        Parsed<Duration> d = parse(text);
        if (!d.ok()) {
            String f = fix(text);
            return Parsed.fail("'" + text + "' is not a Go duration; " + EXPECTED + (f == null ? "" : " (write " + f + ")"));
        }
        try {
            return Parsed.ok(d.value().toNanos());
        } catch (ArithmeticException e) {
            return Parsed.fail("'" + text + "' is out of range: a Go duration is at most 2562047h");
        }
    }

    /**
     * The same length as a Go duration when the text uses a unit Go lacks ({@code 90d} -> {@code 2160h},
     * {@code 2w} -> {@code 336h}) or upper-case units ({@code 1H} -> {@code 1h}); null when there is none.
     */
    public static String fix(String text) {
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
    public static String compact(long nanos) {
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


    /** The duration Go would read, or Go's own error text. Never throws. */
    public static Parsed<Duration> parse(String text) {
        if (text == null) {
            return Parsed.fail("time: invalid duration \"\"");
        }
        String orig = text;
        String s = text;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Parsed.ok(Duration.ZERO);
        }
        if (s.isEmpty()) {
            return invalid(orig);
        }
        BigInteger total = BigInteger.ZERO;
        while (!s.isEmpty()) {
            char c0 = s.charAt(0);
            if (!(c0 == '.' || isDigit(c0))) {
                return invalid(orig);
            }
            // leadingInt: [0-9]*
            int i = 0;
            BigInteger v = BigInteger.ZERO;
            while (i < s.length() && isDigit(s.charAt(i))) {
                v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (v.compareTo(NANO_LIMIT) > 0) {
                    return invalid(orig);
                }
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            // leadingFraction: [.][0-9]*, digits beyond int64 precision are dropped like Go does
            boolean post = false;
            long f = 0;
            double scale = 1;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean overflow = false;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    if (!overflow) {
                        if (f > (Long.MAX_VALUE) / 10) {
                            overflow = true;
                        } else {
                            long y = f * 10 + (s.charAt(j) - '0');
                            if (y < 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    j++;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) {
                return invalid(orig);
            }
            int u = 0;
            while (u < s.length() && !(s.charAt(u) == '.' || isDigit(s.charAt(u)))) {
                u++;
            }
            if (u == 0) {
                return Parsed.fail("time: missing unit in duration " + quote(orig));
            }
            String unitName = s.substring(0, u);
            s = s.substring(u);
            Long unit = UNITS.get(unitName);
            if (unit == null) {
                return Parsed.fail("time: unknown unit " + quote(unitName) + " in duration " + quote(orig));
            }
            BigInteger bigUnit = BigInteger.valueOf(unit);
            if (v.compareTo(NANO_LIMIT.divide(bigUnit)) > 0) {
                return invalid(orig);
            }
            v = v.multiply(bigUnit);
            if (f > 0) {
                // Go: v += uint64(float64(f) * (float64(unit) / scale))
                double add = (double) f * ((double) unit / scale);
                v = v.add(BigInteger.valueOf((long) add));
                if (v.compareTo(NANO_LIMIT) > 0) {
                    return invalid(orig);
                }
            }
            total = total.add(v);
            if (total.compareTo(NANO_LIMIT) > 0) {
                return invalid(orig);
            }
        }
        if (neg) {
            return Parsed.ok(Duration.ofNanos(total.negate().longValue()));
        }
        if (total.compareTo(NANO_LIMIT.subtract(BigInteger.ONE)) > 0) {
            return invalid(orig);
        }
        return Parsed.ok(Duration.ofNanos(total.longValueExact()));
    }

    /** A positive duration (the operator's timeouts must be > 0), or why not. */
    public static Parsed<Duration> parsePositive(String text) {
        Parsed<Duration> p = parse(text);
        if (p.ok() && (p.value().isZero() || p.value().isNegative())) {
            return Parsed.fail("must be a positive duration");
        }
        return p;
    }

    /** Go's {@code Duration.String()}: {@code 1h30m0s}, {@code 1m0s}, {@code 1.5s}, {@code 300ms}, {@code 0s}. */
    public static String format(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        boolean neg = nanos < 0;
        // unsigned magnitude, as Go does with uint64(-d)
        BigInteger u = BigInteger.valueOf(nanos).abs();
        StringBuilder out = new StringBuilder();
        BigInteger second = BigInteger.valueOf(1_000_000_000L);
        if (u.compareTo(second) < 0) {
            long v = u.longValue();
            if (v == 0) {
                return "0s";
            }
            String unit;
            int prec;
            if (v < 1_000) {
                unit = "ns";
                prec = 0;
            } else if (v < 1_000_000) {
                unit = "\u00b5s";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            out.append(intWithFraction(v, prec)).append(unit);
        } else {
            BigInteger[] secs = u.divideAndRemainder(second);
            String frac = fraction(secs[1].longValue(), 9);
            BigInteger whole = secs[0];
            BigInteger sixty = BigInteger.valueOf(60);
            BigInteger[] m = whole.divideAndRemainder(sixty);
            String s = m[1] + frac + "s";
            BigInteger minutes = m[0];
            if (minutes.signum() > 0) {
                BigInteger[] h = minutes.divideAndRemainder(sixty);
                s = h[1] + "m" + s;
                if (h[0].signum() > 0) {
                    s = h[0] + "h" + s;
                }
            }
            out.append(s);
        }
        return (neg ? "-" : "") + out;
    }

    private static String intWithFraction(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) {
            pow *= 10;
        }
        return (v / pow) + fraction(v % pow, prec);
    }

    /** ".5" for 500000000 at precision 9; "" when zero; trailing zeros dropped. */
    private static String fraction(long v, int prec) {
        if (v == 0 || prec == 0) {
            return "";
        }
        StringBuilder digits = new StringBuilder(Long.toString(v));
        while (digits.length() < prec) {
            digits.insert(0, '0');
        }
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Parsed<Duration> invalid(String orig) {
        return Parsed.fail("time: invalid duration " + quote(orig));
    }

    private static String quote(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "\"" + cut + "\"";
    }
}
