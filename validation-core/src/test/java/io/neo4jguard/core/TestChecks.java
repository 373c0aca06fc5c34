package io.neo4jguard.core;

import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Small checks for testing the facade, CLI, policy and reports while the real catalog is merged
 * elsewhere. Their rule IDs use real concerns ({@code topology}, {@code memory}, {@code refs}) so
 * group selectors are exercised the way users write them.
 */
public final class TestChecks {
    public static final RuleMeta MIN_SERVERS = rule("topology.test-min-servers", Severity.ERROR,
            Set.of(Kinds.CLUSTER), "A cluster needs at least 2 servers");
    public static final RuleMeta SCALE_DOWN = rule("topology.test-scale-down", Severity.ERROR,
            Set.of(Kinds.CLUSTER), "Servers must not be halved in one update");
    public static final RuleMeta HEAP_SYNTAX = rule("memory.test-heap-syntax", Severity.ERROR,
            Kinds.SERVERS, "Neo4j sizes use g/m, not Gi/Mi");
    public static final RuleMeta NO_LIMIT = rule("memory.test-no-limit", Severity.WARNING,
            Kinds.SERVERS, "No memory limit set");

    private TestChecks() {
    }

    static RuleMeta rule(String id, Severity severity, Set<String> kinds, String title) {
        return new RuleMeta(id, title, severity, kinds,
                "Test rationale for " + id + ": why it matters, in one paragraph.",
                "Test remediation for " + id + ".",
                "spec:\n  example: " + id + "\n");
    }

    /** topology.test-min-servers (servers < 2) and topology.test-scale-down (UPDATE halving servers). */
    public static final class Topology implements Check {
        @Override
        public List<RuleMeta> rules() {
            return List.of(MIN_SERVERS, SCALE_DOWN);
        }

        @Override
        public void check(RuleContext ctx) {
            Node servers = ctx.spec().get("topology", "servers");
            servers.integer().ifPresent(n -> {
                if (n < 2) {
                    ctx.report(MIN_SERVERS, servers.path(), Messages.invalid(servers.json(),
                            "a cluster needs at least 2 servers"), "use Neo4jEnterpriseStandalone for one server");
                }
                ctx.oldSpec().flatMap(o -> {
                    var v = o.get("topology", "servers").integer();
                    return v.isPresent() ? java.util.Optional.of(v.getAsLong()) : java.util.Optional.empty();
                }).ifPresent(before -> {
                    if (n * 2 <= before) {
                        ctx.report(SCALE_DOWN, servers.path(), Messages.invalid(servers.json(),
                                "was " + before + "; halving the servers in one step loses quorum"));
                    }
                });
            });
        }
    }

    /** memory.test-heap-syntax (a "Gi" heap, with a fix) and memory.test-no-limit (no memory limit). */
    public static final class Memory implements Check {
        @Override
        public List<RuleMeta> rules() {
            return List.of(HEAP_SYNTAX, NO_LIMIT);
        }

        @Override
        public void check(RuleContext ctx) {
            Node heap = ctx.spec().get("config").get("server.memory.heap.max_size");
            heap.text().filter(t -> t.endsWith("Gi")).ifPresent(t -> ctx.report(HEAP_SYNTAX, heap.path(),
                    Messages.invalid(t, "Neo4j does not read Kubernetes quantities"), "write "
                            + t.replace("Gi", "g"),
                    List.of(PatchOperation.replace("/spec/config/server.memory.heap.max_size",
                            TextNode.valueOf(t.replace("Gi", "g"))))));
            if (!ctx.spec().get("resources", "limits", "memory").present()) {
                ctx.report(NO_LIMIT, FieldPathOf.RESOURCES, Messages.required("a memory limit"));
            }
        }
    }

    /** Resolves spec.clusterRef of a Neo4jDatabase with References.server. */
    public static final class Refs implements Check {
        @Override
        public List<RuleMeta> rules() {
            return References.RULES;
        }

        @Override
        public void check(RuleContext ctx) {
            if (ctx.kind().equals(Kinds.DATABASE)) {
                References.server(ctx, ctx.spec().get("clusterRef"));
            }
        }
    }

    /** Throws on every object: the engine must report engine.check-failed, never crash. */
    public static final class Broken implements Check {
        @Override
        public List<RuleMeta> rules() {
            return List.of(rule("broken.always", Severity.WARNING, Set.of(Kinds.PLUGIN), "never reported"));
        }

        @Override
        public void check(RuleContext ctx) {
            throw new IllegalStateException("boom");
        }
    }

    private static final class FieldPathOf {
        static final String RESOURCES = "spec.resources";
    }

    /** Topology, memory and refs. */
    public static List<Check> all() {
        return List.of(new Topology(), new Memory(), new Refs());
    }

    /** Every rule of {@link #all()} plus the engine's own: what a policy in tests is checked against. */
    public static List<RuleMeta> allRules() {
        return Validator.of(all(), io.neo4jguard.core.policy.Policy.defaults()).rules();
    }

    public static List<Resource> concat(List<Resource> a, List<Resource> b) {
        List<Resource> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** A cluster in YAML; servers and namespace vary, the rest is realistic. */
    public static String cluster(String name, String namespace, int servers) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: %s
                %s
                spec:
                  image: {repo: neo4j, tag: "5.26.0-enterprise"}
                  topology:
                    servers: %d
                  resources:
                    limits: {memory: 8Gi}
                """.formatted(name, namespace == null ? "" : "  namespace: " + namespace, servers);
    }

    public static String database(String name, String namespace, String clusterRef) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jDatabase
                metadata:
                  name: %s
                %s
                spec:
                  clusterRef: %s
                  name: %s
                """.formatted(name, namespace == null ? "" : "  namespace: " + namespace, clusterRef, name);
    }
}
