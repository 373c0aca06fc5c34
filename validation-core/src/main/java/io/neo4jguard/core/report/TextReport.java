package io.neo4jguard.core.report;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Severity;

/**
 * The human format, one line per finding, then a summary:
 * <pre>
 * cluster.yaml:7:5  error  topology.min-servers  Neo4jEnterpriseCluster/graph  spec.topology.servers: Invalid value: 1: ...  hint: ...
 * 1 object in 1 file: 1 error, 0 warnings
 * </pre>
 * Colour (ANSI) only when asked: the CLI asks only on a terminal without {@code NO_COLOR}.
 */
public final class TextReport {
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String GREEN = "\u001b[1;32m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    public String render(Report report) {
        StringBuilder b = new StringBuilder();
        for (ObjectReport o : report.objects()) {
            for (Finding f : o.findings()) {
                b.append(where(f.location(), o.resource().file())).append("  ")
                        .append(paint(f.severity() == Severity.ERROR ? RED : YELLOW, f.severity().label())).append("  ")
                        .append(f.rule()).append("  ")
                        .append(o.resource().displayName()).append("  ")
                        .append(f.field().isEmpty() ? "" : f.field() + ": ")
                        .append(oneLine(f.message()));
                if (!f.hint().isEmpty()) {
                    b.append("  hint: ").append(oneLine(f.hint()));
                }
                b.append('\n');
            }
        }
        b.append(summary(report.summary())).append('\n');
        return b.toString();
    }

    String summary(Summary s) {
        StringBuilder b = new StringBuilder();
        if (s.objects() == 0) {
            b.append("no Neo4j operator objects found in ").append(plural(s.files(), "file"));
        } else {
            b.append(plural(s.objects(), "object")).append(" in ").append(plural(s.files(), "file")).append(": ");
            if (s.errors() == 0 && s.warnings() == 0) {
                b.append(paint(GREEN, "no findings"));
            } else {
                String counts = plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning");
                b.append(s.errors() > 0 ? paint(RED, counts) : paint(YELLOW, counts));
            }
        }
        if (s.skipped() > 0) {
            b.append(" (").append(plural(s.skipped(), "other object")).append(" read as context, not checked)");
        }
        return b.toString();
    }

    private static String where(Location l, String file) {
        String name = l.file().isEmpty() ? (file.isEmpty() ? "<input>" : file) : l.file();
        return l.known() ? name + ":" + l.line() + ":" + l.column() : name;
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /** A message never breaks the one-line-per-finding layout (grep, CI logs). */
    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
