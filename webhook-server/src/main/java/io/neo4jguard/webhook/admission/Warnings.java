package io.neo4jguard.webhook.admission;

import io.neo4jguard.core.api.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings as AdmissionResponse warnings, within what the API server passes on unchanged
 * (k8s.io/apiserver endpoints/filters/warning.go): each at most {@value #ITEM_LIMIT} characters, all
 * together at most {@value #TOTAL_LIMIT}. Beyond that the API server would truncate or drop them
 * silently; we cut instead and say how many were left out. Plain ASCII, rule ID first, so
 * {@code kubectl} shows {@code Warning: memory.x: spec.config[...]: ...}.
 */
public final class Warnings {
    /** truncateItemRunes in the API server. */
    public static final int ITEM_LIMIT = 256;
    /** truncateAtTotalRunes in the API server. */
    public static final int TOTAL_LIMIT = 4096;

    private Warnings() {
    }

    /** One line per finding: {@code rule-id: field: message}, ASCII, at most {@value #ITEM_LIMIT} characters. */
    public static String line(Finding f) {
        String text = f.rule() + ": " + (f.field().isEmpty() ? "" : f.field() + ": ") + f.message();
        return Texts.clip(Texts.ascii(text), ITEM_LIMIT);
    }

    /** The warnings for these findings, in order, fitted into the limits (a last line counts the dropped). */
    public static List<String> of(List<Finding> findings) {
        List<String> lines = findings.stream().map(Warnings::line).toList();
        return fit(lines);
    }

    static List<String> fit(List<String> lines) {
        int total = lines.stream().mapToInt(String::length).sum();
        if (total <= TOTAL_LIMIT) {
            return lines;
        }
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < lines.size(); i++) {
            String next = lines.get(i);
            int droppedIfStopHere = lines.size() - i - 1;
            // Keep `next` only if the note about what remains after it still fits too.
            int reserve = droppedIfStopHere == 0 ? 0 : dropped(droppedIfStopHere).length();
            if (used + next.length() + reserve > TOTAL_LIMIT) {
                kept.add(dropped(lines.size() - i));
                return kept;
            }
            kept.add(next);
            used += next.length();
        }
        return kept;
    }

    static String dropped(int n) {
        return "neo4j-guard: " + n + " more warning" + (n == 1 ? "" : "s")
                + " not shown (the API server limits warnings to 4096 characters); "
                + "run 'neo4j-guard check' on the object to see all";
    }
}
