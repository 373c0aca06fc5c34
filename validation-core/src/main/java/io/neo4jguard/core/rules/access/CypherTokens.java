package io.neo4jguard.core.rules.access;

import java.util.ArrayList;
import java.util.List;

/**
 * A small Cypher tokenizer, enough to read the shape of an administration command without being fooled by
 * quoting: string literals ({@code '...'}, {@code "..."} with backslash escapes), backtick-quoted names (a doubled
 * backtick is a literal backtick), line and block comments, words, numbers and single symbols. It never throws:
 * unterminated quotes and comments come back as an error with their column.
 */
final class CypherTokens {
    enum Type { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, COMMENT }

    /**
     * @param text   a word or symbol as written; the unquoted name for QUOTED_NAME; the raw literal for STRING
     * @param column 1-based column of the token's first character
     */
    record Token(Type type, String text, int column) {
        boolean isWord(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }
    }

    /** The tokens, or an error (with the tokens read before it). */
    record Result(List<Token> tokens, String error, int errorColumn) {
        boolean ok() {
            return error == null;
        }
    }

    private CypherTokens() {
    }

    static Result tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += width;
                continue;
            }
            int start = i;
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Token(Type.COMMENT, s.substring(i, end), start + 1));
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return new Result(out, "unterminated /* comment", start + 1);
                }
                out.add(new Token(Type.COMMENT, s.substring(i, end + 2), start + 1));
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    j++;
                }
                if (!closed) {
                    return new Result(out, "unterminated string literal", start + 1);
                }
                out.add(new Token(Type.STRING, s.substring(i, j + 1), start + 1));
                i = j + 1;
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == '`') {
                        if (j + 1 < n && s.charAt(j + 1) == '`') {
                            name.append('`');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    name.append(d);
                    j++;
                }
                if (!closed) {
                    return new Result(out, "unterminated backtick-quoted name", start + 1);
                }
                out.add(new Token(Type.QUOTED_NAME, name.toString(), start + 1));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + width;
                while (j < n) {
                    int d = s.codePointAt(j);
                    if (!(Character.isLetterOrDigit(d) || d == '_')) {
                        break;
                    }
                    j += Character.charCount(d);
                }
                out.add(new Token(Type.WORD, s.substring(i, j), start + 1));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Type.NUMBER, s.substring(i, j), start + 1));
                i = j;
            } else {
                out.add(new Token(Type.SYMBOL, new String(Character.toChars(c)), start + 1));
                i += width;
            }
        }
        return new Result(out, null, -1);
    }
}
