package io.neo4jguard.core.cron;

import io.neo4jguard.core.units.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CronScheduleTest {

    /** Accepted by Kubernetes (robfig ParseStandard); the right column is the canonical form. */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0 2 * * *            | 0 2 * * *",
            "*/15 * * * *         | 0-45/15 * * * *",
            "0 */6 * * *          | 0 0-18/6 * * *",
            "5/15 * * * *         | 5-50/15 * * * *",          // N/step means N-max/step
            "*/60 * * * *         | 0 * * * *",                // step beyond the range keeps the start
            "0 0 1 jan *          | 0 0 1 1 *",
            "0 0 1 JAN-mar *      | 0 0 1 1-3 *",
            "0 0 * * MON-FRI      | 0 0 * * 1-5",
            "0 0 * * sun,sat      | 0 0 * * 0,6",
            "0 0 * * */1          | 0 0 * * *",                // star with step 1 is still a star
            "0 0 * * */2          | 0 0 * * 0-6/2",            // ... a larger step is not
            "0 0 1-31 * *         | 0 0 1-31 * *",             // full but not a star: matters for day fields
            "? ? ? ? ?            | * * * * *",
            "*-5 * * * *          | * * * * *",                // robfig ignores what follows a star
            "+5 * * * *           | 5 * * * *",                // Go Atoi takes a sign
            "1,,2 * * * *         | 1-2 * * * *",              // empty list items vanish
            "1,2,4 * * * *        | 1-2,4 * * * *",
            "0,20,40 8-18 * * 1-5 | 0-40/20 8-18 * * 1-5",
            "\", * * * *\"        | \", * * * *\"",            // an empty field: valid, never fires
            "@yearly              | 0 0 1 1 *",
            "@annually            | 0 0 1 1 *",
            "@monthly             | 0 0 1 * *",
            "@weekly              | 0 0 * * 0",
            "@daily               | 0 0 * * *",
            "@midnight            | 0 0 * * *",
            "@hourly              | 0 * * * *",
            "@every 1h30m         | @every 1h30m0s",
            "@every 90s           | @every 1m30s",
            "@every 500ms         | @every 1s",                // below a second becomes a second
            "@every 2.7s          | @every 2s",                // rounded down to whole seconds
    })
    void acceptsWhatKubernetesAccepts(String text, String canonical) {
        Parsed<CronSchedule> p = CronSchedule.parse(text);
        assertThat(p.error()).isNull();
        assertThat(p.value().canonical()).isEqualTo(canonical);
        assertThat(CronSchedule.parse(canonical).value()).isEqualTo(p.value());
    }

    @Test
    void separatesFieldsOnGoWhitespaceAndLowerCasesNamesLikeGo() {
        assertThat(CronSchedule.parse("0\t0  *\u00a0*\u2003*").value().canonical()).isEqualTo("0 0 * * *");
        // Go's unicode.ToLower maps U+0130 (dotted capital I) to a plain 'i', so "FR\u0130" is Friday.
        assertThat(CronSchedule.parse("0 0 * * FR\u0130").value().canonical()).isEqualTo("0 0 * * 5");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
            "",
            "0 0 * *",                        // four fields
            "0 0 0 * * *",                    // six fields (seconds) are not standard
            "60 * * * *",
            "* 24 * * *",
            "* * 0 * *",
            "* * 32 * *",
            "* * * 13 *",
            "* * * 0 *",
            "* * * * 7",                      // robfig's day of week ends at 6 (Vixie cron allows 7)
            "5-1 * * * *",
            "*/0 * * * *",
            "1-2-3 * * * *",
            "1/2/3 * * * *",
            "a * * * *",
            "-1 * * * *",
            "1/-2 * * * *",
            "5- * * * *",
            "* * * jan-* *",
            "\uff11 * * * *",                  // fullwidth digit: Atoi takes ASCII only
            "99999999999999999999 * * * *",   // beyond int64
            "9223372036854775807 * * * *",    // int64, but above the maximum
            "@Daily",                          // descriptors are case-sensitive
            "@daily ",                         // and match the whole text
            " @daily",
            "@every",
            "@every ",
            "@every 1d",                       // Go durations have no day unit
            "@every  1h",
            "@every 1h ",
            "@reboot",
            "TZ=UTC 0 0 * * *",                // Kubernetes: use spec.timeZone
            "CRON_TZ=Europe/Berlin 0 0 * * *",
            "0 0 * * * TZ",
    })
    void refusesWhatKubernetesRefuses(String text) {
        Parsed<CronSchedule> p = CronSchedule.parse(text);
        assertThat(p.ok()).as(text).isFalse();
        assertThat(p.error()).isNotBlank();
    }

    @Test
    void nullIsAnErrorNotAnException() {
        assertThat(CronSchedule.parse(null).ok()).isFalse();
    }

    @Test
    void timeZonePrefixesGetTheKubernetesMessage() {
        assertThat(CronSchedule.parse("TZ=UTC 0 0 * * *").error()).contains("timeZone");
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' fires: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0 0 30 2 *          | false",  // February never has 30 days
            "0 0 31 4,6,9,11 *   | false",  // nor do the 30-day months have a 31st
            "0 0 31 2,4 *        | false",
            "0 0 30,31 2,4 *     | true",   // April 30
            "0 0 29 2 *          | true",   // leap years only
            "0 0 30 2 1          | true",   // both day fields restricted: ORed, so every Monday in February
            "0 0 31 2 0-6        | true",   // 0-6 is not a star: ORed
            "0 0 31 2 */1        | false",  // */1 is a star: ANDed
            "\", * * * *\"       | false",  // empty minute field
            "\"0 , * * *\"       | false",
            "\"0 0 * , *\"       | false",
            "\"0 0 , * *\"       | false",  // empty day of month ANDed with a star day of week
            "\"0 0 * * ,\"       | false",
            "\"0 0 , * 1\"       | true",   // ... ORed with a restricted one
            "\"0 0 1 * ,\"       | true",
            "0 0 * * *           | true",
            "@every 1h           | true",
    })
    void knowsWhetherAScheduleCanFire(String text, boolean fires) {
        CronSchedule s = CronSchedule.parse(text).value();
        assertThat(s.canFire()).isEqualTo(fires);
        LocalDateTime from = LocalDateTime.of(2025, 3, 1, 0, 0);
        assertThat(s.nextFire(from).isPresent()).isEqualTo(fires);
    }

    @Test
    void leapDayOnlySchedulesAreRecognised() {
        assertThat(CronSchedule.parse("0 0 29 2 *").value().firesOnlyOnLeapDay()).isTrue();
        assertThat(CronSchedule.parse("0 0 28,29 2 *").value().firesOnlyOnLeapDay()).isFalse();
        assertThat(CronSchedule.parse("0 0 29 2 1").value().firesOnlyOnLeapDay()).isFalse();
        assertThat(CronSchedule.parse("0 0 30 2 *").value().firesOnlyOnLeapDay()).isFalse(); // never fires
        assertThat(CronSchedule.parse("0 0 29 * *").value().firesOnlyOnLeapDay()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' after {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0 2 * * *    | 2025-01-01T02:00    | 2025-01-02T02:00",
            "0 2 * * *    | 2025-01-01T01:59:59 | 2025-01-01T02:00",
            "0 0 * * 0    | 2025-01-01T00:00    | 2025-01-05T00:00",  // 2025-01-01 is a Wednesday
            "0 0 13 * 5   | 2025-06-01T00:00    | 2025-06-06T00:00",  // ORed: the first Friday wins
            "0 0 13 * *   | 2025-06-01T00:00    | 2025-06-13T00:00",
            "30 23 31 * * | 2025-02-01T00:00    | 2025-03-31T23:30",
            "0 0 29 2 *   | 2096-03-01T00:00    | 2104-02-29T00:00",  // 2100 is no leap year: the 8-year gap
            "0 0 29 2 *   | 2096-02-28T23:59    | 2096-02-29T00:00",
            "0 12 1 1 *   | 2025-12-31T12:00    | 2026-01-01T12:00",
            "@every 90s   | 2025-01-01T00:00:10.5 | 2025-01-01T00:01:40",
    })
    void findsTheNextFiring(String text, LocalDateTime after, LocalDateTime expected) {
        assertThat(CronSchedule.parse(text).value().nextFire(after)).contains(expected);
    }

    @Test
    void theSearchHorizonCoversTheLongestLeapDayGap() {
        CronSchedule leap = CronSchedule.parse("59 23 29 2 *").value();
        LocalDateTime justAfter = LocalDateTime.of(2096, 2, 29, 23, 59);
        assertThat(leap.nextFire(justAfter)).contains(LocalDateTime.of(2104, 2, 29, 23, 59));
        assertThat(CronSchedule.HORIZON_YEARS).isEqualTo(8);
    }

    @Test
    void everySchedulesReportTheirDelay() {
        CronSchedule s = CronSchedule.parse("@every 1h").value();
        assertThat(s.isEvery()).isTrue();
        assertThat(s.every()).contains(java.time.Duration.ofHours(1));
        assertThat(CronSchedule.parse("0 * * * *").value().isEvery()).isFalse();
    }
}
