package io.neo4jguard.core.rules.plugin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar of {@code dependencies[].versionConstraint}, the common subset of npm/Cargo/semver-style ranges:
 * <pre>
 * constraint ::= range ( "||" range )*
 * range      ::= comparator ( ( "," | " " )+ comparator )*          all must hold
 * comparator ::= "*" | op? version
 * op         ::= ">=" | "<=" | ">" | "<" | "=" | "==" | "!=" | "~>" | "~" | "^"
 * version    ::= "v"? number ( "." ( number | "x" | "X" | "*" ) ){0,3} ( "-" tag )? ( "+" tag )?
 * </pre>
 * Whitespace between an operator and its version is allowed ({@code >= 5.26.0}). So {@code >=5.26.0},
 * {@code ^2.10}, {@code ~5.26}, {@code 5.26.x}, {@code >=5.26.0 <2025.0.0} and {@code 1} pass;
 * {@code >=banana}, {@code >=}, {@code 5..26} and {@code latest} fail (the reference only looks at the first
 * character, so {@code >=banana} passed there).
 */
final class VersionConstraint {
    private static final String VERSION =
            "v?[0-9]{1,9}(?:\\.(?:[0-9]{1,9}|[xX*])){0,3}(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\\+[0-9A-Za-z][0-9A-Za-z.-]*)?";
    private static final Pattern COMPARATOR = Pattern.compile("\\*|(?:>=|<=|==|!=|~>|>|<|=|~|\\^)?" + VERSION);
    private static final Pattern OPERATOR_SPACE = Pattern.compile("(>=|<=|==|!=|~>|>|<|=|~|\\^)\\s+");
    /** Constraints are short; a bound keeps the regex work trivial on hostile input. */
    static final int MAX_LENGTH = 256;

    private VersionConstraint() {
    }

    /** Why {@code text} is not a version constraint, or empty when it is. */
    static Optional<String> problem(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.of("empty constraint");
        }
        if (t.length() > MAX_LENGTH) {
            return Optional.of("longer than " + MAX_LENGTH + " characters");
        }
        for (String range : t.split("\\|\\|", -1)) {
            String r = OPERATOR_SPACE.matcher(range.trim()).replaceAll("$1");
            if (r.isEmpty()) {
                return Optional.of("empty alternative around '||'");
            }
            for (String comparator : r.split("[,\\s]+")) {
                if (comparator.isEmpty()) {
                    return Optional.of("empty comparator");
                }
                if (!COMPARATOR.matcher(comparator).matches()) {
                    return Optional.of("'" + comparator + "' is not a comparator such as >=5.26.0, ^2.10 or 5.26.x");
                }
            }
        }
        return Optional.empty();
    }
}
