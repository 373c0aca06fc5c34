package io.neo4jguard.core.rules.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.testkit.Manifests;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON trees, built from the field names these checks read (so the walk goes deep) and values of every
 * type (unicode text, huge and fractional numbers, nulls, wrong shapes), against random resolvers that answer
 * with equally random objects: no check may throw, and every finding names a rule the check declares.
 */
class BackupChecksNeverThrowProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final List<Check> CHECKS = List.of(new BackupTargetCheck(), new BackupStorageCheck(),
            new BackupScheduleCheck(), new BackupRetentionCheck(), new BackupOptionsCheck(), new BackupChainCheck(),
            new RestoreTargetCheck(), new RestoreSourceCheck(), new RestoreOptionsCheck(), new RestoreHooksCheck());

    private static final String[] KEYS = {"spec", "metadata", "name", "namespace", "instanceRef", "database",
            "allDatabases", "shardedDatabase", "schedule", "storage", "type", "bucket", "path", "pvc", "size",
            "cloud", "provider", "credentialsSecretRef", "identity", "serviceAccount", "autoCreate", "enabled",
            "endpointURL", "forcePathStyle", "retention", "maxAge", "maxCount", "deletePolicy", "options",
            "backupType", "pageCache", "includeMetadata", "tempPath", "tempStorage", "additionalArgs",
            "preferDiffAsParent", "remoteAddressResolution", "parallelDownload", "skipRecovery", "keepFailed",
            "compress", "chainFromBackup", "mode", "target", "source", "backupRef", "backupPath", "pointInTime",
            "pitr", "baseBackup", "logStorage", "sourceDatabase", "timeout", "stopCluster", "force",
            "replaceExisting", "preRestore", "postRestore", "cypherStatements", "job", "template", "container",
            "image", "env", "value", "valueFrom", "backoffLimit", "config", "initial.dbms.default_database", "tag",
            "data", "stringData", "AWS_REGION", "clusterRef", "resources", "x"};

    private static final String[] TEXTS = {"", " ", "s3", "gcs", "azure", "pvc", "aws", "gcp", "FULL", "DIFF",
            "0 0 30 2 *", "@every 1s", "TZ=UTC * * * * *", "30d", "0d", "-1", "system", "neo4j", "pitr", "backup",
            "storage", "replication-source", "2025-01-04T12:30:00Z", "2025-02-30T00:00:00Z", "http://m:9000",
            "http://", "::", "--to-path=/x", "orders", "a;b", "$(x)", "\u0000", "\uD83D\uDE00", "\u00e9t\u00e9",
            "5.26.0", "2025.12.1-enterprise", "latest", "10m", "1d", "50Gi", "50G", "9".repeat(40), "/tmp/x",
            "x".repeat(300), "\n", "Delete", "all", "*/0 * * * *"};

    @Property(tries = 400)
    void checksNeverThrowOnRandomTrees(@ForAll long seed) {
        Random random = new Random(seed);
        for (String kind : List.of(Kinds.BACKUP, Kinds.RESTORE)) {
            ObjectNode root = F.objectNode();
            root.put("apiVersion", Kinds.API_VERSION);
            root.put("kind", kind);
            if (random.nextInt(5) > 0) {
                root.set("metadata", random.nextBoolean() ? F.objectNode().put("name", text(random))
                        : value(random, 2));
            }
            root.set("spec", random.nextInt(8) == 0 ? value(random, 0) : object(random, 5));
            Resource object = Resource.of(root);
            Resolver resolver = randomResolver(random);
            for (Check check : CHECKS) {
                RuleContext ctx = RuleContext.forTest(object, null, resolver, check);
                check.check(ctx);
                for (Finding f : ctx.reported()) {
                    assertThat(f.message()).isNotBlank();
                    assertThat(check.rules()).anyMatch(r -> r.id().equals(f.rule()));
                }
            }
        }
    }

    private static final String RICH_BACKUP = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jBackup
            metadata: {name: nightly, namespace: prod}
            spec:
              instanceRef: graph
              database: orders
              mode: replication-source
              chainFromBackup: weekly
              schedule: "0 2 * * *"
              storage:
                type: s3
                bucket: b
                path: p
                pvc: {name: p, size: 1Gi}
                cloud:
                  provider: aws
                  credentialsSecretRef: creds
                  endpointURL: http://minio:9000
                  forcePathStyle: true
                  identity: {provider: aws, serviceAccount: sa, autoCreate: {enabled: false}}
              cloud: {provider: aws}
              retention: {maxAge: 30d, maxCount: 3, deletePolicy: Delete}
              options:
                backupType: DIFF
                pageCache: 2G
                includeMetadata: all
                tempPath: /tmp/x
                tempStorage: {size: 10Gi}
                additionalArgs: [--verbose, --type=FULL, x]
                preferDiffAsParent: true
                remoteAddressResolution: true
                parallelDownload: true
                skipRecovery: true
                keepFailed: true
                compress: false
            """;

    private static final String RICH_RESTORE = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jRestore
            metadata: {name: r}
            spec:
              instanceRef: solo
              database: neo4j
              allDatabases: true
              force: true
              stopCluster: true
              timeout: 1h
              source:
                type: pitr
                backupRef: nightly
                backupPath: run
                sourceDatabase: orders
                pointInTime: "2025-01-04T12:30:00Z"
                storage: {type: pvc, pvc: {name: p}}
                pitr:
                  baseBackup: {type: storage, backupRef: b, backupPath: x, storage: {type: gcs, bucket: b, cloud: {provider: gcp}}}
                  logStorage: {type: azure, bucket: l, cloud: {provider: azure, credentialsSecretRef: az}}
              options:
                replaceExisting: false
                tempPath: /tmp/r
                tempStorage: {size: 1Gi}
                additionalArgs: [--from-path=x]
                preRestore:
                  cypherStatements: ["CALL db.checkpoint()", "a; b"]
                  job: {template: {container: {image: a, env: [{name: A, value: x, valueFrom: {}}]}, backoffLimit: 1}, timeout: 5m}
                postRestore: {cypherStatements: [""]}
            """;

    /** Valid-looking objects with random values swapped in at random places: reaches the deep branches. */
    @Property(tries = 400)
    void checksNeverThrowOnMutatedObjects(@ForAll long seed) {
        Random random = new Random(seed);
        for (String yaml : List.of(RICH_BACKUP, RICH_RESTORE)) {
            ObjectNode root = Manifests.one(yaml).tree().deepCopy();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                mutate(root, random);
            }
            Resource object = Resource.of(root);
            Resolver resolver = randomResolver(random);
            for (Check check : CHECKS) {
                RuleContext ctx = RuleContext.forTest(object, null, resolver, check);
                check.check(ctx);
                assertThat(ctx.reported()).allMatch(f -> check.rules().stream().anyMatch(r -> r.id().equals(f.rule())));
            }
        }
    }

    /** Replaces one random descendant (object field or array item) with a random value. */
    private static void mutate(JsonNode node, Random random) {
        JsonNode current = node;
        while (true) {
            List<String> keys = new ArrayList<>();
            current.fieldNames().forEachRemaining(keys::add);
            int size = current.isObject() ? keys.size() : current.isArray() ? current.size() : 0;
            if (size == 0) {
                return;
            }
            int pick = random.nextInt(size);
            JsonNode child = current.isObject() ? current.get(keys.get(pick)) : current.get(pick);
            if (child.isContainerNode() && child.size() > 0 && random.nextInt(3) > 0) {
                current = child;
                continue;
            }
            JsonNode replacement = value(random, 2);
            if (current.isObject()) {
                ((ObjectNode) current).set(keys.get(pick), replacement);
            } else {
                ((ArrayNode) current).set(pick, replacement);
            }
            return;
        }
    }

    private static Resolver randomResolver(Random seedSource) {
        long seed = seedSource.nextLong();
        boolean authoritative = seedSource.nextBoolean();
        return new Resolver() {
            private final Random random = new Random(seed);

            @Override
            public Resolution resolve(String kind, String namespace, String name) {
                return switch (random.nextInt(3)) {
                    case 0 -> Resolution.notFound();
                    case 1 -> Resolution.unknown("timeout");
                    default -> Resolution.found(randomObject(random, kind));
                };
            }

            @Override
            public List<Resource> list(String kind, String namespace) {
                List<Resource> out = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.add(randomObject(random, kind));
                }
                return out;
            }

            @Override
            public boolean authoritative() {
                return authoritative;
            }
        };
    }

    private static Resource randomObject(Random random, String kind) {
        ObjectNode root = object(random, 4);
        root.put("kind", random.nextBoolean() ? kind
                : List.of(Kinds.CLUSTER, Kinds.STANDALONE, Kinds.BACKUP, "Secret").get(random.nextInt(4)));
        if (random.nextBoolean()) {
            root.set("metadata", F.objectNode().put("name", text(random)));
        }
        return Resource.of(root);
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode o = F.objectNode();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String key = random.nextInt(10) == 0 ? text(random) : KEYS[random.nextInt(KEYS.length)];
            o.set(key, depth <= 0 ? value(random, 0) : random.nextInt(3) == 0 ? value(random, depth - 1)
                    : object(random, depth - 1));
        }
        return o;
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(9)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(random.nextBoolean());
            case 2:
                return F.numberNode(random.nextInt(200) - 100);
            case 3:
                return F.numberNode(new BigInteger(130, random).negate());
            case 4:
                return F.numberNode(new BigDecimal(random.nextDouble() * 1e6));
            case 5:
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(depth > 0 ? (random.nextBoolean() ? object(random, depth - 1) : value(random, depth - 1))
                            : F.textNode(text(random)));
                }
                return a;
            default:
                return F.textNode(text(random));
        }
    }

    private static String text(Random random) {
        if (random.nextInt(4) == 0) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x10FFFF) & ~0xD800 : 32 + random.nextInt(95));
            }
            return b.toString();
        }
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
