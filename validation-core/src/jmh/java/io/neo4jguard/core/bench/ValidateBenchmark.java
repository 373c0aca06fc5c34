package io.neo4jguard.core.bench;

import io.neo4jguard.core.RunResolver;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.report.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Validator#validate} on a realistic production cluster (the webhook's hot path: one object per
 * admission request) and {@link Validator#check} on a 100-object run (the CLI's). Every shipped check
 * runs: the numbers grow as rules are added, which is what this benchmark is for.
 *
 * <p>Run: {@code ./mvnw -q -pl validation-core -Pjmh test-compile exec:exec@jmh} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidateBenchmark {
    /** A production-shaped cluster: image, topology, resources, storage, TLS, config, env, affinity, backups. */
    static final String CLUSTER = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata:
              name: graph
              namespace: prod
              labels: {app.kubernetes.io/name: neo4j, team: data}
              annotations: {owner: data-platform}
            spec:
              acceptLicenseAgreement: "yes"
              image: {repo: neo4j, tag: "5.26.12-enterprise", pullPolicy: IfNotPresent}
              topology:
                servers: 3
                serverModeConstraint: NONE
              resources:
                requests: {cpu: "2", memory: 16Gi}
                limits: {cpu: "4", memory: 16Gi}
              storage:
                className: gp3
                size: 200Gi
                retentionPolicy: Retain
              tls:
                mode: cert-manager
                issuerRef: {name: ca-cluster-issuer, kind: ClusterIssuer}
              auth:
                provider: native
                adminSecret: neo4j-admin
              config:
                server.memory.heap.initial_size: 5g
                server.memory.heap.max_size: 5g
                server.memory.pagecache.size: 7g
                db.transaction.timeout: 5m
                db.logs.query.enabled: INFO
                dbms.security.procedures.unrestricted: "gds.*,apoc.*"
              env:
                - {name: NEO4J_server_jvm_additional, value: "-XX:+ExitOnOutOfMemoryError"}
              extraVolumeMounts:
                - {name: plugins, mountPath: /plugins}
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector: {matchLabels: {neo4j.com/cluster: graph}}
              backups:
                defaultStorage: {type: pvc, pvc: {name: backups, size: 500Gi}}
              service:
                type: ClusterIP
                annotations: {prometheus.io/scrape: "true"}
            """;

    static final String CONTEXT = """
            apiVersion: v1
            kind: Secret
            metadata: {name: neo4j-admin, namespace: prod}
            type: Opaque
            ---
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jDatabase
            metadata: {name: sales, namespace: prod}
            spec:
              clusterRef: graph
              name: sales
              topology: {primaries: 3, secondaries: 0}
            ---
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jBackup
            metadata: {name: nightly, namespace: prod}
            spec:
              target: {kind: Cluster, name: graph}
              schedule: "0 2 * * *"
              storage: {type: pvc, pvc: {name: backups}}
            """;

    Validator validator;
    Resource cluster;
    Resource old;
    Resolver resolver;
    List<Resource> run;

    @Setup
    public void setup() throws Exception {
        validator = Validator.standard();
        ManifestParser parser = new ManifestParser();
        cluster = parser.parse("cluster.yaml", CLUSTER).get(0);
        old = parser.parse("old.yaml", CLUSTER.replace("servers: 3", "servers: 5")
                .replace("5.26.12-enterprise", "5.26.10-enterprise")).get(0);
        List<Resource> context = new ArrayList<>(parser.parse("context.yaml", CONTEXT));
        context.add(cluster);
        resolver = new RunResolver(context, true);
        run = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String ns = "team-" + i;
            run.addAll(parser.parse("run-" + i + ".yaml", CLUSTER.replace("namespace: prod", "namespace: " + ns)
                    + "---\n" + CONTEXT.replace("namespace: prod", "namespace: " + ns)));
        }
    }

    @Benchmark
    public List<Finding> validateCreate() {
        return validator.validate(cluster, null, resolver);
    }

    @Benchmark
    public List<Finding> validateUpdate() {
        return validator.validate(cluster, old, resolver);
    }

    /** 100 objects (25 × cluster, database, backup, Secret) as one CLI run, without reading or rendering. */
    @Benchmark
    public Report checkRunOf100() {
        return validator.check(run, List.of(), false);
    }
}
