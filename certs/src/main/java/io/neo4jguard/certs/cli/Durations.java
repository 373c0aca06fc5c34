package io.neo4jguard.certs.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them for certificates: {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, or ISO-8601. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([dhms])");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            return positive(d, value);
        }
        try {
            return positive(Duration.parse(value.trim()), value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "expected a duration such as 90d, 12h, 30m or P90D, got '" + value + "'");
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("a duration must be positive, got '" + value + "'");
        }
        return d;
    }

    static String format(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        return d.toString();
    }
}
