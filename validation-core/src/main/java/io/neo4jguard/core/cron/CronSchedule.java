package io.neo4jguard.core.cron;

import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A CronJob schedule as Kubernetes understands it (see {@link CronParser} for the accepted language):
 * either five sets of allowed values (minute, hour, day of month, month, day of week) with robfig's
 * "star" flags, or a constant delay ({@code @every 1h}).
 *
 * <p>Day matching follows robfig/cron, which the CronJob controller uses: when the day-of-month or the
 * day-of-week field was written as a star ({@code *}, {@code ?}, or a star with step 1), a day must match
 * both fields; when both are restricted, either field matching is enough ({@code 0 0 13 * 5} runs on every
 * 13th <em>and</em> every Friday).
 *
 * <p>Times are civil (wall-clock) times without a zone: the CronJob controller evaluates the schedule in
 * its own time zone (or {@code spec.timeZone}), where a daylight-saving gap can skip one firing but never
 * all of them, so "can fire" does not depend on the zone.
 */
public final class CronSchedule {
    /** Indexes into the field arrays. */
    static final int MINUTE = 0;
    static final int HOUR = 1;
    static final int DOM = 2;
    static final int MONTH = 3;
    static final int DOW = 4;

    /**
     * How far {@link #nextFire} searches. Derivation: minute and hour sets are fixed per day; a day-of-week
     * condition (alone or ORed with day of month) is met within 7 days of the start of any allowed month,
     * so within a year; a day-of-month condition is met every year unless the only day it allows is
     * February 29, which recurs every 4 years except across a century year that is not a leap year
     * (2096-02-29 to 2104-02-29): 8 years is the longest gap. One extra day covers the time of day within
     * the target date. (The 28-year weekday/leap cycle, or the 400-year Gregorian cycle, would matter only
     * for "Feb 29 that is also a Monday" schedules, which robfig cannot express: two restricted day
     * fields are ORed, not ANDed.)
     */
    static final int HORIZON_YEARS = 8;

    /** Longest and shortest length of each month, 1-based; only February differs (29 vs 28). */
    private static final int[] MAX_DAYS = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] MIN_DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final long[] bits;
    private final boolean[] star;
    private final Duration every;

    private CronSchedule(long[] bits, boolean[] star, Duration every) {
        this.bits = bits;
        this.star = star;
        this.every = every;
    }

    static CronSchedule fields(long[] bits, boolean[] star) {
        return new CronSchedule(bits.clone(), star.clone(), null);
    }

    static CronSchedule every(Duration delay) {
        return new CronSchedule(new long[5], new boolean[5], delay);
    }

    /**
     * Parses a schedule the way the Kubernetes API server validates {@code CronJob.spec.schedule}. Never
     * throws; the error says what robfig/cron (or Kubernetes' TZ rule) objects to.
     */
    public static Parsed<CronSchedule> parse(String text) {
        try {
            return CronParser.parse(text);
        } catch (RuntimeException e) {
            // Defensive only: the parser has no known throwing path; a bug must not crash a rule.
            return Parsed.fail("unparseable schedule");
        }
    }

    /** True for {@code @every <duration>} schedules. */
    public boolean isEvery() {
        return every != null;
    }

    /** The delay of an {@code @every} schedule (whole seconds, at least 1s). */
    public Optional<Duration> every() {
        return Optional.ofNullable(every);
    }

    /**
     * The schedule in one normal form that parses back to an equal schedule: numbers instead of names,
     * {@code *} only where robfig's star flag is set, arithmetic progressions as {@code a-b/step}, other
     * sets as ranges and single values; an empty field (from a bare {@code ,}) stays {@code ,}.
     */
    public String canonical() {
        if (every != null) {
            return "@every " + GoDuration.format(every);
        }
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < 5; f++) {
            if (f > 0) {
                b.append(' ');
            }
            b.append(fieldText(f));
        }
        return b.toString();
    }

    private String fieldText(int f) {
        if (star[f]) {
            return "*";
        }
        long v = bits[f];
        if (v == 0) {
            return ",";
        }
        int count = Long.bitCount(v);
        int first = Long.numberOfTrailingZeros(v);
        int last = 63 - Long.numberOfLeadingZeros(v);
        if (count >= 3) {
            int second = Long.numberOfTrailingZeros(v & ~(1L << first));
            int step = second - first;
            if (step > 1 && (last - first) % step == 0 && progression(first, last, step) == v) {
                return first + "-" + last + "/" + step;
            }
        }
        StringBuilder b = new StringBuilder();
        int i = first;
        while (i <= last) {
            if ((v & (1L << i)) == 0) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 <= last && (v & (1L << (j + 1))) != 0) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i);
            if (j > i) {
                b.append('-').append(j);
            }
            i = j + 1;
        }
        return b.toString();
    }

    private static long progression(int first, int last, int step) {
        long p = 0;
        for (int i = first; i <= last; i += step) {
            p |= 1L << i;
        }
        return p;
    }

    /**
     * Whether the schedule fires at all, by analysis of the sets (no search): every field non-empty, and
     * some allowed day exists (see the class comment for how day fields combine).
     */
    public boolean canFire() {
        if (every != null) {
            return true;
        }
        if (bits[MINUTE] == 0 || bits[HOUR] == 0 || bits[MONTH] == 0) {
            return false;
        }
        return weekdayDaysPossible() || monthDaysPossible(MAX_DAYS);
    }

    /**
     * True when the schedule can fire only on February 29, i.e. once every four years (eight across 2100).
     * Almost always a mistake for a backup.
     */
    public boolean firesOnlyOnLeapDay() {
        return canFire() && every == null && !weekdayDaysPossible() && !monthDaysPossible(MIN_DAYS);
    }

    /** Days chosen by the day-of-week field: every week, so in every allowed month. */
    private boolean weekdayDaysPossible() {
        boolean and = star[DOM] || star[DOW];
        if (and) {
            // AND: with day of month a star, the weekday set alone decides; with day of week a star, the
            // day-of-month set decides (monthDaysPossible).
            return star[DOM] && bits[DOW] != 0;
        }
        return bits[DOW] != 0;
    }

    /** Days chosen by the day-of-month field: some allowed day exists in some allowed month. */
    private boolean monthDaysPossible(int[] monthLengths) {
        boolean and = star[DOM] || star[DOW];
        if (and && !star[DOW]) {
            return false; // day of week restricts; handled by weekdayDaysPossible
        }
        for (int m = 1; m <= 12; m++) {
            if ((bits[MONTH] & (1L << m)) == 0) {
                continue;
            }
            for (int d = 1; d <= monthLengths[m]; d++) {
                if ((bits[DOM] & (1L << d)) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first firing strictly after {@code after}, found by search (robfig's field-by-field walk) within
     * {@value #HORIZON_YEARS} years and a day; empty when there is none, which for a field schedule means
     * it never fires (see {@link #HORIZON_YEARS}). Independent of {@link #canFire()}, so each checks the other.
     */
    public Optional<LocalDateTime> nextFire(LocalDateTime after) {
        Objects.requireNonNull(after, "after");
        try {
            return search(after);
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // only at the end of LocalDateTime's range (year 999999999)
        }
    }

    private Optional<LocalDateTime> search(LocalDateTime after) {
        if (every != null) {
            // robfig ConstantDelaySchedule.Next: t + delay, rounded down to the second.
            return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(every));
        }
        if (bits[MINUTE] == 0 || bits[HOUR] == 0) {
            return Optional.empty(); // no time of day matches: the walk below would only spin
        }
        LocalDateTime limit = after.plusYears(HORIZON_YEARS).plusDays(1);
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (!t.isAfter(limit)) {
            if ((bits[MONTH] & (1L << t.getMonthValue())) == 0) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
                continue;
            }
            if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if ((bits[HOUR] & (1L << t.getHour())) == 0) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if ((bits[MINUTE] & (1L << t.getMinute())) == 0) {
                t = t.plusMinutes(1);
                continue;
            }
            return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Whether a firing falls on this minute (tests; field schedules only). */
    boolean matches(LocalDateTime t) {
        return every == null && t.getSecond() == 0 && t.getNano() == 0
                && (bits[MONTH] & (1L << t.getMonthValue())) != 0 && dayMatches(t.toLocalDate())
                && (bits[HOUR] & (1L << t.getHour())) != 0 && (bits[MINUTE] & (1L << t.getMinute())) != 0;
    }

    boolean dayMatches(LocalDate d) {
        boolean domMatch = (bits[DOM] & (1L << d.getDayOfMonth())) != 0;
        boolean dowMatch = (bits[DOW] & (1L << (d.getDayOfWeek().getValue() % 7))) != 0;
        if (star[DOM] || star[DOW]) {
            return domMatch && dowMatch;
        }
        return domMatch || dowMatch;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CronSchedule other)) {
            return false;
        }
        return Arrays.equals(bits, other.bits) && Arrays.equals(star, other.star)
                && Objects.equals(every, other.every);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bits), Arrays.hashCode(star), every);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
