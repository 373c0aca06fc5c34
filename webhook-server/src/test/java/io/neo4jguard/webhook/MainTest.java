package io.neo4jguard.webhook;

import io.neo4jguard.webhook.dev.WebhookConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-level command line: every module's commands under one root, serve's usage errors, the dev YAML. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path cwd, String... args) {
        return new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd).run(args);
    }

    @Test
    void everyModulesCommandsHangUnderTheOneRoot(@TempDir Path dir) {
        picocli.CommandLine root = Main.commandLine(new io.neo4jguard.core.cli.Streams(
                new ByteArrayInputStream(new byte[0]), System.out, System.err, dir, false));
        assertThat(root.getSubcommands().keySet()).containsExactly("check", "mutate", "explain", "rules", "serve", "certs", "render",
                "reconcile", "playground");
        root.getSubcommands().values().forEach(c -> assertThat(c.getParent()).isSameAs(root));
        // One --policy: the same option (one mixin, one loader) wherever a command takes a policy.
        List<String> policies = new ArrayList<>();
        for (String name : List.of("check", "mutate", "serve", "reconcile")) {
            picocli.CommandLine.Model.OptionSpec o = root.getSubcommands().get(name).getCommandSpec().findOption("--policy");
            policies.add(String.join(" ", o.description()) + " | " + o.defaultValue());
        }
        assertThat(policies).containsOnly(policies.get(0));
    }

    @Test
    void oneVersionAndOneErrorHandlerForEveryCommand(@TempDir Path dir) {
        assertThat(run(dir, "--version")).isEqualTo(0);
        assertThat(out.toString()).startsWith("neo4j-guard ");
        for (String[] args : List.of(new String[] {"check", "--output", "yaml", "x.yaml"},
                new String[] {"serve", "--port", "eighty"}, new String[] {"certs", "create", "--no-such-option"})) {
            err.reset();
            assertThat(run(dir, args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).startsWith("neo4j-guard: ")
                    .contains("Try 'neo4j-guard " + args[0]).doesNotContain("\tat ");
        }
    }

    @Test
    void coreCommandsRunNatively(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.yaml"), """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: g}
                spec: {topology: {servers: 1}}
                """);
        assertThat(run(dir, "check", "c.yaml")).isEqualTo(1);
        assertThat(out.toString()).contains("topology.min-servers");
        assertThat(run(dir, "rules")).isEqualTo(0);
        assertThat(run(dir, "explain", "topology.min-servers")).isEqualTo(0);
    }

    @Test
    void renderPrintsTheReconcilersObjects(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseStandalone
                metadata: {name: dev, namespace: sandbox, uid: 1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e}
                spec:
                  acceptLicenseAgreement: "eval"
                  image: {repo: neo4j, tag: "5.26.12-enterprise"}
                  storage: {size: 10Gi}
                  resources: {limits: {memory: 2Gi}}
                """);
        assertThat(run(dir, "render", "s.yaml")).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("kind: StatefulSet", "name: dev-config", "uid: 1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e");
    }

    @Test
    void helpListsServeAndTheCoreCommands(@TempDir Path dir) {
        assertThat(run(dir, "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("serve", "check", "mutate", "explain", "rules", "certs", "render",
                "reconcile", "playground");
        assertThat(run(dir)).isEqualTo(2);
        assertThat(err.toString()).contains("missing command (check, mutate, explain, rules, serve, certs, render, reconcile or playground)");
    }

    @Test
    void reconcileUsageErrorsExit2BeforeReachingTheApiServer(@TempDir Path dir) {
        assertThat(run(dir, "reconcile", "--resync", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--resync expects a positive duration");
        assertThat(run(dir, "reconcile", "--namespace-selector", "env=(x")).isEqualTo(2);
        assertThat(err.toString()).contains("--namespace-selector: cannot read 'env=(x'");
        assertThat(run(dir, "reconcile", "--workers", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be at least 1");
        assertThat(run(dir, "reconcile", "--bolt-address-template", "neo4j://{service}:7687")).isEqualTo(2);
        assertThat(err.toString()).contains("--bolt-address-template: the scheme of 'neo4j://{service}:7687' must be");
        assertThat(run(dir, "reconcile", "--bolt-address-template", "bolt://{cluster}:7687")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown placeholder {cluster}");
    }

    @Test
    void serveUsageErrorsExit2WithoutAStackTrace(@TempDir Path dir) {
        assertThat(run(dir, "serve")).isEqualTo(2);
        assertThat(err.toString()).contains("--cert-dir is required");
        assertThat(run(dir, "serve", "--dev", "--lookups", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--lookups expects auto, api-server or none");
        assertThat(run(dir, "serve", "--dev", "--shutdown-delay", "soon")).isEqualTo(2);
        assertThat(run(dir, "serve", "--dev", "--self-signed-secret", "no-slash")).isEqualTo(2);
        assertThat(err.toString()).contains("NAMESPACE/NAME");
        assertThat(run(dir, "serve", "--cert-dir", dir.resolve("none").toString(), "--port", "0", "--metrics-port", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot start:").contains("tls.crt: no such file").doesNotContain("\tat ");
        Path policy = dir.resolve("p.yaml");
        assertThat(run(dir, "serve", "--dev", "--policy", policy.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("policy ").contains("no such file");
    }

    @Test
    void everyServeOptionNamesItsEnvironmentVariable(@TempDir Path dir) {
        run(dir, "serve", "--help");
        String help = out.toString();
        for (String env : List.of("NEO4J_GUARD_PORT", "NEO4J_GUARD_METRICS_PORT", "NEO4J_GUARD_BIND", "NEO4J_GUARD_CERT_DIR",
                "NEO4J_GUARD_POLICY", "NEO4J_GUARD_CLIENT_CA", "NEO4J_GUARD_SELF_SIGNED_SECRET", "NEO4J_GUARD_DEV",
                "NEO4J_GUARD_LOOKUPS", "NEO4J_GUARD_SHUTDOWN_DELAY")) {
            assertThat(help).contains(env);
        }
        // The option defaults really are read from those variables.
        picocli.CommandLine cl = new picocli.CommandLine(new ServeCommand(System.out, System.err, dir));
        cl.getCommandSpec().interpolateVariables(false);
        for (picocli.CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.hidden()) {
                assertThat(o.defaultValue()).as(o.longestName()).startsWith("${env:NEO4J_GUARD_");
            }
        }
    }

    @Test
    void servesMutatingWebhookAppliesThePolicysDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\n"
                + "defaults: {antiAffinity: required}\n");
        ServeCommand serve = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        java.util.concurrent.atomic.AtomicReference<String> patch = new java.util.concurrent.atomic.AtomicReference<>();
        serve.onStarted = server -> {
            try {
                java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                        .sslContext(TestServer.trusting(dir.resolve(ServeCommand.DEV_DIR).resolve("ca.crt"))).build();
                java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("https://127.0.0.1:" + server.port() + "/mutate"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Reviews.text("mutate-defaults"))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                patch.set(new String(java.util.Base64.getDecoder().decode(
                        TestServer.JSON.readTree(r.body()).path("response").path("patch").asText()), StandardCharsets.UTF_8));
            } catch (Exception e) {
                patch.set(e.toString());
            } finally {
                server.close();
            }
        };
        int code = new picocli.CommandLine(serve).execute("--dev", "--port", "0", "--metrics-port", "-1",
                "--lookups", "none", "--policy", "p.yaml");
        assertThat(code).as(err.toString()).isZero();
        assertThat(patch.get()).contains("\"antiAffinity\":{\"enabled\":true,\"type\":\"required\"");
    }

    @Test
    void theTrainingStartBecomesReadyAndExits(@TempDir Path dir) {
        assertThat(run(dir, "serve", "--exit-when-ready", "--port", "0", "--metrics-port", "-1", "--bind", "127.0.0.1",
                "--lookups", "none")).isEqualTo(0);
        assertThat(out.toString()).contains("\"msg\":\"serving\"");
    }

    @Test
    void devCertificatesThatCannotBeWrittenAreAUsageErrorNamingTheDirectory(@TempDir Path dir) throws Exception {
        // .neo4j-guard is a file, so the certificate directory cannot be made: the failure comes from the
        // thread that makes the certificates while the rules load, and must still end the start cleanly.
        Files.writeString(dir.resolve(".neo4j-guard"), "not a directory");
        assertThat(run(dir, "serve", "--dev", "--port", "0", "--metrics-port", "-1", "--lookups", "none")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot create certificates in " + ServeCommand.DEV_DIR)
                .doesNotContain("\tat ");
    }

    @Test
    void theTrainingRunAnswersEveryReviewItSendsItselfOverTls(@TempDir Path dir) {
        // 40: every kind (ten), CREATE and UPDATE, on both paths.
        assertThat(run(dir, "serve", "--exit-when-ready", "--train-reviews", "40", "--port", "0", "--metrics-port", "-1",
                "--bind", "127.0.0.1", "--lookups", "none")).isEqualTo(0);
        assertThat(out.toString()).contains("\"msg\":\"training reviews answered\"").contains("\"ok\":40")
                .contains("\"kind\":\"Neo4jAuthRule\"").contains("\"operation\":\"UPDATE\"")
                .contains("\"webhook\":\"mutate\"").doesNotContain("\"level\":\"error\"");
    }

    @SuppressWarnings("unchecked")
    @Test
    void devWebhookConfigurationsFollowTheContract() {
        String yaml = WebhookConfigurations.yaml("neo4j-guard-dev", "https://127.0.0.1:8443", "-----BEGIN CERTIFICATE-----\n");
        List<Map<String, Object>> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(d -> docs.add((Map<String, Object>) d));
        assertThat(docs).hasSize(2);
        Map<String, Object> validating = docs.get(0);
        Map<String, Object> mutating = docs.get(1);
        assertThat(validating.get("kind")).isEqualTo("ValidatingWebhookConfiguration");
        assertThat(mutating.get("kind")).isEqualTo("MutatingWebhookConfiguration");
        Map<String, Object> v = ((List<Map<String, Object>>) validating.get("webhooks")).get(0);
        Map<String, Object> m = ((List<Map<String, Object>>) mutating.get("webhooks")).get(0);
        assertThat(((Map<String, Object>) v.get("clientConfig")).get("url")).isEqualTo("https://127.0.0.1:8443/validate");
        assertThat(((Map<String, Object>) m.get("clientConfig")).get("url")).isEqualTo("https://127.0.0.1:8443/mutate");
        assertThat(((Map<String, Object>) v.get("clientConfig")).get("caBundle")).isEqualTo("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==");
        assertThat(v.get("failurePolicy")).isEqualTo("Fail");
        assertThat(m.get("failurePolicy")).isEqualTo("Ignore");
        assertThat(m.get("reinvocationPolicy")).isEqualTo("IfNeeded");
        for (Map<String, Object> w : List.of(v, m)) {
            assertThat(w.get("sideEffects")).isEqualTo("None");
            assertThat(w.get("timeoutSeconds")).isEqualTo(5);
            assertThat(w.get("admissionReviewVersions")).isEqualTo(List.of("v1"));
            Map<String, Object> rule = ((List<Map<String, Object>>) w.get("rules")).get(0);
            assertThat(rule.get("operations")).isEqualTo(List.of("CREATE", "UPDATE"));
            assertThat(rule.get("apiGroups")).isEqualTo(List.of("neo4j.neo4j.com"));
            assertThat((List<String>) rule.get("resources")).hasSize(10).contains("neo4jenterpriseclusters",
                    "neo4jenterprisestandalones", "neo4jauthrules", "neo4jrolebindings");
            assertThat(w.get("namespaceSelector").toString()).contains("kubernetes.io/metadata.name", "NotIn", "kube-system");
        }
    }
}
