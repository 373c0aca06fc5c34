package io.neo4jguard.core.rules.backup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps as the operator reads {@code metav1.Time} ({@code time.Parse(time.RFC3339, s)}):
 * {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}, upper-case T and Z, a real calendar date,
 * hours 0-23, minutes and seconds 0-59 (no leap second), zone offsets up to 23:59. The API server's
 * {@code format: date-time} check is looser (it also takes a time without zone), but such a value cannot be
 * decoded by the operator, which then cannot read the object at all.
 */
final class Rfc3339 {
    private static final Pattern FORM = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})([.,][0-9]+)?(Z|[+-]([0-9]{2}):([0-9]{2}))");

    private Rfc3339() {
    }

    /** Null when valid, else what is wrong. */
    static String problem(String s) {
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            return "must be an RFC 3339 timestamp such as 2025-01-04T12:30:00Z (date, 'T', time with seconds, "
                    + "and 'Z' or an offset like +01:00)";
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return "no such date";
        }
        if (Integer.parseInt(m.group(4)) > 23 || Integer.parseInt(m.group(5)) > 59
                || Integer.parseInt(m.group(6)) > 59) {
            return "time of day out of range";
        }
        if (m.group(9) != null && (Integer.parseInt(m.group(9)) > 23 || Integer.parseInt(m.group(10)) > 59)) {
            return "time zone offset out of range";
        }
        return null;
    }
}
