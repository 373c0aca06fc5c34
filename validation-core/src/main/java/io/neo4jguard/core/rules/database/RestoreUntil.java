package io.neo4jguard.core.rules.database;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code seedConfig.restoreUntil}: Neo4j's {@code seedRestoreUntil} takes a transaction id or a point in time.
 * The operator accepts {@code txId:<digits>} (a Java/Go long: Neo4j transaction ids are 64-bit) or an RFC 3339
 * timestamp with offset, e.g. {@code 2025-01-15T10:30:00Z}.
 */
final class RestoreUntil {
    /** RFC 3339 section 5.6 date-time: full-date "T" full-time, seconds required, offset required. */
    private static final Pattern RFC3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern TX_ID = Pattern.compile("txId:([0-9]+)");
    private static final BigInteger MAX_TX = BigInteger.valueOf(Long.MAX_VALUE);

    private RestoreUntil() {
    }

    /** Why {@code text} is not a valid restoreUntil, or empty. */
    static Optional<String> problem(String text) {
        var tx = TX_ID.matcher(text);
        if (tx.matches()) {
            // Bounded before BigInteger: 19 digits is the length of Long.MAX_VALUE.
            String digits = tx.group(1).replaceFirst("^0+(?=.)", "");
            if (digits.length() > 19 || new BigInteger(digits).compareTo(MAX_TX) > 0) {
                return Optional.of("transaction id out of range (max " + Long.MAX_VALUE + ")");
            }
            return Optional.empty();
        }
        if (text.regionMatches(true, 0, "txid", 0, 4)) {
            return Optional.of("expected txId:<digits>, e.g. txId:12345");
        }
        if (!RFC3339.matcher(text).matches()) {
            return Optional.of("expected an RFC 3339 timestamp with offset (2025-01-15T10:30:00Z) or txId:<digits>");
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("not a real date and time");
        }
    }
}
