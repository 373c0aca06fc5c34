package io.neo4jguard.certs.cli;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neo4jguard.certs.CaBundle;
import io.neo4jguard.certs.CertDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Each command in process, as the webhook-server's main will run it: registered under a root command. */
@EnableKubernetesMockClient(crud = true)
class CertsCommandTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path cwd;

    KubernetesClient client;
    KubernetesMockServer server;

    /** A stand-in for the main command the webhook-server module owns. */
    @CommandLine.Command(name = "neo4j-guard")
    static final class Root implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Run run(Instant at, String... args) {
        return run(at, () -> server.createClient(), args);
    }

    Run run(Instant at, Supplier<KubernetesClient> kube, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new Root());
        // The registration line of the webhook-server's Main, with test clock and client.
        cl.addSubcommand("certs", new CertsCommand(o, e, cwd, Clock.fixed(at, ZoneOffset.UTC), kube));
        cl.setOut(new java.io.PrintWriter(o, true));
        cl.setErr(new java.io.PrintWriter(e, true));
        String[] full = new String[args.length + 1];
        full[0] = "certs";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cl.execute(full);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path dir() {
        return cwd.resolve("certs");
    }

    @Test
    void createWritesTheFilesAndASecondCreateKeepsThem() throws Exception {
        Run r = run(T0, "create", "--service", "neo4j-guard", "--namespace", "guard", "--dns", "guard.example.com",
                "--ip", "10.0.0.5", "--out", "certs");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("new CA").contains("new serving certificate")
                .contains("neo4j-guard.guard.svc.cluster.local").contains("guard.example.com").contains("10.0.0.5")
                .contains("valid until 2026-04-01T00:00:00Z");
        assertThat(r.err()).isEmpty();
        CertDir.Bundle b = CertDir.read(dir());
        assertThat(b.certificate().getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(90)));
        noKeyIn(r);
        byte[] cert = Files.readAllBytes(dir().resolve("tls.crt"));

        Run again = run(T0.plus(Duration.ofDays(1)), "create", "--service", "neo4j-guard", "--namespace", "guard",
                "--dns", "guard.example.com", "--ip", "10.0.0.5", "--out", "certs");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains(": up to date");
        assertThat(Files.readAllBytes(dir().resolve("tls.crt"))).isEqualTo(cert);
    }

    @Test
    void createRefusesBadInputWithExitTwoAndAMessage() throws Exception {
        assertThat(run(T0, "create", "--service", "guard", "--out", "certs"))
                .satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--service and --namespace go together"));
        assertThat(run(T0, "create", "--out", "certs").err()).contains("say what to certify");
        assertThat(run(T0, "create", "--ip", "localhost", "--out", "certs").err())
                .contains("not an IP address: 'localhost'");
        assertThat(run(T0, "create", "--dns", "a.example", "--validity", "10m", "--out", "certs").err())
                .contains("--validity must be at least 1h");
        assertThat(run(T0, "create", "--dns", "a.example", "--validity", "soon", "--out", "certs"))
                .satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("expected a duration such as 90d"));
        assertThat(run(T0, "create", "--dns", "a.example", "--ca-validity", "100d", "--out", "certs").err())
                .contains("--ca-validity (100d) must be at least three times");
        Run missingOut = run(T0, "create", "--dns", "a.example");
        assertThat(missingOut.code()).isEqualTo(2);
        assertThat(missingOut.err()).contains("(--out=DIR | --secret=NS/NAME)");
        Run both = run(T0, "create", "--dns", "a.example", "--out", "certs", "--secret", "guard/certs");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Files.writeString(cwd.resolve("file"), "x");
        Run notADir = run(T0, "create", "--dns", "a.example", "--out", "file/certs");
        assertThat(notADir.code()).isEqualTo(2);
        assertThat(notADir.err()).startsWith("neo4j-guard: ").contains(cwd.resolve("file/certs").toString())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(dir())).isFalse();
    }

    @Test
    void rotateRenewsWhatIsDueAndKeepsTheNames() throws Exception {
        assertThat(run(T0, "create", "--service", "neo4j-guard", "--namespace", "guard", "--out", "certs").code()).isZero();
        byte[] ca = Files.readAllBytes(dir().resolve("ca.crt"));
        Run early = run(T0.plus(Duration.ofDays(59)), "rotate", "--out", "certs");
        assertThat(early.code()).isZero();
        // The life is 90 days plus the 5-minute backdate; a third of it before the end is 100 s before day 60.
        assertThat(early.out()).contains("up to date").contains("renews from 2026-03-01T23:58:20Z");

        Run dry = run(T0.plus(Duration.ofDays(61)), "rotate", "--out", "certs", "--dry-run");
        assertThat(dry.out()).contains("would change").contains("a third of its life left");
        assertThat(CertDir.read(dir()).certificate().getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(90)));

        Run due = run(T0.plus(Duration.ofDays(61)), "rotate", "--out", "certs");
        assertThat(due.code()).isZero();
        assertThat(due.out()).contains("new serving certificate").contains("neo4j-guard.guard.svc.cluster.local");
        CertDir.Bundle b = CertDir.read(dir());
        assertThat(b.certificate().getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(61 + 90)));
        assertThat(Files.readAllBytes(dir().resolve("ca.crt"))).isEqualTo(ca);
        noKeyIn(due);
    }

    @Test
    void rotateStagesANewCaAndMovesToItAfterTheGrace() throws Exception {
        run(T0, "create", "--dns", "guard.example", "--validity", "30d", "--ca-validity", "90d", "--out", "certs");
        Run staged = run(T0.plus(Duration.ofDays(61)), "rotate", "--out", "certs", "--ca-validity", "90d",
                "--publish-grace", "3d");
        assertThat(staged.out()).contains("new CA").contains("a third of its life left");
        assertThat(CaBundle.read(dir().resolve("ca.crt"))).hasSize(2);
        Run moved = run(T0.plus(Duration.ofDays(64)), "rotate", "--out", "certs", "--ca-validity", "90d",
                "--publish-grace", "3d");
        assertThat(moved.out()).contains("moves to CA").contains("a key leaves ca.key").contains("old CA");
        assertThat(run(T0, "rotate", "--out", "certs", "--publish-grace", "700d").err())
                .contains("publish grace period (700 days) must be at most a sixth");
    }

    @Test
    void rotateWithoutCertificatesOrNamesSaysWhatToDo() throws Exception {
        Run empty = run(T0, "rotate", "--out", "certs");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no certificates; run 'neo4j-guard certs create' first");

        run(T0, "create", "--dns", "guard.example", "--out", "certs");
        Files.delete(dir().resolve("tls.crt"));
        Run unknownNames = run(T0, "rotate", "--out", "certs");
        assertThat(unknownNames.code()).isEqualTo(2);
        assertThat(unknownNames.err()).contains("names to certify are unknown").contains("tls.crt is missing");
        Run repaired = run(T0, "rotate", "--out", "certs", "--dns", "guard.example");
        assertThat(repaired.code()).as(repaired.all()).isZero();
        assertThat(repaired.out()).contains("new serving certificate");
        assertThat(CertDir.read(dir()).certificate()).isNotNull();
    }

    @Test
    void injectWritesTheBundleIntoTheWebhookConfiguration() throws Exception {
        run(T0, "create", "--service", "neo4j-guard", "--namespace", "guard", "--out", "certs");
        client.resource(new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("neo4j-guard")
                .endMetadata().addNewWebhook().withName("v.neo4j-guard.io").withSideEffects("None")
                .withAdmissionReviewVersions("v1").withNewClientConfig().withUrl("https://127.0.0.1:8443/validate")
                .endClientConfig().endWebhook().build()).create();

        Run dry = run(T0, "inject", "--webhook", "neo4j-guard", "--ca-file", "certs/ca.crt", "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("(dry run)").contains("patch: [");
        Run r = run(T0, "inject", "--webhook", "neo4j-guard", "--ca-file", "certs/ca.crt");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("ValidatingWebhookConfiguration neo4j-guard: caBundle set on 1 of 1 webhook(s)")
                .contains("MutatingWebhookConfiguration neo4j-guard: not found (skipped)");
        assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations().withName("neo4j-guard").get()
                .getWebhooks().get(0).getClientConfig().getCaBundle())
                .isEqualTo(CaBundle.encode(CaBundle.read(dir().resolve("ca.crt"))));
        assertThat(run(T0, "inject", "--webhook", "neo4j-guard", "--ca-file", "certs/ca.crt").out())
                .contains("already up to date");
    }

    @Test
    void injectErrorsAreOneLineAndExitTwo() throws Exception {
        run(T0, "create", "--dns", "guard.example", "--out", "certs");
        Run missing = run(T0, "inject", "--webhook", "absent", "--ca-file", "certs/ca.crt");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no ValidatingWebhookConfiguration or MutatingWebhookConfiguration named 'absent'");
        Run leaf = run(T0, "inject", "--webhook", "absent", "--ca-file", "certs/tls.crt");
        assertThat(leaf.err()).contains("is not a CA (is this tls.crt rather than ca.crt?)");
        Run badName = run(T0, "inject", "--webhook", "Bad_Name", "--ca-file", "certs/ca.crt");
        assertThat(badName.err()).contains("not a Kubernetes object name");
        Run noFile = run(T0, "inject", "--webhook", "x");
        assertThat(noFile.err()).contains("ca.crt: no such file");

        // An API server that is not there: a clear message, no stack trace, exit 2.
        Supplier<KubernetesClient> nowhere = () -> new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1").withConnectionTimeout(2000).withRequestTimeout(2000)
                .withRequestRetryBackoffLimit(0).build()).build();
        Run down = run(T0, nowhere, "inject", "--webhook", "x", "--ca-file", "certs/ca.crt");
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err()).startsWith("neo4j-guard: ").doesNotContain("\tat ");
        assertThat(down.err().lines().count()).isEqualTo(1);
    }

    @Test
    void theSameCommandsWorkOnASecretAsAHelmHookJobWouldRunThem() throws Exception {
        client.resource(new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("neo4j-guard")
                .endMetadata().addNewWebhook().withName("v.neo4j-guard.io").withSideEffects("None")
                .withAdmissionReviewVersions("v1").withNewClientConfig().withUrl("https://127.0.0.1:8443/validate")
                .endClientConfig().endWebhook().build()).create();
        Run create = run(T0, "create", "--service", "neo4j-guard", "--namespace", "guard", "--secret", "guard/certs");
        assertThat(create.code()).as(create.all()).isZero();
        assertThat(create.out()).startsWith("Secret guard/certs: change:");
        assertThat(client.secrets().inNamespace("guard").withName("certs").get().getData()).containsKey("tls.key");
        noKeyIn(create, new io.neo4jguard.certs.kube.SecretCertStore(client, "guard", "certs").read().state()
                .serving().orElseThrow().key());
        assertThat(run(T0.plus(Duration.ofDays(61)), "rotate", "--secret", "guard/certs").out())
                .contains("new serving certificate");
        Run inject = run(T0, "inject", "--webhook", "neo4j-guard", "--secret", "guard/certs");
        assertThat(inject.code()).as(inject.all()).isZero();
        assertThat(inject.out()).contains("caBundle set on 1 of 1");
        Run noSecret = run(T0, "inject", "--webhook", "neo4j-guard", "--secret", "guard/absent");
        assertThat(noSecret.code()).isEqualTo(2);
        assertThat(noSecret.err()).contains("Secret guard/absent holds no ca.crt");
        assertThat(run(T0, "rotate", "--secret", "guard/absent").err()).contains("Secret guard/absent holds no certificates");
        assertThat(run(T0, "rotate", "--secret", "guard").err()).contains("expected NAMESPACE/NAME");
    }

    @Test
    void certsAloneIsAUsageErrorAndHelpWorks() {
        Run bare = run(T0);
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).contains("missing command (create, rotate or inject)");
        Run help = run(T0, "rotate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--publish-grace").contains("Exit codes");
    }

    private void noKeyIn(Run r) throws Exception {
        noKeyIn(r, CertDir.read(dir()).key());
        String pem = Files.readString(dir().resolve("tls.key"));
        assertThat(r.all()).doesNotContain(pem.lines().skip(1).findFirst().orElseThrow());
    }

    private static void noKeyIn(Run r, java.security.PrivateKey k) {
        assertThat(r.all()).doesNotContain("PRIVATE KEY");
        ECPrivateKey key = (ECPrivateKey) k;
        assertThat(r.all()).doesNotContain(key.getS().toString(16)).doesNotContain(key.getS().toString());
    }
}
