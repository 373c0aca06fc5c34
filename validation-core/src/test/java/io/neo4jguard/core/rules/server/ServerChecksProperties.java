package io.neo4jguard.core.rules.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.testkit.Resolvers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Random specs (random trees over the field names the checks read, with hostile scalars), random old
 * objects, random Secrets and Neo4jDatabases behind the resolver: no check throws, reports an undeclared
 * rule, or echoes a password.
 */
class ServerChecksProperties {
    static final List<Check> CHECKS = List.of(new LicenseCheck(), new NameLengthCheck(), new TopologyCheck(),
            new ImageCheck(), new StorageCheck(), new TlsCheck(), new AuthCheck(), new AdminPasswordCheck(),
            new UpdateCheck(), new UpgradeStrategyCheck());

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Every field name the checks read, so random trees reach deep into the rules. */
    private static final List<String> KEYS = List.of("acceptLicenseAgreement", "image", "repo", "tag", "pullPolicy",
            "topology", "servers", "minSystemPrimaries", "serverModeConstraint", "serverRoles", "serverIndex",
            "modeConstraint", "storage", "size", "className", "retentionPolicy", "tls", "mode", "issuerRef", "name",
            "kind", "duration", "renewBefore", "usages", "externalSecrets", "enabled", "secretStoreRef",
            "refreshInterval", "data", "secretKey", "remoteRef", "key", "auth", "authenticationProviders",
            "authorizationProviders", "adminSecret", "oidc", "okta", "my.okta", "audience", "wellKnownDiscoveryURI",
            "issuer", "jwksURI", "authEndpoint", "tokenEndpoint", "authFlow", "ldap", "host", "authentication",
            "authorization", "useSystemAccount", "systemAccountSecretRef", "userDNTemplate", "attribute",
            "searchForAttribute", "trustStore", "config", "upgradeStrategy", "strategy", "upgradeTimeout",
            "healthCheckTimeout", "stabilizationTimeout", "maxUnavailableDuringUpgrade",
            "dbms.security.auth_minimum_password_length", "dbms.security.ldap.host", "dbms.security.oidc.okta.x",
            "clusterRef", "primaries", "secondaries", "password", "stringData", "", "\u00e9t\u00e9");

    private static final List<String> STRINGS = List.of("", " ", "yes", "eval", "Yes", "no", "-", "--x", "0", "-1",
            "1e999999999", "1e-999999999", "99999999999999999999999999", "5.26.0", "5.26.0-enterprise", "5.26",
            "2025.13.0", "2026.09.1-enterprise", "99999.99.9999", "9999.1", "4.4.0", "latest", "neo4j", "NEO4J",
            "neo4j:5", "docker.io/library/neo4j", "a@b", "cert-manager", "disabled", "NONE", "PRIMARY", "SECONDARY",
            "server auth", "client auth", "serverAuth", "oidc", "oidc-okta", "oidc-", "plugin-", "plugin-x",
            "native", "ldap", "jwt", "90d", "2160h", "1h", "-1h", "0.5h", "9223372036854775808ns", "1e3", "10g",
            "100Gi", "500m", "0.5", "\u0000", "\uD83D\uDE00", "\u0663", "\u00b5s", "{0}", "0Gi", "-0", "+",
            "x".repeat(300), "1".repeat(400) + "h", "RollingUpgrade", "Delete", "Retain", "graph");

    @Provide
    Arbitrary<JsonNode> specs() {
        return json(4);
    }

    private Arbitrary<JsonNode> json(int depth) {
        if (depth == 0) {
            return scalars();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalars()),
                net.jqwik.api.Tuple.of(3, Arbitraries.lazy(() -> objects(depth - 1))),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> arrays(depth - 1))));
    }

    private Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.maps(keys, json(depth)).ofMaxSize(6).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    private Arbitrary<JsonNode> arrays(int depth) {
        return json(depth).list().ofMaxSize(5).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
    }

    private Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(STRINGS).map(F::textNode),
                Arbitraries.strings().ofMaxLength(30).map(F::textNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.of(0L, 1L, 2L, 3L, 4L, 5L, 10L, 11L, 100L, 101L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(new BigInteger("2").pow(100), new BigInteger("-1").shiftLeft(80))
                        .map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of(Kinds.CLUSTER, Kinds.STANDALONE);
    }

    @Provide
    Arbitrary<JsonNode> names() {
        return Arbitraries.oneOf(Arbitraries.of("graph", "", "Graph.1", "g".repeat(70)).map(F::textNode),
                Arbitraries.strings().ofMaxLength(80).map(F::textNode), scalars());
    }

    private static Resource object(String kind, JsonNode name, JsonNode spec) {
        ObjectNode root = F.objectNode();
        root.put("apiVersion", Kinds.API_VERSION);
        root.put("kind", kind);
        ObjectNode meta = root.putObject("metadata");
        meta.set("name", name);
        meta.put("namespace", "ns");
        root.set("spec", spec);
        return Resource.of(root);
    }

    /** A resolver answering every lookup with a Secret or database built from the random trees. */
    private static Resolver resolver(JsonNode secretData, JsonNode dbSpec) {
        return new Resolver() {
            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                ObjectNode secret = F.objectNode();
                secret.put("apiVersion", "v1").put("kind", "Secret");
                secret.putObject("metadata").put("name", name).put("namespace", namespace);
                secret.set("data", secretData);
                secret.set("stringData", secretData);
                return Resolution.found(Resource.of(secret));
            }

            @Override
            public List<Resource> list(String kind, String namespace) {
                ObjectNode db = F.objectNode();
                db.put("apiVersion", Kinds.API_VERSION).put("kind", Kinds.DATABASE);
                db.putObject("metadata").put("name", "db").put("namespace", namespace);
                db.set("spec", dbSpec);
                ObjectNode ours = db.deepCopy();
                ((ObjectNode) ours.get("metadata")).put("name", "db2");
                ours.set("spec", F.objectNode().put("clusterRef", "graph").set("topology",
                        F.objectNode().set("primaries", dbSpec)));
                return List.of(Resource.of(db), Resource.of(ours));
            }

            @Override
            public boolean authoritative() {
                return true;
            }
        };
    }

    @Property(tries = 400)
    void randomSpecsNeverMakeAChecksThrow(@ForAll("kinds") String kind, @ForAll("names") JsonNode name,
                                          @ForAll("specs") JsonNode spec, @ForAll("specs") JsonNode oldSpec,
                                          @ForAll boolean update, @ForAll("specs") JsonNode secretData,
                                          @ForAll("specs") JsonNode dbSpec) {
        Resource now = object(kind, name, spec);
        Resource old = update ? object(kind, name, oldSpec) : null;
        Resolver resolver = resolver(secretData, dbSpec);
        for (Check check : CHECKS) {
            RuleContext ctx = RuleContext.forTest(now, old, resolver, check);
            assertThatCode(() -> check.check(ctx)).as(check.getClass().getSimpleName()).doesNotThrowAnyException();
            Set<String> declared = check.rules().stream().map(RuleMeta::id).collect(Collectors.toSet());
            for (Finding f : ctx.reported()) {
                assertThat(declared).contains(f.rule());
                assertThat(f.message()).isNotBlank();
            }
        }
    }

    @Property(tries = 200)
    void wellFormedSpecsWithRandomValuesNeverThrow(@ForAll("kinds") String kind,
                                                   @ForAll("specs") JsonNode servers,
                                                   @ForAll("specs") JsonNode roles,
                                                   @ForAll("specs") JsonNode tag,
                                                   @ForAll("specs") JsonNode size,
                                                   @ForAll("specs") JsonNode providers,
                                                   @ForAll("specs") JsonNode oidc,
                                                   @ForAll("specs") JsonNode durations) {
        // The right shape with random leaves reaches the value-level code that random trees seldom hit.
        ObjectNode spec = F.objectNode();
        spec.putObject("image").put("repo", "neo4j").set("tag", tag);
        spec.putObject("topology").set("servers", servers);
        ((ObjectNode) spec.get("topology")).set("serverRoles", roles);
        ((ObjectNode) spec.get("topology")).set("minSystemPrimaries", servers);
        spec.putObject("storage").set("size", size);
        ObjectNode tls = spec.putObject("tls");
        tls.set("duration", durations);
        tls.set("renewBefore", tag);
        tls.set("usages", providers);
        ObjectNode auth = spec.putObject("auth");
        auth.set("authenticationProviders", providers);
        auth.set("oidc", oidc);
        spec.putObject("upgradeStrategy").set("upgradeTimeout", durations);
        Resource now = object(kind, F.textNode("graph"), spec);
        Resource old = object(kind, F.textNode("graph"), spec.deepCopy());
        ((ObjectNode) old.tree().get("spec").get("topology")).set("servers", size);
        for (Check check : CHECKS) {
            RuleContext ctx = RuleContext.forTest(now, old, resolver(oidc, servers), check);
            assertThatCode(() -> check.check(ctx)).as(check.getClass().getSimpleName()).doesNotThrowAnyException();
        }
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(3).ofMaxLength(20),
                Arbitraries.strings().ofMinLength(3).ofMaxLength(20).map(s -> "-" + s),
                Arbitraries.strings().withChars("- \t").ofMinLength(1).ofMaxLength(3)
                        .flatMap(p -> Arbitraries.strings().alpha().ofMinLength(2).ofMaxLength(5).map(s -> p + s)));
    }

    @Property(tries = 300)
    void adminPasswordIsNeverEchoed(@ForAll("passwords") String password, @ForAll boolean base64) {
        String visible = password.strip();
        ObjectNode secret = F.objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret");
        // The Secret the operator reads when the cluster names none, in the cluster's namespace.
        secret.putObject("metadata").put("name", "neo4j-admin-secret").put("namespace", "ns");
        if (base64) {
            secret.putObject("data").put("password",
                    Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        } else {
            secret.putObject("stringData").put("password", password);
        }
        Resolver r = Resolvers.of(true, Resource.of(secret));
        Check check = new AdminPasswordCheck();
        RuleContext ctx = RuleContext.forTest(object(Kinds.CLUSTER, F.textNode("graph"), F.objectNode()), null, r,
                check);
        check.check(ctx);
        for (Finding f : ctx.reported()) {
            assertThat(f.message()).contains("<redacted>");
            if (visible.length() >= 3) {
                assertThat(f.message() + f.hint()).doesNotContain(visible);
            }
        }
        boolean dash = visible.startsWith("-");
        assertThat(ctx.reported().stream().anyMatch(f -> f.rule().equals("auth.admin-password-dash")))
                .isEqualTo(dash);
    }

    @Property(tries = 100)
    void theEngineRunsTheChecksWithoutInternalErrors(@ForAll("kinds") String kind, @ForAll("specs") JsonNode spec) {
        Engine engine = new Engine(CHECKS, Policy.defaults());
        List<Finding> fs = engine.validate(object(kind, F.textNode("graph"), spec), null, Resolver.NONE);
        assertThat(fs).noneMatch(f -> f.rule().equals(Engine.CHECK_FAILED.id()));
    }

    @Property(tries = 1)
    void ruleIdsAreUniqueAndDocumented() {
        Map<String, Long> counts = CHECKS.stream().flatMap(c -> c.rules().stream())
                .collect(Collectors.groupingBy(RuleMeta::id, Collectors.counting()));
        assertThat(counts.values()).allMatch(n -> n == 1);
        CHECKS.stream().flatMap(c -> c.rules().stream()).forEach(m -> {
            assertThat(m.rationale().length()).as(m.id()).isGreaterThan(80);
            assertThat(m.remediation()).as(m.id()).isNotBlank();
            assertThat(m.example()).as(m.id()).isNotBlank();
            assertThat(m.kinds()).as(m.id()).isNotEmpty().isSubsetOf(Kinds.CLUSTER, Kinds.STANDALONE);
        });
    }
}
