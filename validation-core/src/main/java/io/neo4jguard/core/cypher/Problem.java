package io.neo4jguard.core.cypher;

/**
 * Something wrong with a condition, at one place.
 *
 * @param kind    the category (one finding per category is enough for a reader)
 * @param message what is wrong and why, without the position
 * @param token   the offending source text (a token, or the character)
 * @param offset  where it starts in the source
 * @param line    1-based line
 * @param column  1-based column in code points within the line
 */
public record Problem(Kind kind, String message, String token, int offset, int line, int column) {

    public enum Kind {
        /** {@code //} or {@code /* *}{@code /}: would swallow what the operator appends. */
        COMMENT,
        /** {@code ;}: would end the statement. */
        SEMICOLON,
        /** {@code $x}: Neo4j refuses parameters in auth rule conditions. */
        PARAMETER,
        /** A clause or command keyword (SET, CALL, MATCH, CREATE, ...) outside a literal, key or backticks. */
        CLAUSE_KEYWORD,
        /** {@code EXISTS { }}, {@code COUNT { }}, {@code COLLECT { }}, {@code CALL { }}. */
        SUBQUERY,
        /** A relationship pattern such as {@code (a)--(b)}, {@code (a)-[r]->(b)}. */
        PATTERN,
        /** An opening or closing bracket, parenthesis or brace without its partner. */
        UNBALANCED,
        /** A string literal, backtick name or block comment that never ends. */
        UNTERMINATED,
        /** A backslash escape Cypher does not define, or a malformed {@code \\u}/{@code \\U} escape. */
        BAD_ESCAPE,
        /** A malformed number ({@code 12abc}, {@code 0x}, {@code 012}). */
        BAD_NUMBER,
        /** A zero-width or other invisible character outside a literal. */
        INVISIBLE_CHAR,
        /** A character imitating ASCII (full-width letters, U+037E for ';', long s) outside a literal. */
        LOOKALIKE_CHAR,
        /** A bidirectional override/isolate control anywhere (Trojan Source). */
        BIDI_CONTROL,
        /** Any other character that is not part of a token. */
        UNEXPECTED_CHAR,
        /** Valid tokens in an order the condition grammar does not allow. */
        SYNTAX,
        /** Nesting deeper than a condition needs. */
        TOO_DEEP
    }

    /** {@code column 6}, or {@code line 2, column 6} when the condition spans lines. */
    public String where(boolean multiLine) {
        return multiLine ? "line " + line + ", column " + column : "column " + column;
    }
}
