package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Defaulting's contract (issue 4) over generated clusters and standalones: idempotent,
 * add-only, applies with an independent RFC 6902 implementation, never the cause of a validation error,
 * and never throws.
 */
class DefaultsProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Validator VALIDATOR = Validator.standard();
    private static final Defaults DEFAULTS = Defaults.standard();
    private static final Defaults REQUIRED = Defaults.standard(new DefaultsOptions(true));

    // ---- generators -------------------------------------------------------------------------

    /** Memory quantities a user writes: binary, decimal, plain bytes, fractions; 100Mi to 3Ti. */
    private static Arbitrary<String> quantities() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(100, 3 * 1024 * 1024).map(mi -> mi + "Mi"),
                Arbitraries.longs().between(1, 3 * 1024).map(gi -> gi + "Gi"),
                Arbitraries.longs().between(1, 3000).map(g -> g + "G"),
                Arbitraries.longs().between(200, 3_000_000).map(m -> m + "M"),
                Arbitraries.longs().between(200_000_000L, 3_000_000_000_000L).map(String::valueOf),
                Arbitraries.of("1.5Gi", "2.5G", "1e9", "8E9", "1Ti", "2Ti", "0.5Ti"));
    }

    private static Arbitrary<String> sizes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(8, 40_000).map(m -> m + "m"),
                Arbitraries.longs().between(1, 40).map(g -> g + "g"),
                Arbitraries.of("1GB", "512MiB", "1.5g", "4 g", "1,024m", "4Gi", "lots", "0"));
    }

    /** Config keys other than memory: plain, legacy, with '/' and '~' (JSON Pointer escapes), odd. */
    private static Arbitrary<String> otherKeys() {
        return Arbitraries.of("db.logs.query.enabled", "dbms.security.auth_minimum_password_length", "a/b", "~",
                "x~1y", "a/b~c/~0", "server.bolt.thread_pool_max_size", "dbms.default_listen_address", " spaced ",
                "server.backup.listen_address", "dbms.backup.listen_address", "ü/~");
    }

    private static Arbitrary<ObjectNode> otherConfig() {
        return Arbitraries.maps(otherKeys(), Arbitraries.of("INFO", "12", "0.0.0.0:6362", "", "x/y~z"))
                .ofMaxSize(4).map(m -> {
                    ObjectNode o = F.objectNode();
                    m.forEach(o::put);
                    return o;
                });
    }

    /** What the user may set for memory: nothing, or pools in every place Neo4j reads them. */
    private static Arbitrary<List<Tuple.Tuple3<String, String, String>>> userPools() {
        Arbitrary<String> where = Arbitraries.of("config:server.memory.heap.max_size",
                "config:dbms.memory.heap.max_size", "config:server.memory.heap.initial_size",
                "config:server.memory.pagecache.size", "config:dbms.memory.pagecache.size",
                "env:NEO4J_server_memory_heap_max__size", "env:NEO4J_server_memory_pagecache_size", "env:HEAP_SIZE",
                "env:JAVA_OPTS", "config:server.jvm.additional", "config:db.tx_state.memory_allocation");
        return Combinators.combine(where, sizes(), Arbitraries.of("", "-XX:+UseG1GC "))
                .as((w, size, prefix) -> Tuple.of(w, size, prefix)).list().ofMaxSize(3);
    }

    private static Arbitrary<ObjectNode> placements() {
        return Arbitraries.of("none", "none", "none", "affinity", "spread", "placement", "enforce")
                .map(p -> F.objectNode().put("placement", p));
    }

    @Provide
    Arbitrary<ObjectNode> servers() {
        return servers(userPools(), true);
    }

    /** Servers with a valid memory limit and no memory setting at all: the pools are ours to size. */
    @Provide
    Arbitrary<ObjectNode> serversWithOnlyALimit() {
        return servers(Arbitraries.just(List.of()), false);
    }

    private static Arbitrary<ObjectNode> servers(Arbitrary<List<Tuple.Tuple3<String, String, String>>> pools,
                                                 boolean anyResources) {
        Arbitrary<String> kind = Arbitraries.of("Neo4jEnterpriseCluster", "Neo4jEnterpriseStandalone");
        Arbitrary<String> tag = Arbitraries.of("5.26.0-enterprise", "2025.10.1-enterprise", "2026.04-enterprise", "");
        Arbitrary<Integer> serverCount = Arbitraries.integers().between(1, 7);
        Arbitrary<String> resources = anyResources
                ? Arbitraries.of("none", "limit", "limit", "request", "both", "invalid", "null")
                : Arbitraries.of("limit", "both");
        return Combinators.combine(kind, tag, serverCount, resources, quantities(), pools, otherConfig(),
                placements()).as((k, t, n, res, q, userPools, config, placement) -> {
                    ObjectNode o = F.objectNode();
                    o.put("apiVersion", "neo4j.neo4j.com/v1beta1");
                    o.put("kind", k);
                    o.putObject("metadata").put("name", "graph").put("namespace", "db");
                    ObjectNode spec = o.putObject("spec");
                    spec.put("acceptLicenseAgreement", "yes");
                    if (!t.isEmpty()) {
                        spec.putObject("image").put("repo", "neo4j").put("tag", t);
                    }
                    spec.putObject("storage").put("size", "10Gi");
                    spec.putObject("tls").put("mode", "disabled");
                    spec.putObject("auth").put("adminSecret", "neo4j-admin-secret");
                    if (k.equals("Neo4jEnterpriseCluster")) {
                        ObjectNode topology = spec.putObject("topology").put("servers", n);
                        switch (placement.get("placement").asText()) {
                            case "affinity" -> spec.putObject("affinity").putObject("podAntiAffinity");
                            case "spread" -> spec.putArray("topologySpreadConstraints");
                            case "placement" -> topology.putObject("placement").putObject("antiAffinity")
                                    .put("enabled", false);
                            case "enforce" -> topology.put("enforceDistribution", true).putArray("availabilityZones")
                                    .add("a").add("b").add("c").add("d").add("e").add("f").add("g");
                            default -> {
                            }
                        }
                    }
                    switch (res) {
                        case "limit" -> spec.putObject("resources").putObject("limits").put("memory", q);
                        case "request" -> spec.putObject("resources").putObject("requests").put("memory", q);
                        case "both" -> {
                            ObjectNode r = spec.putObject("resources");
                            r.putObject("limits").put("memory", q);
                            r.putObject("requests").put("memory", q);
                        }
                        case "invalid" -> spec.putObject("resources").putObject("limits").put("memory", "8gb");
                        case "null" -> spec.putNull("resources");
                        default -> {
                        }
                    }
                    if (!config.isEmpty() || userPools.stream().anyMatch(p -> p.get1().startsWith("config:"))) {
                        spec.set("config", config);
                    }
                    for (Tuple.Tuple3<String, String, String> p : userPools) {
                        String name = p.get1().substring(p.get1().indexOf(':') + 1);
                        String value = switch (name) {
                            case "JAVA_OPTS", "server.jvm.additional" -> p.get3() + "-Xmx" + p.get2().replace(" ", "");
                            case "db.tx_state.memory_allocation" -> "OFF_HEAP";
                            default -> p.get2();
                        };
                        if (p.get1().startsWith("config:")) {
                            config.put(name, value);
                        } else {
                            ArrayNode env = spec.has("env") ? (ArrayNode) spec.get("env") : spec.putArray("env");
                            env.addObject().put("name", name).put("value", value);
                        }
                    }
                    return o;
                });
    }

    /** Anything at all in the places defaulting reads: wrong types, nulls, hostile strings. */
    @Provide
    Arbitrary<ObjectNode> anything() {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(F::textNode),
                Arbitraries.of("8Gi", "4g", "-1", "1e999", "", "~", "/", "OFF_HEAP", "-Xmx4Gi", "2Ti", "0")
                        .map(F::textNode),
                Arbitraries.longs().map(F::numberNode), Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()), Arbitraries.create(F::arrayNode), Arbitraries.create(F::objectNode));
        Arbitrary<String> path = Arbitraries.of("spec", "spec.config", "spec.resources", "spec.resources.limits",
                "spec.resources.limits.memory", "spec.resources.requests.memory", "spec.topology",
                "spec.topology.servers", "spec.topology.placement", "spec.env", "spec.image", "spec.image.tag",
                "spec.config.server.memory.heap.max_size", "spec.affinity", "metadata", "metadata.annotations",
                "spec.config.a~1b", "spec.topology.enforceDistribution");
        return Combinators.combine(servers(), Arbitraries.maps(path, leaf).ofMaxSize(4)).as((o, overrides) -> {
            for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
                String[] parts = e.getKey().split("\\.(?=[a-z])", -1);
                ObjectNode at = o;
                for (int i = 0; i < parts.length - 1 && at != null; i++) {
                    JsonNode next = at.get(parts[i]);
                    at = next instanceof ObjectNode n ? n : at.putObject(parts[i]);
                }
                at.set(parts[parts.length - 1], e.getValue());
            }
            return o;
        });
    }

    // ---- properties ---------------------------------------------------------------------------

    @Property(tries = 400)
    void mutatingTwiceIsMutatingOnce(@ForAll("servers") ObjectNode x) {
        for (Defaults d : List.of(DEFAULTS, REQUIRED)) {
            ObjectNode once = d.apply(Resource.of(x));
            assertThat(d.patch(Resource.of(once))).isEmpty();
            assertThat(d.apply(Resource.of(once))).isEqualTo(once);
        }
    }

    @Property(tries = 400)
    void thePatchAppliesWithAStandardJsonPatchImplementationAndGivesApply(@ForAll("servers") ObjectNode x) {
        List<PatchOperation> patch = DEFAULTS.patch(Resource.of(x));
        JsonNode applied = JsonPatch.apply(json(patch), x.deepCopy());
        assertThat(applied).isEqualTo(DEFAULTS.apply(Resource.of(x)));
        assertThat(patch).allSatisfy(op -> assertThat(op.op()).isIn("add", "replace"));
    }

    @Property(tries = 400)
    void everyValuePresentInTheInputIsUnchanged(@ForAll("servers") ObjectNode x) {
        ObjectNode mutated = REQUIRED.apply(Resource.of(x));
        assertKept(x, mutated, "");
    }

    /**
     * Defaulting is never the cause of a validation error: whatever the input, every error of the mutated
     * object is one the input already had (same rule, same field).
     */
    @Property(tries = 250)
    void mutationNeverAddsAValidationError(@ForAll("servers") ObjectNode x) {
        Set<String> before = errors(x);
        Set<String> after = errors(DEFAULTS.apply(Resource.of(x)));
        assertThat(after).isSubsetOf(before);
    }

    /**
     * With a memory limit and nothing else about memory, the mutated object has no memory finding other than
     * the small-container warning (which only the limit decides), and no placement finding at all.
     */
    @Property(tries = 250)
    void withOnlyALimitTheMutatedObjectHasNoMemoryOrPlacementFindings(
            @ForAll("serversWithOnlyALimit") ObjectNode x) {
        ObjectNode mutated = REQUIRED.apply(Resource.of(x));
        List<Finding> findings = VALIDATOR.validate(Resource.of(mutated), null, null);
        assertThat(findings).noneMatch(f -> f.rule().startsWith("memory.")
                && !f.rule().equals("memory.limit-below-minimum"));
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR && (f.field().contains("placement")
                || f.field().contains("affinity") || f.rule().startsWith("topology.distribution")));
        assertThat(findings).noneMatch(f -> f.field().startsWith("spec.topology.placement"));
    }

    @Property(tries = 1000)
    void patchNeverThrows(@ForAll("anything") ObjectNode x) {
        assertThatCode(() -> {
            List<PatchOperation> patch = DEFAULTS.patch(Resource.of(x));
            JsonPatch.apply(json(patch), x.deepCopy());
        }).doesNotThrowAnyException();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Set<String> errors(ObjectNode tree) {
        return VALIDATOR.validate(Resource.of(tree), null, null).stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.rule() + " " + f.field())
                .collect(Collectors.toSet());
    }

    /** Every non-null value of {@code before} is in {@code after} at the same place, unchanged. */
    private static void assertKept(JsonNode before, JsonNode after, String at) {
        if (before.isNull()) {
            return; // null is "not set": defaulting may fill it (a replace of the null)
        }
        if (before.isObject()) {
            assertThat(after.isObject()).as(at).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(after.has(e.getKey())).as(at + "/" + e.getKey()).isTrue();
                assertKept(e.getValue(), after.get(e.getKey()), at + "/" + e.getKey());
            }
            return;
        }
        assertThat(after).as(at).isEqualTo(before);
    }

    private static ArrayNode json(List<PatchOperation> patch) {
        ArrayNode a = F.arrayNode();
        for (PatchOperation op : patch) {
            ObjectNode o = a.addObject().put("op", op.op()).put("path", op.path());
            if (op.value() != null) {
                o.set("value", op.value());
            }
        }
        return a;
    }
}
