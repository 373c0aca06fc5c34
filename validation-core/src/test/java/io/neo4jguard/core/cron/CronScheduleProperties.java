package io.neo4jguard.core.cron;

import io.neo4jguard.core.units.Parsed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CronScheduleProperties {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    /** parse -> canonical text -> parse gives the same schedule, and the canonical text is a fixed point. */
    @Property
    void validExpressionsRoundTrip(@ForAll("validExpressions") String text) {
        Parsed<CronSchedule> first = CronSchedule.parse(text);
        assertThat(first.error()).as(text).isNull();
        String canonical = first.value().canonical();
        Parsed<CronSchedule> second = CronSchedule.parse(canonical);
        assertThat(second.error()).as(canonical).isNull();
        assertThat(second.value()).as(text + " -> " + canonical).isEqualTo(first.value());
        assertThat(second.value().canonical()).isEqualTo(canonical);
    }

    /**
     * The search ({@code nextFire}) and the analysis ({@code canFire}) agree: a next firing exists exactly
     * when the expression can fire, from any starting point; and a firing found is after the start and
     * matches every field.
     */
    @Property
    void nextFireExistsIffTheExpressionCanFire(@ForAll("expressionsIncludingNeverFiring") String text,
                                               @ForAll("instants") LocalDateTime after) {
        CronSchedule s = CronSchedule.parse(text).value();
        Optional<LocalDateTime> next = s.nextFire(after);
        assertThat(next.isPresent()).as(text + " after " + after).isEqualTo(s.canFire());
        next.ifPresent(t -> {
            assertThat(t).isAfter(after);
            if (!s.isEvery()) {
                assertThat(s.matches(t)).as(text + " at " + t).isTrue();
            }
        });
    }

    /** For schedules that fire at least daily, the firing found is the first one: no matching minute before it. */
    @Property(tries = 200)
    void nextFireIsTheEarliest(@ForAll("frequentExpressions") String text, @ForAll("instants") LocalDateTime after) {
        CronSchedule s = CronSchedule.parse(text).value();
        LocalDateTime next = s.nextFire(after).orElseThrow();
        for (LocalDateTime t = after.withSecond(0).withNano(0).plusMinutes(1); t.isBefore(next); t = t.plusMinutes(1)) {
            assertThat(s.matches(t)).as(text + " also fires at " + t).isFalse();
        }
    }

    @Property
    void theParserNeverThrowsOnAnyString(@ForAll String text) {
        Parsed<CronSchedule> p = CronSchedule.parse(text);
        assertThat(p.ok() || p.error() != null).isTrue();
    }

    @Property
    void theParserNeverThrowsOnCronLikeNoise(@ForAll("cronNoise") String text) {
        Parsed<CronSchedule> p = CronSchedule.parse(text);
        if (p.ok()) {
            assertThat(CronSchedule.parse(p.value().canonical()).value()).isEqualTo(p.value());
        } else {
            assertThat(p.error()).isNotBlank();
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> validExpressions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, fieldExpressions()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
                        "@midnight", "@hourly")),
                net.jqwik.api.Tuple.of(1, everyExpressions()));
    }

    @Provide
    Arbitrary<String> expressionsIncludingNeverFiring() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, validExpressions()),
                net.jqwik.api.Tuple.of(2, riskyDays()));
    }

    @Provide
    Arbitrary<String> frequentExpressions() {
        Arbitrary<String> minute = field(0);
        Arbitrary<String> hour = field(1);
        return Combinators.combine(minute, hour).as((m, h) -> m + " " + h + " * * *")
                .filter(t -> CronSchedule.parse(t).value().canFire());
    }

    @Provide
    Arbitrary<LocalDateTime> instants() {
        long from = LocalDateTime.of(1970, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2399, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC);
        long centuryGap = LocalDateTime.of(2096, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long centuryGapEnd = LocalDateTime.of(2104, 3, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        Arbitrary<Long> anywhere = Arbitraries.longs().between(from, to);
        Arbitrary<Long> aroundNonLeapCentury = Arbitraries.longs().between(centuryGap, centuryGapEnd);
        return Arbitraries.oneOf(anywhere, aroundNonLeapCentury)
                .map(sec -> LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC));
    }

    @Provide
    Arbitrary<String> cronNoise() {
        return Arbitraries.strings().withChars("0123456789*?/-, @TZ=abcdefjmnorstuvwy\t\u00a0")
                .ofMaxLength(40);
    }

    /** Day/month combinations near the edges: 29-31 with short months, empty fields, star and non-star weekdays. */
    private Arbitrary<String> riskyDays() {
        Arbitrary<String> dom = Arbitraries.of("29", "30", "31", "30,31", "29-31", ",", "31/5", "*", "1");
        Arbitrary<String> month = Arbitraries.of("2", "feb", "4", "4,6,9,11", "2,4", "apr-jun/2", "*", ",", "2/12");
        Arbitrary<String> dow = Arbitraries.of("*", "?", "*/1", "*/2", "0-6", "1", ",", "sat");
        Arbitrary<String> time = Arbitraries.of("0 0", "59 23", "*/30 6", ", 0", "0 ,");
        return Combinators.combine(time, dom, month, dow).as((t, d, m, w) -> t + " " + d + " " + m + " " + w);
    }

    private Arbitrary<String> fieldExpressions() {
        return Combinators.combine(field(0), field(1), field(2), field(3), field(4))
                .as((a, b, c, d, e) -> String.join(" ", a, b, c, d, e));
    }

    private Arbitrary<String> everyExpressions() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 5000);
        Arbitrary<String> unit = Arbitraries.of("ns", "us", "ms", "s", "m", "h");
        return Combinators.combine(n, unit, n, unit).as((a, u, b, v) -> "@every " + a + u + b + v);
    }

    /** A comma list of 1-4 items; an empty item is allowed (robfig drops it), a field is never blank. */
    private Arbitrary<String> field(int f) {
        return item(f).list().ofMinSize(1).ofMaxSize(4).map(items -> {
            String joined = String.join(",", items);
            return joined.isEmpty() ? "," : joined;
        });
    }

    private Arbitrary<String> item(int f) {
        int min = CronParser.MIN[f];
        int max = CronParser.MAX[f];
        Arbitrary<Integer> v = Arbitraries.integers().between(min, max);
        Arbitrary<Integer> step = Arbitraries.integers().between(1, max + 3);
        Arbitrary<String> value = value(f);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("*", "?")),
                net.jqwik.api.Tuple.of(4, value),
                net.jqwik.api.Tuple.of(3, Combinators.combine(v, v).as((a, b) ->
                        name(f, Math.min(a, b)) + "-" + name(f, Math.max(a, b)))),
                net.jqwik.api.Tuple.of(2, step.map(s -> (s % 2 == 0 ? "*" : "?") + "/" + s)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(v, step).as((a, s) -> name(f, a) + "/" + s)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(v, v, step).as((a, b, s) ->
                        Math.min(a, b) + "-" + Math.max(a, b) + "/" + s)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    private Arbitrary<String> value(int f) {
        Arbitrary<Integer> v = Arbitraries.integers().between(CronParser.MIN[f], CronParser.MAX[f]);
        if (f == 3 || f == 4) {
            Arbitrary<Boolean> upper = Arbitraries.of(true, false);
            return Combinators.combine(v, upper, Arbitraries.of(true, false)).as((n, named, up) -> {
                if (!named) {
                    return Integer.toString(n);
                }
                String name = f == 3 ? MONTHS[n - 1] : DAYS[n];
                return up ? name.toUpperCase(java.util.Locale.ROOT) : name;
            });
        }
        return v.map(n -> Integer.toString(n));
    }

    /** Month and weekday values sometimes as names; plain numbers elsewhere. */
    private static String name(int f, int n) {
        if (f == 3 && n % 3 == 0) {
            return MONTHS[n - 1];
        }
        if (f == 4 && n % 2 == 0) {
            return DAYS[n];
        }
        return Integer.toString(n);
    }
}
