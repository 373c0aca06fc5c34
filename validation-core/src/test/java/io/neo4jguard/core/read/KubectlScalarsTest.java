package io.neo4jguard.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML 1.1 typing as kubectl (sigs.k8s.io/yaml, go-yaml v2 resolve.go) does it. */
class KubectlScalarsTest {
    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL_VALUE", value = {
            // booleans: YAML 1.1 words, exact spellings only
            "y | bool | true", "Y | bool | true", "yes | bool | true", "Yes | bool | true", "YES | bool | true",
            "on | bool | true", "On | bool | true", "ON | bool | true", "true | bool | true", "True | bool | true",
            "TRUE | bool | true",
            "n | bool | false", "N | bool | false", "no | bool | false", "No | bool | false", "NO | bool | false",
            "off | bool | false", "Off | bool | false", "OFF | bool | false", "false | bool | false",
            "yEs | str | yEs", "oN | str | oN", "tRUE | str | tRUE", "nope | str | nope", "yes please | str | yes please",
            // null
            "~ | null | ", "null | null | ", "Null | null | ", "NULL | null | ", "nULL | str | nULL",
            // integers: decimal, octal with a leading 0, 0x, 0o and 0b prefixes, underscores dropped
            "0 | int | 0", "42 | int | 42", "-42 | int | -42", "+42 | int | 42", "-0 | int | 0",
            "0777 | int | 511", "0o17 | int | 15", "0O17 | int | 15", "0x1F | int | 31", "0X1f | int | 31",
            "-0x10 | int | -16", "0b101 | int | 5", "0B101 | int | 5", "-0b101 | int | -5",
            "1_000 | int | 1000", "1__0 | int | 10", "0x_1F | int | 31", "1_ | int | 1",
            "9223372036854775807 | int | 9223372036854775807",
            "9223372036854775808 | int | 9223372036854775808",
            "18446744073709551615 | int | 18446744073709551615",
            "0x10000000000000000 | int | 18446744073709551616",
            // floats: a dot or an exponent; 08 and 09 are not octal, so they are floats
            "5.26 | float | 5.26", "1. | float | 1", ".5 | float | 0.5", "-.5 | float | -0.5", "+.5 | float | 0.5",
            "1e9 | float | 1000000000", "1E9 | float | 1000000000", "1e-3 | float | 0.001", "1.5e+3 | float | 1500",
            "08 | float | 8", "09.5 | float | 9.5", "1_0.5 | float | 10.5", ".5_5 | float | 0.55",
            "18446744073709551616 | float | 18446744073709551616", "-9223372036854775809 | float | -9223372036854775809",
            "1e-400 | float | 1e-400",
            // strings: out-of-range floats, special floats (no JSON form), signs alone, timestamps, the rest
            "1e400 | str | 1e400", ".5e400 | str | .5e400", ".inf | str | .inf", "-.Inf | str | -.Inf",
            "+.INF | str | +.INF", ".nan | str | .nan", ".NaN | str | .NaN",
            "+ | str | +", "- | str | -", ". | str | .", "0x | str | 0x", "0b2 | str | 0b2", "1e | str | 1e",
            "._5 | str | ._5", "_1 | str | _1", "1:20 | str | 1:20", "1.2.3 | str | 1.2.3", "2025-01-01 | str | 2025-01-01",
            "5.26.0-enterprise | str | 5.26.0-enterprise", "4Gi | str | 4Gi", "-0x8000000000000001 | str | -0x8000000000000001",
            "\u0665 | str | \u0665", "abc | str | abc", "<< | str | <<",
    })
    void plainScalars(String text, String type, String value) {
        JsonNode n = KubectlScalars.plain(text);
        switch (type) {
            case "bool" -> assertThat(n.isBoolean() && n.booleanValue() == Boolean.parseBoolean(value)).as(n.toString()).isTrue();
            case "null" -> assertThat(n.isNull()).as(n.toString()).isTrue();
            case "int" -> {
                assertThat(n.isIntegralNumber()).as(n.toString()).isTrue();
                assertThat(n.bigIntegerValue()).isEqualTo(new java.math.BigInteger(value));
            }
            case "float" -> {
                assertThat(n.isNumber() && !n.isIntegralNumber()).as(n.toString()).isTrue();
                assertThat(n.decimalValue()).isEqualByComparingTo(new BigDecimal(value));
            }
            default -> {
                assertThat(n.isTextual()).as(n.toString()).isTrue();
                assertThat(n.textValue()).isEqualTo(value);
            }
        }
    }

    @Test
    void emptyPlainIsNull() {
        assertThat(KubectlScalars.plain("").isNull()).isTrue();
    }

    @Test
    void integersUseTheSmallestJsonNode() {
        assertThat(KubectlScalars.plain("5").isInt()).isTrue();
        assertThat(KubectlScalars.plain("5000000000").isLong()).isTrue();
        assertThat(KubectlScalars.plain("9223372036854775808").isBigInteger()).isTrue();
    }

    @Test
    void hugeNumericLiteralsAreRefusedNotParsedForever() {
        String digits = "1".repeat(KubectlScalars.MAX_NUMBER_CHARS + 1);
        assertThatThrownBy(() -> KubectlScalars.plain(digits)).hasMessageContaining("quote it");
        assertThatThrownBy(() -> KubectlScalars.plain("0." + digits)).hasMessageContaining("quote it");
        assertThat(KubectlScalars.plain("a" + digits).isTextual()).isTrue();
    }

    @ParameterizedTest(name = "[{0} {1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "tag:yaml.org,2002:str   | 5      | \"5\"",
            "tag:yaml.org,2002:str   | yes    | \"yes\"",
            "tag:yaml.org,2002:int   | 5      | 5",
            "tag:yaml.org,2002:int   | 0x10   | 16",
            "tag:yaml.org,2002:float | 5      | 5",
            "tag:yaml.org,2002:float | 1.5    | 1.5",
            "tag:yaml.org,2002:bool  | yes    | true",
            "tag:yaml.org,2002:null  | ~      | null",
            "tag:yaml.org,2002:binary | aGVsbG8= | \"hello\"",
            "tag:yaml.org,2002:timestamp | 2025-01-01 | \"2025-01-01\"",
            "!custom                 | 5      | \"5\"",
    })
    void explicitTags(String tag, String value, String json) {
        assertThat(KubectlScalars.tagged(tag, value).toString()).isEqualTo(json);
    }

    @ParameterizedTest(name = "[{0} {1}] refused")
    @CsvSource(delimiter = '|', value = {
            "tag:yaml.org,2002:int    | abc", "tag:yaml.org,2002:int | 1.5", "tag:yaml.org,2002:bool | 1",
            "tag:yaml.org,2002:null   | 0", "tag:yaml.org,2002:float | yes", "tag:yaml.org,2002:binary | !!!",
    })
    void explicitTagsMustFit(String tag, String value) {
        assertThatThrownBy(() -> KubectlScalars.tagged(tag, value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "key [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "yes | true", "off | false", "0x10 | 16", "0777 | 511", "1_000 | 1000", "1.50 | 1.5", "1e6 | 1e+06",
            "100000 | 100000", "0.0001 | 0.0001", "0.00001 | 1e-05", "1234567.0 | 1.234567e+06", "-2.5 | -2.5",
            "name | name", ".inf | +Inf", "-.inf | -Inf", ".nan | NaN", "1e400 | 1e400",
    })
    void keysBecomeStringsLikeKubectl(String raw, String key) {
        assertThat(KubectlScalars.key(KubectlScalars.plain(raw), raw)).isEqualTo(key);
    }

    @Test
    void keysKubectlRefuses() {
        assertThat(KubectlScalars.key(KubectlScalars.plain("~"), "~")).isNull();
        assertThat(KubectlScalars.key(KubectlScalars.plain("9223372036854775808"), "9223372036854775808")).isNull();
    }

    @Test
    void inAManifestQuotedStringsStayStrings() throws Exception {
        Resource r = new ManifestParser().parse("s.yaml", """
                apiVersion: v1
                kind: ConfigMap
                data:
                  plain: yes
                  double: "yes"
                  single: 'on'
                  literal: |
                    0777
                  folded: >
                    1e9
                  octal: 0777
                  quotedOctal: "0777"
                  tagged: !!str 0777
                  taggedInt: !!int "0777"
                  nonSpecific: ! 42
                  tag: 5.26
                  quotedTag: "5.26"
                  empty:
                  tilde: ~
                """).get(0);
        JsonNode d = r.tree().get("data");
        assertThat(d.get("plain").isBoolean()).isTrue();
        assertThat(d.get("double").textValue()).isEqualTo("yes");
        assertThat(d.get("single").textValue()).isEqualTo("on");
        assertThat(d.get("literal").textValue()).isEqualTo("0777\n");
        assertThat(d.get("folded").textValue()).isEqualTo("1e9\n");
        assertThat(d.get("octal").intValue()).isEqualTo(511);
        assertThat(d.get("quotedOctal").textValue()).isEqualTo("0777");
        assertThat(d.get("tagged").textValue()).isEqualTo("0777");
        assertThat(d.get("taggedInt").intValue()).isEqualTo(511);
        assertThat(d.get("nonSpecific").textValue()).isEqualTo("42");
        assertThat(d.get("tag").isNumber()).isTrue();
        assertThat(d.get("quotedTag").textValue()).isEqualTo("5.26");
        assertThat(d.get("empty").isNull()).isTrue();
        assertThat(d.get("tilde").isNull()).isTrue();
    }

    @Test
    void goFloatFormatting() {
        assertThat(KubectlScalars.goFloatG(0.0)).isEqualTo("0");
        assertThat(KubectlScalars.goFloatG(-0.0)).isEqualTo("-0");
        assertThat(KubectlScalars.goFloatG(123456)).isEqualTo("123456");
        assertThat(KubectlScalars.goFloatG(1e21)).isEqualTo("1e+21");
        assertThat(KubectlScalars.goFloatG(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(KubectlScalars.goFloatG(1e100)).isEqualTo("1e+100");
    }
}
