package io.neo4jguard.webhook.admission;

import java.text.Normalizer;

/** Small text helpers for what goes back to the API server. */
final class Texts {
    private Texts() {
    }

    /** At most {@code max} characters, "..." marking a cut. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Math.max(0, max - 3)) + "...";
    }

    /**
     * Plain printable ASCII, as warnings must be: they travel in HTTP {@code Warning} headers, where the
     * API server would otherwise escape or drop them. Accents are stripped (NFKD then drop combining
     * marks: "Zürich" -> "Zurich"; "…" decomposes to "..."), common typographic characters get their
     * ASCII look-alikes, control characters become spaces, and anything else is written as
     * {@code \\uXXXX} so no information is silently lost.
     */
    static String ascii(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                return;
            }
            if (cp < 0x20 || cp == 0x7f) {
                b.append(' ');
            } else if (cp < 0x7f) {
                b.append((char) cp);
            } else {
                String alike = switch (cp) {
                    case 0x2018, 0x2019, 0x201A, 0x2032 -> "'";
                    case 0x201C, 0x201D, 0x201E, 0x2033, 0x00AB, 0x00BB -> "\"";
                    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> "-";
                    case 0x00A0, 0x2007, 0x202F -> " ";
                    case 0x00D7 -> "x";
                    case 0x2264 -> "<=";
                    case 0x2265 -> ">=";
                    case 0x2260 -> "!=";
                    case 0x2192 -> "->";
                    case 0x2190 -> "<-";
                    case 0x2022, 0x00B7 -> "*";
                    default -> cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp);
                };
                b.append(alike);
            }
        });
        return b.toString();
    }
}
