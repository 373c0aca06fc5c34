package io.neo4jguard.core.cypher;

import java.util.List;

/**
 * A function call in a condition, for the checks that decide which functions a condition may call.
 *
 * @param name the name as written, namespace parts joined with dots ({@code abac.oidc.user_attribute});
 *             backtick parts unquoted, as Neo4j resolves them
 * @param at      the first token of the name
 * @param nameEnd offset just after the name's last part
 * @param args    one summary per argument
 */
public record FunctionCall(String name, Token at, int nameEnd, List<Argument> args) {
    public FunctionCall {
        args = List.copyOf(args);
    }

    /** The name as Neo4j matches it against its allow-list: lower-cased (ASCII only, see {@link Ascii}). */
    public String normalizedName() {
        return Ascii.toLowerCase(name);
    }

    /** What an argument is, as far as the allow-list checks care. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL, LIST, MAP, EXPRESSION }

    /**
     * @param kind    a literal's type, or EXPRESSION for anything computed
     * @param value   a string literal's value, else empty
     * @param mapKeys a map literal's keys in order, else empty
     * @param at      the argument's first token
     */
    public record Argument(Kind kind, String value, List<String> mapKeys, Token at) {
        public Argument {
            value = value == null ? "" : value;
            mapKeys = List.copyOf(mapKeys);
        }
    }
}
