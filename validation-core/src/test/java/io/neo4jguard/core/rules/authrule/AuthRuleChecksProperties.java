package io.neo4jguard.core.rules.authrule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.testkit.CheckRun;
import io.neo4jguard.core.testkit.Resolvers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The auth-rule checks never throw, whatever the object looks like. */
class AuthRuleChecksProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("name", "condition", "grantedRoles", "clusterRef", "enabled",
            "enforceRoles", "deletionPolicy", "x");
    private static final List<String> TEXTS = List.of("", " ", "abac.oidc.user_attribute('d') = 'x'",
            "true SET ENABLED true //", "'admin' IN abac.native.user_tags()", "prod-cluster", "reader", "bad-role",
            "\u200B", "ＳＥＴ", "(".repeat(200), "'" , "`", "date()", "a".repeat(70), "\uD800", "2026.03.0");

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static JsonNode value(Random r, int depth) {
        return switch (depth > 2 ? r.nextInt(6) : r.nextInt(8)) {
            case 0 -> F.textNode(TEXTS.get(r.nextInt(TEXTS.size())));
            case 1 -> F.textNode(randomText(r));
            case 2 -> F.numberNode(new BigInteger(130, r));
            case 3 -> F.numberNode(new BigDecimal(r.nextDouble() * 1e300));
            case 4 -> F.booleanNode(r.nextBoolean());
            case 5 -> F.nullNode();
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(value(r, depth + 1));
                }
                yield a;
            }
            default -> object(r, depth + 1);
        };
    }

    private static ObjectNode object(Random r, int depth) {
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(KEYS.size() + 1); i > 0; i--) {
            o.set(KEYS.get(r.nextInt(KEYS.size())), value(r, depth));
        }
        return o;
    }

    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(30); i > 0; i--) {
            b.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000)));
        }
        return b.toString();
    }

    @Property(tries = 1000)
    void checksNeverThrowOnAnyTree(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        ObjectNode tree = F.objectNode();
        tree.put("apiVersion", Kinds.API_VERSION).put("kind", Kinds.AUTH_RULE);
        tree.set("metadata", r.nextBoolean() ? F.objectNode().put("name", "r").put("namespace", "prod")
                : value(r, 0));
        tree.set("spec", r.nextInt(5) == 0 ? value(r, 0) : object(r, 0));
        Resource rule = Resource.of(tree);
        String tag = List.of("5.26.0", "2026.03.0", "2026.06.1", "garbage", "").get(r.nextInt(5));
        Resource cluster = AuthRules.cluster("prod-cluster", "prod", tag);
        for (Check c : List.of(new AuthRuleNameCheck(), new AuthRuleRolesCheck(), new AuthRuleConditionCheck(),
                new AuthRuleTargetCheck())) {
            List<Finding> fs = CheckRun.run(c, rule, Resolvers.of(r.nextBoolean(), cluster));
            assertThat(fs).allSatisfy(f -> {
                assertThat(f.field()).isNotEmpty();
                assertThat(f.message()).isNotBlank();
            });
        }
    }
}
