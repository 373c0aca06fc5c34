package io.neo4jguard.chart;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One container of a Deployment the chart rendered, run as a child JVM the way its pod would run it: the
 * image's entrypoint is the {@code neo4j-guard} CLI, so the container's {@code args} go to its {@code Main};
 * its {@code env} is set as written (downward-API fields filled in), paths under a volume mount point to a local
 * directory standing in for the volume, and the API server is reached with the pod's ServiceAccount token
 * (a kubeconfig instead of the projected token, the only other difference). Ready when the container's own
 * readinessProbe answers 200.
 */
final class PodProcess implements AutoCloseable {
    /** The distribution's main class: the image's entrypoint runs it. */
    static final String MAIN = "io.neo4jguard.webhook.Main";
    /** A JVM start on a loaded 2-core machine takes seconds; the chart's startupProbe allows 60 s. */
    private static final Duration READY = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final String name;

    private PodProcess(Process process, Path log, String name) {
        this.process = process;
        this.log = log;
        this.name = name;
    }

    /**
     * @param deployment the Deployment as the API server stored it
     * @param mounts     container path of a volume mount to the local directory that stands in for it
     * @param extraEnv   variables the pod would not have: KUBECONFIG, and NEO4J_GUARD_BIND=127.0.0.1 (the pod
     *                   listens on its own IP; here we listen on loopback only)
     */
    static PodProcess start(JsonNode deployment, Map<String, Path> mounts, Map<String, String> extraEnv, Path log)
            throws IOException {
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start, like the launcher's options (docs/webhook.md), on a loaded machine.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), MAIN));
        container.path("args").forEach(a -> cmd.add(a.asText()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("NEO4J_GUARD_") || k.equals("KUBECONFIG")
                || k.startsWith("KUBERNETES_"));
        pb.environment().putAll(env(container, deployment, mounts));
        pb.environment().putAll(extraEnv);
        return new PodProcess(pb.start(), log, container.path("name").asText());
    }

    /** The container's env as the kubelet would set it, with mount paths mapped to local directories. */
    static Map<String, String> env(JsonNode container, JsonNode deployment, Map<String, Path> mounts) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            String value;
            if (e.has("value")) {
                value = e.path("value").asText();
            } else {
                String field = e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
                value = switch (field) {
                    case "metadata.name" -> deployment.path("metadata").path("name").asText() + "-0";
                    case "metadata.namespace" -> deployment.path("metadata").path("namespace").asText();
                    default -> throw new IllegalArgumentException("unsupported env source " + e);
                };
            }
            for (Map.Entry<String, Path> m : mounts.entrySet()) {
                if (value.equals(m.getKey()) || value.startsWith(m.getKey() + "/")) {
                    value = m.getValue() + value.substring(m.getKey().length());
                }
            }
            env.put(e.path("name").asText(), value);
        }
        return env;
    }

    /** Polls the container's readinessProbe (httpGet on a named port) until it answers 200. */
    void awaitReady(JsonNode deployment) throws IOException, InterruptedException {
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode probe = container.path("readinessProbe").path("httpGet");
        int port = containerPort(container, probe.path("port").asText());
        URI uri = URI.create("http://127.0.0.1:" + port + probe.path("path").asText());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready at " + uri + " after " + READY.toSeconds() + " s:\n" + output());
    }

    /** The number of a container port, by name or as written. */
    static int containerPort(JsonNode container, String nameOrNumber) {
        for (JsonNode p : container.path("ports")) {
            if (nameOrNumber.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return Integer.parseInt(nameOrNumber);
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as the kubelet stops a pod; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
