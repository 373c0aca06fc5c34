package io.neo4jguard.certs.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.CertState;
import io.neo4jguard.certs.CertStore;
import io.neo4jguard.certs.Rotation;
import io.neo4jguard.certs.RotationPlan;
import io.neo4jguard.certs.RotationPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Secret store: the data mapping on its own, then against fabric8's in-process API server in CRUD mode,
 * which enforces resourceVersion on update (409 Conflict) as kube-apiserver does.
 */
@EnableKubernetesMockClient(crud = true)
class SecretCertStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final CertRequest REQUEST = CertRequest.forService("neo4j-guard", "guard", List.of(), List.of());

    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void mergingKeepsOtherKeysLabelsAndTypeAndDropsStringData() {
        Secret old = new SecretBuilder().withNewMetadata().withName("certs").withNamespace("guard")
                .withResourceVersion("7").addToLabels("team", "graph").endMetadata().withType("Opaque")
                .addToData("other", "eA==").addToData(CertDir.TLS_CERT, "b2xk").addToStringData("ca.crt", "stale")
                .build();
        Secret merged = SecretCertStore.merged(old, Map.of(CertDir.TLS_CERT, "new".getBytes(StandardCharsets.US_ASCII)),
                "guard", "certs");
        assertThat(merged.getData()).containsEntry("other", "eA==").containsEntry(CertDir.TLS_CERT, "bmV3");
        assertThat(merged.getStringData()).isNull();
        assertThat(merged.getMetadata().getResourceVersion()).isEqualTo("7"); // the optimistic check
        assertThat(merged.getMetadata().getLabels()).containsEntry("team", "graph");
        assertThat(merged.getType()).isEqualTo("Opaque");

        Secret fresh = SecretCertStore.merged(null, Map.of(CertDir.TLS_CERT, new byte[] {1}, CertDir.TLS_KEY, new byte[] {2}),
                "guard", "certs");
        assertThat(fresh.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(fresh.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "neo4j-guard");
    }

    @Test
    void dataThatIsNotBase64CountsAsADamagedFile() {
        Secret s = new SecretBuilder().addToData(CertDir.CA_CERT, "%%%").addToData("unrelated", "%%%").build();
        Map<String, byte[]> files = SecretCertStore.files(s);
        assertThat(files).containsOnlyKeys(CertDir.CA_CERT);
        assertThat(CertState.decode(files).problems()).containsExactly("ca.crt: no PEM certificate");
    }

    @Test
    void theFirstRotationCreatesTheSecretAndTheNextFindsNothingToDo() throws Exception {
        SecretCertStore store = SecretCertStore.of(client, "guard/neo4j-guard-certs");
        Rotation.Result first = Rotation.run(store, REQUEST, RotationPolicy.defaults(), CLOCK);
        assertThat(first.changed()).isTrue();
        Secret s = client.secrets().inNamespace("guard").withName("neo4j-guard-certs").get();
        assertThat(s.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(s.getData()).containsOnlyKeys("ca.crt", "ca.key", "tls.crt", "tls.key", "issued.crt");
        assertThat(new String(Base64.getDecoder().decode(s.getData().get("tls.key")), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        Rotation.Result again = Rotation.run(store, REQUEST, RotationPolicy.defaults(), CLOCK);
        assertThat(again.changed()).isFalse();
        assertThat(client.secrets().inNamespace("guard").withName("neo4j-guard-certs").get().getMetadata()
                .getResourceVersion()).isEqualTo(s.getMetadata().getResourceVersion());
    }

    @Test
    void aStaleResourceVersionIsAConflictAndChangesNothing() throws Exception {
        SecretCertStore store = new SecretCertStore(client, "guard", "certs");
        Rotation.run(store, REQUEST, RotationPolicy.defaults(), CLOCK);
        CertStore.Snapshot seen = store.read();
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(61)), ZoneOffset.UTC);
        Rotation.run(store, REQUEST, RotationPolicy.defaults(), later); // the other replica renews first
        String winner = client.secrets().inNamespace("guard").withName("certs").get().getData().get("tls.crt");
        CertState mine = Rotation.apply(seen.state(),
                RotationPlan.compute(seen.state(), REQUEST, RotationPolicy.defaults(), later.instant()), REQUEST,
                RotationPolicy.defaults());
        assertThatThrownBy(() -> store.write(seen, mine)).isInstanceOf(CertStore.ConflictException.class)
                .hasMessage("Secret guard/certs changed since it was read");
        assertThat(client.secrets().inNamespace("guard").withName("certs").get().getData().get("tls.crt"))
                .isEqualTo(winner);
    }

    @Test
    void twoReplicasCreatingTheSecretAtOnceAgreeOnOneCa() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Rotation.Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                KubernetesClient own = server.createClient();
                Callable<Rotation.Result> replica = () -> Rotation.run(new SecretCertStore(own, "guard", "race"),
                        REQUEST, RotationPolicy.defaults(), CLOCK);
                results.add(pool.submit(replica));
            }
            List<CertState> after = new ArrayList<>();
            for (Future<Rotation.Result> f : results) {
                after.add(f.get().after());
            }
            CertState stored = new SecretCertStore(client, "guard", "race").read().state();
            assertThat(stored.bundle()).hasSize(1);
            // Both replicas end up serving what is stored, whoever won.
            for (CertState s : after) {
                assertThat(s.serving().orElseThrow().certificate())
                        .isEqualTo(stored.serving().orElseThrow().certificate());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badNamesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> SecretCertStore.of(client, "guard")).hasMessageContaining("expected NAMESPACE/NAME");
        assertThatThrownBy(() -> SecretCertStore.of(client, "Guard/x")).hasMessageContaining("not a namespace name");
        assertThatThrownBy(() -> SecretCertStore.of(client, "guard/X_Y")).hasMessageContaining("'X_Y'");
    }
}
