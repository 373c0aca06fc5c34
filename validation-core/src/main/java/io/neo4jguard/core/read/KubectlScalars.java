package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain (unquoted) YAML scalars the way kubectl does. kubectl reads manifests with
 * sigs.k8s.io/yaml, which uses go-yaml v2 and so YAML 1.1 typing: {@code yes}, {@code on} and
 * {@code y} are booleans, {@code 0777} is octal, {@code 5.26} is a float. We must see the same
 * JSON the API server will receive, or we would pass {@code tag: 5.26} that the CRD schema refuses
 * ("must be string") and miss the classic {@code acceptLicenseAgreement: yes} trap.
 */
final class KubectlScalars {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0[0-7_]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private KubectlScalars() {
    }

    /** The JSON value of a plain scalar. */
    static JsonNode plain(String s) {
        if (NULL.contains(s)) {
            return F.nullNode();
        }
        if (TRUE.contains(s)) {
            return F.booleanNode(true);
        }
        if (FALSE.contains(s)) {
            return F.booleanNode(false);
        }
        if (DECIMAL.matcher(s).matches()) {
            return integer(s.replace("_", ""), 10);
        }
        if (HEX.matcher(s).matches()) {
            return integer(stripPrefix(s, 2), 16);
        }
        if (BINARY.matcher(s).matches()) {
            return integer(stripPrefix(s, 2), 2);
        }
        if (OCTAL.matcher(s).matches()) {
            return integer(stripPrefix(s, 1), 8);
        }
        if (FLOAT.matcher(s).matches() && s.chars().anyMatch(Character::isDigit)) {
            return F.numberNode(new BigDecimal(s.replace("_", "")));
        }
        if (INF.matcher(s).matches() || NAN.matcher(s).matches()) {
            // Not representable in JSON: kubectl fails to convert such a manifest. Keep the text so
            // the schema check reports a type error at the right field instead of crashing.
            return F.textNode(s);
        }
        return F.textNode(s);
    }

    private static String stripPrefix(String s, int prefix) {
        boolean signed = s.startsWith("-") || s.startsWith("+");
        String sign = s.startsWith("-") ? "-" : "";
        return sign + s.substring((signed ? 1 : 0) + prefix).replace("_", "");
    }

    private static JsonNode integer(String digits, int radix) {
        BigInteger v = new BigInteger(digits, radix);
        if (v.bitLength() < 32) {
            return F.numberNode(v.intValue());
        }
        if (v.bitLength() < 64) {
            return F.numberNode(v.longValue());
        }
        return F.numberNode(v);
    }
}
