package io.neo4jguard.core.rules.backup;

/**
 * Counts the statements in a Cypher text without parsing Cypher: a statement is a run of text with something
 * other than whitespace and comments in it, and statements are separated by ';' outside string literals
 * ({@code '...'}, {@code "..."} with backslash escapes), backtick identifiers (with doubled backticks) and
 * comments ({@code //} to end of line, {@code /* ... *}{@code /}). A trailing ';' is allowed by Neo4j and
 * does not start a statement.
 */
final class CypherStatements {
    private CypherStatements() {
    }

    static boolean isBlank(String cypher) {
        return count(cypher) == 0;
    }

    static int count(String cypher) {
        int statements = 0;
        boolean content = false;
        int i = 0;
        int n = cypher.length();
        while (i < n) {
            char c = cypher.charAt(i);
            if (c == '\'' || c == '"') {
                content = true;
                i = skipString(cypher, i, c);
            } else if (c == '`') {
                content = true;
                i = skipBacktick(cypher, i);
            } else if (c == '/' && i + 1 < n && cypher.charAt(i + 1) == '/') {
                int eol = cypher.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && cypher.charAt(i + 1) == '*') {
                int end = cypher.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                if (content) {
                    statements++;
                }
                content = false;
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    content = true;
                }
                i++;
            }
        }
        return content ? statements + 1 : statements;
    }

    /** Index after the closing quote (or the end, for an unterminated literal). */
    private static int skipString(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int skipBacktick(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
