package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;
import io.neo4jguard.reconciler.cli.Rendering;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For generated valid clusters (with a backup of them): building is deterministic, and every object has an owner
 * reference to its custom resource (except claims, which must outlive it) and names and labels within Kubernetes'
 * limits, so the API server never refuses what the controller applies.
 */
class DesiredStateProperties {
    /** RFC 1123 label (Service names add: starts with a letter, RFC 1035), and label values. */
    private static final int DNS_LABEL_MAX = 63;
    private static final int DNS_SUBDOMAIN_MAX = 253;
    /**
     * A StatefulSet's pods carry {@code controller-revision-hash: <name>-<10-char hash>}, a label value: 63 - 11.
     */
    private static final int STATEFULSET_MAX = 52;
    /** The CronJob controller appends '-' and up to 10 digits to name Jobs: 63 - 11. */
    private static final int CRONJOB_MAX = 52;
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    record Input(String cluster, String namespace, int servers, String tag, int memoryGi, boolean tls,
                 String serviceType, String backup, boolean scheduled, String uid) {
        String yaml() {
            return """
                    apiVersion: neo4j.neo4j.com/v1beta1
                    kind: Neo4jEnterpriseCluster
                    metadata: {name: %1$s, namespace: %2$s, uid: %10$s}
                    spec:
                      acceptLicenseAgreement: "yes"
                      image: {repo: neo4j, tag: "%4$s"}
                      topology: {servers: %3$d}
                      storage: {size: 10Gi}
                      resources: {limits: {memory: %5$dGi}}
                      tls: {mode: %6$s, issuerRef: {name: ca}}
                      service: {type: %7$s}
                    ---
                    apiVersion: neo4j.neo4j.com/v1beta1
                    kind: Neo4jBackup
                    metadata: {name: %8$s, namespace: %2$s, uid: %10$s}
                    spec:
                      instanceRef: %1$s
                      allDatabases: true
                      %9$s
                      storage: {type: s3, bucket: backups, cloud: {provider: aws, credentialsSecretRef: s3}}
                    """.formatted(cluster, namespace, servers, tag, memoryGi, tls ? "cert-manager" : "disabled",
                    serviceType, backup, scheduled ? "schedule: \"0 3 * * *\"" : "", uid);
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> cluster = names(45);
        Arbitrary<String> namespace = names(63);
        Arbitrary<Integer> servers = Arbitraries.integers().between(2, 11);
        Arbitrary<String> tag = Arbitraries.of("5.26.0-enterprise", "5.26.12-enterprise", "2025.01.0-enterprise",
                "2025.10.1-enterprise", "2026.04.0-enterprise-ubi10");
        Arbitrary<Integer> memory = Arbitraries.of(2, 4, 8, 16, 32, 64);
        Arbitrary<String> type = Arbitraries.of("ClusterIP", "NodePort", "LoadBalancer");
        Arbitrary<String> uid = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((hi, lo) -> new java.util.UUID(hi, lo).toString());
        Arbitrary<Input> server = Combinators.combine(cluster, namespace, servers, tag, memory,
                Arbitraries.of(true, false), type).as((c, ns, n, t, m, tls, ty) -> new Input(c, ns, n, t, m, tls, ty,
                "", false, ""));
        return Combinators.combine(server, names(40), Arbitraries.of(true, false), uid).as((s, b, sched, u) ->
                new Input(s.cluster(), s.namespace(), s.servers(), s.tag(), s.memoryGi(), s.tls(), s.serviceType(), b,
                        sched, u));
    }

    /** DNS-1035 labels of 1..max characters, biased to the long end where limits bite. */
    private static Arbitrary<String> names(int max) {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> middle = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(0).ofMaxLength(max - 2);
        Arbitrary<Character> last = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> full = Combinators.combine(first, middle, last).as((f, m, l) -> f + m + l);
        return Arbitraries.oneOf(full, first.map(String::valueOf));
    }

    @Property(tries = 100)
    void buildingIsDeterministic(@ForAll("inputs") Input in) {
        Rendering.Result once = render(in);
        Assume.that(once.ok());
        assertThat(DesiredYaml.yaml(render(in).objects())).isEqualTo(DesiredYaml.yaml(once.objects()));
    }

    @Property(tries = 100)
    void everyObjectIsOwnedAndNamedWithinKubernetesLimits(@ForAll("inputs") Input in) {
        Rendering.Result r = render(in);
        Assume.that(r.ok());
        assertThat(r.objects()).isNotEmpty();
        for (HasMetadata o : r.objects()) {
            String name = o.getMetadata().getName();
            String what = o.getKind() + "/" + name;
            assertThat(name.length()).as(what).isLessThanOrEqualTo(DNS_SUBDOMAIN_MAX);
            assertThat(o.getMetadata().getNamespace()).isEqualTo(in.namespace());
            for (Map.Entry<String, String> l : o.getMetadata().getLabels().entrySet()) {
                assertThat(l.getValue()).as(what + " label " + l.getKey()).hasSizeLessThanOrEqualTo(DNS_LABEL_MAX)
                        .matches(LABEL_VALUE);
            }
            List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
            if (o instanceof PersistentVolumeClaim) {
                assertThat(owners).as(what).isEmpty();
                continue;
            }
            assertThat(owners).as(what).singleElement().satisfies(ref -> {
                assertThat(ref.getUid()).isEqualTo(in.uid());
                assertThat(ref.getController()).isTrue();
                assertThat(ref.getName()).isIn(in.cluster(), in.backup());
            });
            if (o instanceof Service) {
                assertThat(name).as(what).hasSizeLessThanOrEqualTo(DNS_LABEL_MAX).matches(DNS_1035);
            }
            if (o instanceof StatefulSet s) {
                assertThat(name).as(what).hasSizeLessThanOrEqualTo(STATEFULSET_MAX);
                String lastPod = name + "-" + (s.getSpec().getReplicas() - 1);
                assertThat(lastPod).as("pod name, a DNS label").hasSizeLessThanOrEqualTo(DNS_LABEL_MAX);
            }
            if (o instanceof Job) {
                assertThat(name).as(what + " (its name is a pod label value)").hasSizeLessThanOrEqualTo(DNS_LABEL_MAX);
            }
            if (o instanceof CronJob) {
                assertThat(name).as(what).hasSizeLessThanOrEqualTo(CRONJOB_MAX);
            }
        }
    }

    private static Rendering.Result render(Input in) {
        try {
            List<Resource> manifests = new ManifestParser().parse("generated.yaml", in.yaml());
            return Rendering.standard().render(manifests, Rendering.DEFAULT_NAMESPACE);
        } catch (ReadException e) {
            throw new AssertionError(e.describe() + "\n" + in.yaml());
        }
    }
}
