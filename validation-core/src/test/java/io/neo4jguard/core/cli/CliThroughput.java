package io.neo4jguard.core.cli;

import io.neo4jguard.core.rules.Catalog;
import io.neo4jguard.core.testkit.RepositoryRoot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times the CLI over a generated tree of manifests (default 10,000 objects): wall time and objects per
 * second, in-process (JIT warm after the first run) and, with {@code --launcher}, through
 * {@code ./neo4j-guard} as CI runs it (JVM start included). Not a test: surefire does not run it.
 *
 * <pre>
 * ./mvnw -q -pl validation-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.neo4jguard.core.cli.CliThroughput -Dexec.args="--objects 10000 --launcher"
 * </pre>
 * Options: {@code --objects N} (a multiple of 10), {@code --runs R} (in-process repetitions, default 3),
 * {@code --format text|json|sarif|junit} (default json), {@code --dir DIR} (generate there and keep it),
 * {@code --generate-only}, {@code --launcher} (also time {@code ./neo4j-guard check}).
 */
public final class CliThroughput {
    /** Documents per file: a cluster, five databases, a backup, a plugin, a Secret and a ConfigMap. */
    static final int PER_FILE = 10;
    /** Files per directory, so the walk goes through a realistic nesting instead of one flat folder. */
    static final int FILES_PER_DIR = 100;

    private CliThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int objects = 10_000;
        int runs = 3;
        String format = "json";
        Path dir = null;
        boolean generateOnly = false;
        boolean launcher = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--objects" -> objects = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--format" -> format = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--generate-only" -> generateOnly = true;
                case "--launcher" -> launcher = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean keep = dir != null;
        Path root = keep ? dir : Files.createTempDirectory("neo4j-guard-throughput");
        try {
            int files = generate(root, objects);
            System.out.printf("generated %,d objects (%,d of the ten kinds) in %,d files under %s%n",
                    files * PER_FILE, files * (PER_FILE - 2), files, root);
            if (generateOnly) {
                keep = true;
                return;
            }
            for (int r = 1; r <= runs; r++) {
                long start = System.nanoTime();
                int code = new Main(Catalog.standard(), new ByteArrayInputStream(new byte[0]),
                        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        System.err, false, Path.of("")).run("check", "-o", format, root.toString());
                report("in-process run " + r + (r == 1 ? " (cold JIT)" : ""), System.nanoTime() - start,
                        files * PER_FILE, code);
            }
            if (launcher) {
                Path script = RepositoryRoot.get().resolve("neo4j-guard");
                // Once to build if needed, untimed; then timed as CI would run it.
                run(List.of(script.toString(), "rules"));
                long start = System.nanoTime();
                int code = run(List.of(script.toString(), "check", "-o", format, root.toString()));
                report("./neo4j-guard check (JVM start included)", System.nanoTime() - start, files * PER_FILE, code);
            }
        } finally {
            if (!keep) {
                delete(root);
            }
        }
    }

    private static void report(String what, long nanos, int objects, int code) {
        double seconds = nanos / 1e9;
        System.out.printf("%-45s %8.2f s  %,10.0f objects/s  exit %d%n", what, seconds, objects / seconds, code);
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return p.waitFor();
    }

    /** Writes {@code objects / 10} files of ten documents each; returns the number of files. */
    static int generate(Path root, int objects) throws IOException {
        int files = Math.max(1, objects / PER_FILE);
        for (int f = 0; f < files; f++) {
            Path dir = root.resolve(String.format("team-%03d", f / FILES_PER_DIR));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(String.format("app-%05d.yaml", f)), file(f));
        }
        return files;
    }

    static String file(int i) {
        String ns = "ns-" + i;
        List<String> docs = new ArrayList<>();
        docs.add("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: %s, labels: {team: t%d}}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "5.26.12-enterprise"}
                  topology: {servers: %d}
                  resources:
                    requests: {cpu: "2", memory: 8Gi}
                    limits: {cpu: "2", memory: 8Gi}
                  storage: {size: 50Gi}
                  auth: {adminSecret: neo4j-admin}
                  config:
                    server.memory.heap.max_size: 3g
                    server.memory.pagecache.size: 3g
                """.formatted(ns, i % 7, 3 + 2 * (i % 2)));
        for (int d = 0; d < 5; d++) {
            docs.add("""
                    apiVersion: neo4j.neo4j.com/v1beta1
                    kind: Neo4jDatabase
                    metadata: {name: db%d, namespace: %s}
                    spec: {clusterRef: %s, name: db%d, topology: {primaries: %d}}
                    """.formatted(d, ns, d == 4 && i % 10 == 0 ? "missing" : "graph", d, 1 + d % 3));
        }
        docs.add("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jBackup
                metadata: {name: nightly, namespace: %s}
                spec:
                  target: {kind: Cluster, name: graph}
                  schedule: "0 2 * * *"
                  storage: {type: pvc, pvc: {name: backups}}
                """.formatted(ns));
        docs.add("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jPlugin
                metadata: {name: apoc, namespace: %s}
                spec: {clusterRef: graph, name: apoc, version: "5.26.0"}
                """.formatted(ns));
        docs.add("apiVersion: v1\nkind: Secret\nmetadata: {name: neo4j-admin, namespace: " + ns
                + "}\nstringData: {username: neo4j, password: not-a-real-one}\n");
        docs.add("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: " + ns
                + "}\ndata: {mode: prod}\n");
        return String.join("---\n", docs);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
