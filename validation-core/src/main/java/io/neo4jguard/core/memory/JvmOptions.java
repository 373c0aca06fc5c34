package io.neo4jguard.core.memory;

import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap options of a JVM command line ({@code JAVA_OPTS}, {@code server.jvm.additional}) and the JVM's
 * own size grammar, a third language besides Kubernetes quantities and Neo4j sizes: digits with an optional
 * {@code k}, {@code m}, {@code g} or {@code t} in either case; no fraction, no {@code B}, no {@code Gi}
 * (HotSpot answers {@code Invalid maximum heap size: -Xmx4Gi} and exits). HotSpot also reads hexadecimal.
 * When an option repeats, the last one wins.
 */
public final class JvmOptions {
    private static final Pattern SIZE = Pattern.compile("(0[xX][0-9a-fA-F]+|[0-9]+)([kKmMgGtT]?)");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+(\\.[0-9]*)?");

    /** One heap-size option as written. */
    public record Option(String token, String text) {
    }

    private final List<String> tokens;

    private JvmOptions(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Splits on whitespace, as the JVM launcher splits {@code JAVA_OPTS}. */
    public static JvmOptions parse(String line) {
        List<String> out = new ArrayList<>();
        for (String t : line.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return new JvmOptions(out);
    }

    /** The last {@code -Xmx} / {@code -XX:MaxHeapSize=}. */
    public Optional<Option> maxHeap() {
        return last("-Xmx", "-XX:MaxHeapSize=");
    }

    /** The last {@code -Xms} / {@code -XX:InitialHeapSize=}. */
    public Optional<Option> initialHeap() {
        return last("-Xms", "-XX:InitialHeapSize=");
    }

    /** The last {@code -XX:MaxRAMPercentage=}, as a fraction of the container limit (0.25 is the default). */
    public Optional<Double> maxRamFraction() {
        Optional<Option> o = last("-XX:MaxRAMPercentage=");
        if (o.isEmpty() || !PERCENT.matcher(o.get().text()).matches()) {
            return Optional.empty();
        }
        double p = Double.parseDouble(o.get().text());
        return p > 0 && p <= 100 ? Optional.of(p / 100) : Optional.empty();
    }

    private Optional<Option> last(String... prefixes) {
        Option found = null;
        for (String t : tokens) {
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    found = new Option(t, t.substring(p.length()));
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Bytes of a JVM size, or an error in HotSpot's terms, with the JVM spelling of a Kubernetes quantity. */
    public static Parsed<Long> size(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            String fix = fixFromKubernetes(text);
            return Parsed.fail("'" + text + "' is not a JVM size (digits with an optional k, m, g or t)"
                    + (fix == null ? "" : "; Kubernetes units like Gi are not JVM units: write " + fix));
        }
        String digits = m.group(1);
        long n;
        try {
            n = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Parsed.fail("'" + text + "' is too large for a JVM size");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
            return Parsed.fail("'" + text + "' is too large for a JVM size");
        }
        return Parsed.ok(n << shift);
    }

    /** {@code 4Gi} to {@code 4g}, {@code 1536Mi} to {@code 1536m}; null when no exact JVM spelling exists. */
    public static String fixFromKubernetes(String text) {
        String t = text.trim();
        if (!t.matches("[0-9]+(Ki|Mi|Gi|Ti)")) {
            return null;
        }
        Parsed<Long> bytes = KubernetesQuantity.bytes(t);
        if (!bytes.ok()) {
            return null;
        }
        return t.substring(0, t.length() - 2) + Character.toLowerCase(t.charAt(t.length() - 2));
    }
}
