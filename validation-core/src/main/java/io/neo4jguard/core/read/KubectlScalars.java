package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types YAML scalars the way kubectl does. kubectl reads manifests with sigs.k8s.io/yaml, whose
 * go-yaml v2 fork uses YAML 1.1 typing ({@code resolve.go}): {@code yes}, {@code on} and {@code y} are
 * booleans, {@code 0777} is octal, {@code 5.26} is a float. We must see the same JSON the API server
 * will receive, or we would pass {@code tag: 5.26} that the CRD schema refuses ("must be string") and
 * miss the classic {@code acceptLicenseAgreement: yes} trap.
 *
 * <p>The resolution, as go-yaml v2 does it for an untagged plain scalar:
 * <ol>
 *   <li>The first character picks the candidates: a sign or digit may be a number; one of
 *       {@code yYnNtTfFoO~} may be a boolean or null; a dot may be a float, {@code .inf} or
 *       {@code .nan}; anything else (a letter such as {@code a}, an underscore) is a string.</li>
 *   <li>Exact words: {@code y Y yes Yes YES true True TRUE on On ON} are true, the same with
 *       {@code n no false off} are false, {@code "" ~ null Null NULL} are null.</li>
 *   <li>Numbers, with every {@code _} removed first: Go's base-prefixed integer syntax
 *       ({@code 0x1F}, {@code 0o17}, {@code 0b101}, {@code 0777} octal, {@code 1_000}); then a float
 *       {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?} that is finite as a float64
 *       ({@code 08} is the float 8; {@code 1e400} stays a string); then an unsigned integer too big
 *       for 64 bits written with a base prefix.</li>
 * </ol>
 * Non-plain (quoted, literal, folded) scalars are strings. Floats keep their exact decimal text here
 * (kubectl rounds them to float64); only the JSON type matters to the schema and the rules.
 */
final class KubectlScalars {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final Map<String, Boolean> BOOLS = Map.ofEntries(
            Map.entry("y", true), Map.entry("Y", true), Map.entry("yes", true), Map.entry("Yes", true),
            Map.entry("YES", true), Map.entry("true", true), Map.entry("True", true), Map.entry("TRUE", true),
            Map.entry("on", true), Map.entry("On", true), Map.entry("ON", true),
            Map.entry("n", false), Map.entry("N", false), Map.entry("no", false), Map.entry("No", false),
            Map.entry("NO", false), Map.entry("false", false), Map.entry("False", false), Map.entry("FALSE", false),
            Map.entry("off", false), Map.entry("Off", false), Map.entry("OFF", false));

    private static final java.util.Set<String> NULLS = java.util.Set.of("", "~", "null", "Null", "NULL");

    /** go-yaml's special floats. JSON has no infinity or NaN: kubectl fails to convert such a manifest. */
    private static final Pattern INF_NAN = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    /** go-yaml v2's {@code yamlStyleFloat}. */
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");

    /** Go's float literal syntax for text that starts with a dot (strconv.ParseFloat; underscores between digits). */
    private static final Pattern GO_DOT_FLOAT = Pattern.compile(
            "\\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?");

    /**
     * A numeric literal longer than this is refused instead of converted: the API server takes 3 MiB
     * bodies, no field of any kind needs a thousand-digit number, and Java's BigInteger/BigDecimal
     * parsing of megabyte literals is quadratic.
     */
    static final int MAX_NUMBER_CHARS = 1000;

    private KubectlScalars() {
    }

    /**
     * The JSON value of an untagged plain scalar.
     *
     * @throws IllegalArgumentException for a numeric literal over {@link #MAX_NUMBER_CHARS} characters
     */
    static JsonNode plain(String s) {
        if (s.isEmpty()) {
            return F.nullNode();
        }
        char first = s.charAt(0);
        boolean sign = first == '+' || first == '-';
        boolean digit = first >= '0' && first <= '9';
        boolean word = "yYnNtTfFoO~".indexOf(first) >= 0;
        if (!(sign || digit || word || first == '.')) {
            return F.textNode(s);
        }
        if (NULLS.contains(s)) {
            return F.nullNode();
        }
        Boolean b = BOOLS.get(s);
        if (b != null) {
            return F.booleanNode(b);
        }
        if (INF_NAN.matcher(s).matches()) {
            // Not representable in JSON: kubectl refuses the manifest. Keep the text so the schema
            // check reports a type error at the right field instead of the reader failing.
            return F.textNode(s);
        }
        if (word) {
            return F.textNode(s);
        }
        if (first == '.') {
            if (GO_DOT_FLOAT.matcher(s).matches()) {
                return finiteFloat(s, s.replace("_", ""));
            }
            return F.textNode(s);
        }
        String plain = s.replace("_", "");
        BigInteger integer = goInteger(plain, true);
        if (integer != null) {
            checkLength(s);
            if (integer.bitLength() < 64) {
                return number(integer);
            }
            // Too big for int64: go-yaml tries uint64 (no sign allowed), then a float, then big.Int.
            if (plain.charAt(0) != '+' && plain.charAt(0) != '-' && integer.bitLength() <= 64) {
                return number(integer);
            }
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            checkLength(s);
            JsonNode f = finiteFloat(s, plain);
            if (f.isNumber()) {
                return f;
            }
        }
        if (integer != null && plain.charAt(0) != '+' && plain.charAt(0) != '-') {
            return number(integer); // big.Int: only reached for unsigned literals beyond 64 bits
        }
        return F.textNode(s);
    }

    /**
     * A scalar with an explicit tag ({@code !!int "5"}, {@code !!str 5}), as go-yaml resolves it: the
     * value is typed by its text whatever its quoting, and must then be of the tagged type.
     *
     * @param tag the full tag ({@code tag:yaml.org,2002:int}) or a local one ({@code !foo})
     * @throws IllegalArgumentException when the text is not of the tagged type (kubectl fails too)
     */
    static JsonNode tagged(String tag, String value) {
        String t = tag.startsWith("tag:yaml.org,2002:") ? tag.substring("tag:yaml.org,2002:".length()) : null;
        if (t == null || t.equals("str") || t.equals("timestamp")) {
            return F.textNode(value); // local tags, '!' and the non-scalar standard tags keep the text
        }
        switch (t) {
            case "binary": {
                try {
                    // Go's base64.StdEncoding skips line breaks and nothing else.
                    byte[] bytes = Base64.getDecoder().decode(value.replace("\r", "").replace("\n", ""));
                    return F.textNode(new String(bytes, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("!!binary value is not valid base64");
                }
            }
            case "int":
            case "float":
            case "bool":
            case "null": {
                JsonNode v = plain(value);
                boolean fits = switch (t) {
                    case "int" -> v.isIntegralNumber();
                    case "float" -> v.isNumber();
                    case "bool" -> v.isBoolean();
                    default -> v.isNull();
                };
                if (!fits) {
                    throw new IllegalArgumentException("cannot decode '" + value + "' as !!" + t);
                }
                return v;
            }
            default:
                return F.textNode(value);
        }
    }

    /**
     * The JSON object key kubectl makes of a resolved mapping key (sigs.k8s.io/yaml
     * {@code convertToJSONableObject}): strings as they are, booleans as {@code true}/{@code false},
     * 64-bit integers in decimal ({@code 0x10} becomes {@code 16}), floats as Go prints them; null when
     * kubectl refuses the key (null, integers beyond int64).
     */
    static String key(JsonNode v, String raw) {
        if (v.isTextual()) {
            if (raw != null && INF_NAN.matcher(raw).matches()) {
                return raw.contains("nan") || raw.contains("NaN") || raw.contains("NAN") ? "NaN"
                        : raw.startsWith("-") ? "-Inf" : "+Inf";
            }
            return v.textValue();
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isIntegralNumber()) {
            BigInteger i = v.bigIntegerValue();
            return i.bitLength() < 64 ? i.toString() : null;
        }
        if (v.isNumber()) {
            return goFloatG(v.decimalValue().doubleValue());
        }
        return null;
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}: shortest digits, exponent form outside 1e-4..1e6. */
    static String goFloatG(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        return sign + bd.toPlainString();
    }

    private static JsonNode finiteFloat(String original, String plain) {
        checkLength(original);
        double d = Double.parseDouble(plain);
        if (Double.isInfinite(d)) {
            return F.textNode(original); // strconv.ParseFloat reports a range error: go-yaml keeps a string
        }
        String n = plain.startsWith(".") || plain.startsWith("-.") || plain.startsWith("+.")
                ? plain.replaceFirst("\\.", "0.") : plain;
        return F.numberNode(new BigDecimal(n));
    }

    private static void checkLength(String s) {
        if (s.length() > MAX_NUMBER_CHARS) {
            throw new IllegalArgumentException("numeric literal of " + s.length() + " characters (at most "
                    + MAX_NUMBER_CHARS + "); quote it if it is meant as a string");
        }
    }

    /** Go's {@code strconv.ParseInt(s, 0, ...)} syntax without the range check; null when not an integer. */
    static BigInteger goInteger(String s, boolean signAllowed) {
        int i = 0;
        boolean negative = false;
        if (signAllowed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        String digits = body;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            switch (body.charAt(1)) {
                case 'x', 'X' -> { radix = 16; digits = body.substring(2); }
                case 'o', 'O' -> { radix = 8; digits = body.substring(2); }
                case 'b', 'B' -> { radix = 2; digits = body.substring(2); }
                default -> { radix = 8; digits = body.substring(1); }
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            if (c > 127 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        if (digits.length() > MAX_NUMBER_CHARS) {
            checkLength(s);
        }
        BigInteger v = new BigInteger(digits, radix);
        return negative ? v.negate() : v;
    }

    private static JsonNode number(BigInteger v) {
        if (v.bitLength() < 32) {
            return F.numberNode(v.intValue());
        }
        if (v.bitLength() < 64) {
            return F.numberNode(v.longValue());
        }
        return F.numberNode(v);
    }
}
