package io.neo4jguard.core.cypher;

/**
 * One token of Cypher source.
 *
 * @param type   what it is
 * @param text   the exact source text, quotes and backticks included
 * @param value  the decoded value: a string literal's content with escapes resolved, a backtick name without
 *               its backticks; the text itself for every other type
 * @param start  offset of the first char in the source (UTF-16 index)
 * @param end    offset after the last char
 * @param line   1-based line (LF, CR, CR LF, NEL, U+2028, U+2029 end a line)
 * @param column 1-based column in code points within the line
 */
public record Token(Type type, String text, String value, int start, int end, int line, int column) {

    public enum Type {
        /** An unquoted name or keyword: {@code abac}, {@code AND}, {@code show}. */
        WORD,
        /** A backtick-quoted name: {@code `CREATE`}. */
        QUOTED_NAME,
        STRING,
        NUMBER,
        /** {@code $name}, {@code $0}, {@code $`x`}. */
        PARAMETER,
        /** Punctuation and operators: {@code ( ) [ ] { } , . .. : ; = <> <= >= =~ + - * / % ^ ||}. */
        SYMBOL,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** A character Cypher (or we) cannot read as part of any token. */
        INVALID
    }

    /** A keyword test, ASCII case-insensitive like Cypher's lexer: never a backtick name or a literal. */
    public boolean isWord(String keyword) {
        return type == Type.WORD && Ascii.equalsIgnoreCase(text, keyword);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** A name usable as variable, property key, map key or function-name part. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_NAME;
    }

    public boolean isComment() {
        return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }
}
