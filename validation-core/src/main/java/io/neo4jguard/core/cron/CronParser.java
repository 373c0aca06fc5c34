package io.neo4jguard.core.cron;

import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schedule language of a Kubernetes CronJob, which is what the API server checks before the operator's
 * CronJob can exist: {@code validateScheduleFormat} runs robfig/cron v3 {@code ParseStandard} (five fields
 * plus descriptors) and then refuses any schedule that contains {@code TZ} at all.
 *
 * <p>robfig details kept here on purpose, because they decide validity:
 * <ul>
 *   <li>fields are split on Go's {@code unicode.IsSpace}, so tabs and non-breaking spaces separate too;</li>
 *   <li>lists are split with {@code strings.FieldsFunc}, so empty list items vanish: {@code 1,,2} is
 *       {@code 1,2} and a lone {@code ,} is an <em>empty</em> field, which never matches;</li>
 *   <li>numbers are Go {@code strconv.Atoi}: ASCII digits with an optional sign ({@code +5} is 5);</li>
 *   <li>{@code ?} means {@code *}; {@code N/step} means {@code N-max/step}; a step larger than the range
 *       keeps only the start ({@code *}{@code /60} in the minute field is minute 0);</li>
 *   <li>day of week is 0-6 (Sunday = 0); {@code 7} is out of range, unlike Vixie cron;</li>
 *   <li>descriptors match the whole text exactly and case-sensitively ({@code @Daily} is refused);</li>
 *   <li>{@code @every <duration>} is accepted (Go duration, rounded down to whole seconds, at least 1s).</li>
 * </ul>
 */
final class CronParser {
    static final int[] MIN = {0, 0, 1, 1, 0};
    static final int[] MAX = {59, 23, 31, 12, 6};
    static final String[] FIELD_NAMES = {"minute", "hour", "day of month", "month", "day of week"};

    private static final Map<String, Integer> MONTH_NAMES = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAY_NAMES = Map.of(
            "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

    private static final String EVERY = "@every ";

    private CronParser() {
    }

    static Parsed<CronSchedule> parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return Parsed.fail("empty spec string");
        }
        // Kubernetes (batch validation, validateScheduleFormat): strings.Contains(schedule, "TZ").
        if (spec.contains("TZ")) {
            return Parsed.fail("cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        }
        if (spec.startsWith("@")) {
            return descriptor(spec);
        }
        List<String> fields = goFields(spec);
        if (fields.size() != 5) {
            return Parsed.fail("expected exactly 5 fields, found " + fields.size() + ": " + shortList(fields));
        }
        long[] bits = new long[5];
        boolean[] star = new boolean[5];
        for (int f = 0; f < 5; f++) {
            String error = field(fields.get(f), f, bits, star);
            if (error != null) {
                return Parsed.fail(error + " (" + FIELD_NAMES[f] + " field)");
            }
        }
        return Parsed.ok(CronSchedule.fields(bits, star));
    }

    private static Parsed<CronSchedule> descriptor(String spec) {
        switch (spec) {
            case "@yearly":
            case "@annually":
                return Parsed.ok(CronSchedule.fields(
                        new long[]{1L, 1L, 1L << 1, 1L << 1, all(4)}, new boolean[]{false, false, false, false, true}));
            case "@monthly":
                return Parsed.ok(CronSchedule.fields(
                        new long[]{1L, 1L, 1L << 1, all(3), all(4)}, new boolean[]{false, false, false, true, true}));
            case "@weekly":
                return Parsed.ok(CronSchedule.fields(
                        new long[]{1L, 1L, all(2), all(3), 1L}, new boolean[]{false, false, true, true, false}));
            case "@daily":
            case "@midnight":
                return Parsed.ok(CronSchedule.fields(
                        new long[]{1L, 1L, all(2), all(3), all(4)}, new boolean[]{false, false, true, true, true}));
            case "@hourly":
                return Parsed.ok(CronSchedule.fields(
                        new long[]{1L, all(1), all(2), all(3), all(4)}, new boolean[]{false, true, true, true, true}));
            default:
                break;
        }
        if (spec.startsWith(EVERY)) {
            Parsed<Duration> d = GoDuration.parse(spec.substring(EVERY.length()));
            if (!d.ok()) {
                return Parsed.fail("failed to parse duration " + spec + ": " + d.error());
            }
            // robfig Every(): below one second becomes one second, then rounds down to whole seconds.
            Duration delay = d.value();
            if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
                delay = Duration.ofSeconds(1);
            }
            delay = Duration.ofSeconds(delay.getSeconds());
            return Parsed.ok(CronSchedule.every(delay));
        }
        return Parsed.fail("unrecognized descriptor: " + spec);
    }

    /** One field: a comma list of ranges. Returns an error message or null. */
    private static String field(String text, int f, long[] bits, boolean[] star) {
        long acc = 0;
        boolean starred = false;
        for (String expr : text.split(",", -1)) {
            if (expr.isEmpty()) {
                continue; // strings.FieldsFunc drops empty items
            }
            long[] r = new long[2];
            String error = range(expr, f, r);
            if (error != null) {
                return error;
            }
            acc |= r[0];
            starred |= r[1] != 0;
        }
        bits[f] = acc;
        star[f] = starred;
        return null;
    }

    /** robfig getRange; out[0] = bits, out[1] = 1 when the star bit is set. */
    private static String range(String expr, int f, long[] out) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean singleDigit = lowAndHigh.length == 1;
        long start;
        long end;
        boolean extraStar = false;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = MIN[f];
            end = MAX[f];
            extraStar = true;
        } else {
            Long s = intOrName(lowAndHigh[0], f);
            if (s == null) {
                return "failed to parse int from " + cut(lowAndHigh[0]);
            }
            if (s < 0) {
                return "negative number (" + s + ") not allowed: " + cut(lowAndHigh[0]);
            }
            start = s;
            switch (lowAndHigh.length) {
                case 1:
                    end = start;
                    break;
                case 2:
                    Long e = intOrName(lowAndHigh[1], f);
                    if (e == null) {
                        return "failed to parse int from " + cut(lowAndHigh[1]);
                    }
                    if (e < 0) {
                        return "negative number (" + e + ") not allowed: " + cut(lowAndHigh[1]);
                    }
                    end = e;
                    break;
                default:
                    return "too many hyphens: " + cut(expr);
            }
        }
        long step;
        switch (rangeAndStep.length) {
            case 1:
                step = 1;
                break;
            case 2:
                Long st = atoi(rangeAndStep[1]);
                if (st == null) {
                    return "failed to parse int from " + cut(rangeAndStep[1]);
                }
                if (st < 0) {
                    return "negative number (" + st + ") not allowed: " + cut(rangeAndStep[1]);
                }
                step = st;
                if (singleDigit) {
                    end = MAX[f]; // "N/step" means "N-max/step"
                }
                if (step > 1) {
                    extraStar = false;
                }
                break;
            default:
                return "too many slashes: " + cut(expr);
        }
        if (start < MIN[f]) {
            return "beginning of range (" + start + ") below minimum (" + MIN[f] + "): " + cut(expr);
        }
        if (end > MAX[f]) {
            return "end of range (" + end + ") above maximum (" + MAX[f] + "): " + cut(expr);
        }
        if (start > end) {
            return "beginning of range (" + start + ") beyond end of range (" + end + "): " + cut(expr);
        }
        if (step == 0) {
            return "step of range should be a positive number: " + cut(expr);
        }
        long b = 0;
        for (long i = start; ; i += step) {
            b |= 1L << i;
            if (end - i < step) {
                break; // also stops a huge step from overflowing i
            }
        }
        out[0] = b;
        out[1] = extraStar ? 1 : 0;
        return null;
    }

    private static Long intOrName(String expr, int f) {
        Map<String, Integer> names = f == 3 ? MONTH_NAMES : f == 4 ? DAY_NAMES : null;
        if (names != null) {
            Integer named = names.get(goLower(expr));
            if (named != null) {
                return (long) named;
            }
        }
        return atoi(expr);
    }

    /**
     * Go {@code strconv.Atoi}: optional sign, then one or more ASCII digits, within int64. Null when Go fails.
     * Values beyond any field are clamped (they fail the range check all the same).
     */
    static Long atoi(String s) {
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        if (i == s.length()) {
            return null;
        }
        BigInteger v = BigInteger.ZERO;
        BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(c - '0'));
            if (v.compareTo(limit) > 0) {
                return null; // out of int64 range: Atoi fails
            }
        }
        if (neg) {
            return v.negate().longValue();
        }
        if (v.compareTo(limit) == 0) {
            return null;
        }
        return v.longValue();
    }

    /** Go {@code strings.ToLower}: simple per-code-point mapping (Character.toLowerCase(int) matches Go's unicode.ToLower). */
    private static String goLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    /** Go {@code strings.Fields}: split around runs of {@code unicode.IsSpace}. */
    static List<String> goFields(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isGoSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isGoSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Go {@code unicode.IsSpace} (all such code points are in the BMP). */
    static boolean isGoSpace(char c) {
        switch (c) {
            case '\t':
            case '\n':
            case '\u000b':
            case '\f':
            case '\r':
            case ' ':
            case '\u0085':
            case '\u00a0':
            case '\u1680':
            case '\u2028':
            case '\u2029':
            case '\u202f':
            case '\u205f':
            case '\u3000':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200a';
        }
    }

    static long all(int f) {
        long b = 0;
        for (int i = MIN[f]; i <= MAX[f]; i++) {
            b |= 1L << i;
        }
        return b;
    }

    private static String cut(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    private static String shortList(List<String> fields) {
        String joined = String.join(" ", fields);
        return "[" + (joined.length() > 60 ? joined.substring(0, 60) + "..." : joined) + "]";
    }
}
