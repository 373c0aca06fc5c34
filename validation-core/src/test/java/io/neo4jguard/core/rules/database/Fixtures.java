package io.neo4jguard.core.rules.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Manifests;
import io.neo4jguard.core.testkit.Resolvers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test support for the database, plugin and access checks: their targets and Secrets in namespace default, and
 * random specs for the never-throw properties. Parsing, running a check and resolvers come from the test kit.
 */
public final class Fixtures {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Fixtures() {
    }

    /** An object of {@code kind} named {@code name} in namespace default with the given spec YAML (indented 2). */
    public static Resource object(String kind, String name, String specYaml) {
        return Manifests.object(kind, name, "default", specYaml);
    }

    /** A cluster {@code graph} with the given server count and image tag. */
    public static Resource cluster(String name, int servers, String tag) {
        return object(Kinds.CLUSTER, name, "image:\n  repo: neo4j\n  tag: \"" + tag + "\"\ntopology:\n  servers: "
                + servers);
    }

    public static Resource standalone(String name, String tag) {
        return object(Kinds.STANDALONE, name, "image:\n  repo: neo4j\n  tag: \"" + tag + "\"");
    }

    /** A Secret in namespace default with string data (plain values, as a manifest would write them). */
    public static Resource secret(String name, Map<String, String> stringData) {
        return Manifests.secret(name, "default", stringData);
    }

    // ---- random input for the never-throw properties ----

    private static final List<String> KEYS = List.of("clusterRef", "name", "version", "topology", "primaries",
            "secondaries", "servers", "serverModeConstraint", "defaultCypherLanguage", "seedURI", "seedConfig",
            "restoreUntil", "config", "seedCredentials", "secretRef", "options", "txLogEnrichment", "storeFormat",
            "existingData", "initialData", "source", "type", "url", "checksum", "installMode", "dependencies",
            "versionConstraint", "security", "securityPolicy", "allowedProcedures", "deniedProcedures", "resources",
            "memoryLimit", "cpuLimit", "threadPoolSize", "registry", "username", "passwordSecretRef", "key",
            "externalAuth", "provider", "id", "roles", "homeDatabase", "accountStatus", "deletionPolicy",
            "privileges", "copyOf", "adoptBuiltin", "image", "tag", "stringData", "data", "password",
            "AWS_ACCESS_KEY_ID", "creationTimestamp", "x.y", "a b", "");

    private static Arbitrary<JsonNode> scalars() {
        Arbitrary<JsonNode> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(F::textNode),
                Arbitraries.of("", " ", "graph", "a", "s", "5", "25", "system", "neo4j", "s3://", "s3://b/", "https://h/x.jar",
                        "http://u:p@h/x.dump", "txId:", "txId:99999999999999999999", "2025-02-30T10:00:00Z",
                        "GRANT ROLE admin TO x", "GRANT ACCESS ON DATABASE * TO `r`", "'", "`", "/*", "sha256:",
                        ">=banana", "1e999999999", "-1Gi", "512m", "2025.06.0", "5.26.0-enterprise", "a;b",
                        "PUBLIC", "\u017fhow", "\ud83d\ude00", "a\nb", "TO", "{", "}").map(F::textNode));
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.integers().between(-3, 30).map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(new BigInteger("123456789012345678901234567890")).map(F::numberNode));
        Arbitrary<JsonNode> other = Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(3, numbers), net.jqwik.api.Tuple.of(1, other));
    }

    /** Random JSON trees whose keys are mostly the field names the checks read. */
    public static Arbitrary<JsonNode> json(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<JsonNode> object = Combinators.combine(
                        Arbitraries.of(KEYS).list().ofMaxSize(6),
                        child.list().ofMaxSize(6))
                .as((keys, values) -> {
                    ObjectNode o = F.objectNode();
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        o.set(keys.get(i), values.get(i));
                    }
                    return (JsonNode) o;
                });
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return (JsonNode) a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(5, object),
                net.jqwik.api.Tuple.of(2, array));
    }

    /** An object of {@code kind} with a random spec and random metadata name. */
    public static Arbitrary<Resource> randomObject(String kind) {
        return Combinators.combine(json(4), Arbitraries.of("a", "graph", "system", "x-y", "", "A_b"))
                .as((spec, name) -> {
                    ObjectNode tree = F.objectNode();
                    tree.put("apiVersion", Kinds.API_VERSION);
                    tree.put("kind", kind);
                    tree.putObject("metadata").put("name", name).put("namespace", "default");
                    tree.set("spec", spec);
                    return Resource.of(tree);
                });
    }

    /**
     * A resolver whose cluster, standalone, Secret and listed objects are random too, so cross-object code paths run
     * on garbage as well.
     */
    public static Arbitrary<Resolver> randomResolver() {
        Arbitrary<Resource> target = Combinators.combine(Arbitraries.of(Kinds.CLUSTER, Kinds.STANDALONE, "Secret",
                        Kinds.USER, Kinds.PLUGIN, Kinds.DATABASE), json(3), Arbitraries.of("graph", "a", "s", "x"))
                .as((kind, spec, name) -> {
                    ObjectNode tree = F.objectNode();
                    tree.put("kind", kind);
                    tree.put("apiVersion", kind.equals("Secret") ? "v1" : Kinds.API_VERSION);
                    tree.putObject("metadata").put("name", name).put("namespace", "default");
                    tree.set("spec", spec);
                    tree.set("data", spec);
                    tree.set("stringData", spec);
                    return Resource.of(tree);
                });
        return Combinators.combine(target.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as((objects, auth) -> Resolvers.of(auth, objects));
    }

    // ---- plausible objects with random values, so the deep paths of each check run on garbage too ----

    /** Full-featured objects of each kind: every field the checks read, all resolving to each other. */
    private static final Map<String, String> TEMPLATES = Map.of(
            Kinds.DATABASE, """
                    clusterRef: graph
                    name: sales
                    topology: {primaries: 3, secondaries: 1}
                    defaultCypherLanguage: "25"
                    seedURI: s3://bucket/sales.backup
                    seedConfig: {restoreUntil: "txId:5", config: {region: eu-west-1}}
                    seedCredentials: {secretRef: creds}
                    options: {txLogEnrichment: DIFF, storeFormat: block, existingData: use}
                    initialData: {source: cypher}
                    """,
            Kinds.PLUGIN, """
                    clusterRef: graph
                    name: apoc
                    version: "5.26.0"
                    installMode: VerifiedDownload
                    source: {type: url, url: "https://h/x.jar", checksum: "sha256:abc", registry: {url: x}}
                    dependencies: [{name: n10s, versionConstraint: ">=5.26.0"}]
                    security: {securityPolicy: strict, allowedProcedures: ["apoc.*"], deniedProcedures: ["apoc.*"]}
                    resources: {memoryLimit: 1Gi, cpuLimit: 500m, threadPoolSize: 4}
                    config: {apoc.export.file.enabled: "true"}
                    """,
            Kinds.USER, """
                    clusterRef: graph
                    username: alice
                    passwordSecretRef: {name: creds, key: password}
                    externalAuth: [{provider: oidc, id: a}]
                    homeDatabase: sales
                    roles: [reader, analytics-reader]
                    accountStatus: active
                    deletionPolicy: Delete
                    """,
            Kinds.ROLE, """
                    clusterRef: graph
                    name: analytics_reader
                    copyOf: reader
                    adoptBuiltin: false
                    privileges: ["GRANT ACCESS ON DATABASE * TO analytics_reader"]
                    deletionPolicy: Retain
                    """,
            Kinds.ROLE_BINDING, """
                    clusterRef: graph
                    username: alice
                    roles: [editor]
                    deletionPolicy: Revoke
                    """);

    private static final Map<String, String> TARGET_TEMPLATES = Map.of(
            Kinds.CLUSTER, "image: {tag: \"5.26.0-enterprise\"}\ntopology: {servers: 3, serverModeConstraint: NONE}",
            Kinds.STANDALONE, "image: {tag: \"2025.10.1\"}");

    /** The template of {@code kind} with each value replaced, half the time, by a random JSON tree. */
    public static Arbitrary<Resource> plausibleObject(String kind) {
        Resource template = object(kind, "graph", TEMPLATES.get(kind));
        return Combinators.combine(Arbitraries.randoms(), json(2).list().ofSize(64))
                .as((random, pool) -> {
                    ObjectNode tree = template.tree().deepCopy();
                    tree.set("spec", mutate(tree.get("spec"), random, pool, new int[] {0}));
                    return Resource.of(tree);
                });
    }

    /** A resolver holding a mutated cluster or standalone named graph, a Secret creds and mutated peers. */
    public static Arbitrary<Resolver> plausibleResolver() {
        return Combinators.combine(Arbitraries.randoms(), json(2).list().ofSize(64), Arbitraries.of(true, false),
                        Arbitraries.of(Kinds.CLUSTER, Kinds.STANDALONE))
                .as((random, pool, auth, kind) -> {
                    List<Resource> objects = new ArrayList<>();
                    ObjectNode server = object(kind, "graph", TARGET_TEMPLATES.get(kind)).tree().deepCopy();
                    server.set("spec", mutate(server.get("spec"), random, pool, new int[] {0}));
                    objects.add(Resource.of(server));
                    ObjectNode secret = secret("creds", Map.of("password", "pw", "AWS_ACCESS_KEY_ID", "a"))
                            .tree().deepCopy();
                    secret.set("stringData", mutate(secret.get("stringData"), random, pool, new int[] {0}));
                    if (random.nextBoolean()) {
                        secret.set("data", pool.get(random.nextInt(pool.size())));
                    }
                    objects.add(Resource.of(secret));
                    for (String peer : List.of(Kinds.DATABASE, Kinds.PLUGIN, Kinds.USER)) {
                        ObjectNode o = object(peer, "peer", TEMPLATES.get(peer)).tree().deepCopy();
                        o.set("spec", mutate(o.get("spec"), random, pool, new int[] {0}));
                        objects.add(Resource.of(o));
                    }
                    return Resolvers.of(auth, objects);
                });
    }

    private static JsonNode mutate(JsonNode node, java.util.Random random, List<JsonNode> pool, int[] next) {
        if (random.nextInt(4) == 0) {
            return pool.get(next[0]++ % pool.size());
        }
        if (node.isObject()) {
            ObjectNode copy = F.objectNode();
            node.fields().forEachRemaining(e -> {
                if (random.nextInt(8) != 0) {
                    copy.set(e.getKey(), mutate(e.getValue(), random, pool, next));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = F.arrayNode();
            node.forEach(item -> copy.add(mutate(item, random, pool, next)));
            if (random.nextBoolean()) {
                copy.add(pool.get(next[0]++ % pool.size()));
            }
            return copy;
        }
        return random.nextBoolean() ? node : pool.get(next[0]++ % pool.size());
    }
}
