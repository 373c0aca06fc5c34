package io.neo4jguard.core.cypher;

import java.util.ArrayList;
import java.util.List;

/** Offsets to 1-based line and column (columns in code points), with Unicode line separators as line breaks. */
final class LineMap {
    private final String source;
    private final int[] lineStarts;

    LineMap(String source) {
        this.source = source;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && source.charAt(i + 1) == '\n') {
                    i++;
                }
                starts.add(i + 1);
            } else if (CypherChars.isLineBreak(c)) {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        int end = Math.min(Math.max(offset, start), source.length());
        return source.codePointCount(start, end) + 1;
    }

    Problem problem(Problem.Kind kind, String message, String token, int offset) {
        return new Problem(kind, message, token, offset, line(offset), column(offset));
    }
}
