package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {
    private static Resource parse(String yaml) throws Exception {
        return new ManifestParser().parse("t.yaml", yaml).get(0);
    }

    private static final String CLUSTER = """
            apiVersion: neo4j.neo4j.com/v1beta1
            kind: Neo4jEnterpriseCluster
            metadata: {name: graph}
            spec:
              topology: {servers: 3}
            """;

    @Test
    void clusterWithoutPlacementGetsPreferredAntiAffinityAndZoneSpread() throws Exception {
        ObjectNode out = Defaults.standard().apply(parse(CLUSTER));
        assertThat(out.at("/spec/topology/placement/antiAffinity/type").asText()).isEqualTo("preferred");
        assertThat(out.at("/spec/topology/placement/antiAffinity/topologyKey").asText())
                .isEqualTo("kubernetes.io/hostname");
        assertThat(out.at("/spec/topology/placement/topologySpread/whenUnsatisfiable").asText())
                .isEqualTo("ScheduleAnyway");
        assertThat(out.at("/spec/topology/servers").asInt()).isEqualTo(3);
    }

    @Test
    void policyCanRequireAntiAffinity() throws Exception {
        ObjectNode out = Defaults.standard(new DefaultsOptions(true)).apply(parse(CLUSTER));
        assertThat(out.at("/spec/topology/placement/antiAffinity/type").asText()).isEqualTo("required");
    }

    @Test
    void aPolicyDefaultsSectionSetsTheOptions() throws Exception {
        io.neo4jguard.core.policy.Policy p = io.neo4jguard.core.policy.Policy.parse("p.yaml",
                "apiVersion: neo4j-guard.io/v1alpha1\nkind: Policy\ndefaults: {antiAffinity: required}\n", List.of());
        assertThat(DefaultsOptions.from(p)).isEqualTo(new DefaultsOptions(true));
        assertThat(DefaultsOptions.from(io.neo4jguard.core.policy.Policy.defaults())).isEqualTo(DefaultsOptions.STANDARD);
        ObjectNode out = Defaults.standard(DefaultsOptions.from(p)).apply(parse(CLUSTER));
        assertThat(out.at("/spec/topology/placement/antiAffinity/type").asText()).isEqualTo("required");
    }

    @Test
    void userPlacementOrAffinityIsLeftAlone() throws Exception {
        for (String extra : List.of("  affinity: {podAntiAffinity: {}}\n",
                "  topologySpreadConstraints: []\n")) {
            Resource r = parse(CLUSTER + extra);
            assertThat(Defaults.standard().patch(r)).noneMatch(op -> op.path().contains("placement"));
        }
        Resource placed = parse(CLUSTER.replace("{servers: 3}", "{servers: 3, placement: {antiAffinity: {enabled: false}}}"));
        assertThat(Defaults.standard().patch(placed)).noneMatch(op -> op.path().contains("placement"));
    }

    @Test
    void oneServerAndStandalonesGetNoPlacement() throws Exception {
        assertThat(Defaults.standard().patch(parse(CLUSTER.replace("servers: 3", "servers: 1"))))
                .noneMatch(op -> op.path().contains("placement"));
        Resource standalone = parse(CLUSTER.replace("Neo4jEnterpriseCluster", "Neo4jEnterpriseStandalone"));
        assertThat(Defaults.standard().patch(standalone)).noneMatch(op -> op.path().contains("placement"));
    }

    @Test
    void backupListenAddressIsAddedOnlyWhenAbsentAndConfigIsCreatedInOneOperation() throws Exception {
        List<PatchOperation> ops = Defaults.standard().patch(parse(CLUSTER));
        assertThat(ops).anySatisfy(op -> {
            assertThat(op.op()).isEqualTo("add");
            assertThat(op.path()).isEqualTo("/spec/config");
            assertThat(op.value().path("server.backup.listen_address").asText()).isEqualTo("0.0.0.0:6362");
        });
        Resource set = parse(CLUSTER + "  config: {server.backup.listen_address: \"10.0.0.1:6362\"}\n");
        assertThat(Defaults.standard().patch(set)).noneMatch(op -> op.path().contains("backup"));
        assertThat(Defaults.standard().apply(set).at("/spec/config/server.backup.listen_address").asText())
                .isEqualTo("10.0.0.1:6362");
    }

    @Test
    void existingConfigGetsAKeyLevelAddWithPointerEscaping() throws Exception {
        List<PatchOperation> ops = Defaults.standard().patch(parse(CLUSTER + "  config: {a/b: c}\n"));
        assertThat(ops).extracting(PatchOperation::path).contains("/spec/config/server.backup.listen_address");
        assertThat(JsonPointer.of("spec", "config", "a/b~c")).isEqualTo("/spec/config/a~1b~0c");
    }

    @Test
    void isIdempotent() throws Exception {
        Resource once = Resource.of(Defaults.standard().apply(parse(CLUSTER)));
        assertThat(Defaults.standard().patch(once)).isEmpty();
    }

    @Test
    void optOutAnnotationTurnsEverythingOff() throws Exception {
        Resource r = parse(CLUSTER.replace("metadata: {name: graph}",
                "metadata: {name: graph, annotations: {neo4j-guard.io/defaults: \"off\"}}"));
        assertThat(Defaults.standard().patch(r)).isEmpty();
    }

    @Test
    void kindsThatRunNoServerGetNoServerDefaults() throws Exception {
        for (String kind : List.of("Neo4jDatabase", "Neo4jBackup", "Neo4jAuthRule", "Neo4jPlugin")) {
            assertThat(Defaults.standard().patch(parse(CLUSTER.replace("Neo4jEnterpriseCluster", kind)
                    + "  resources: {limits: {memory: 8Gi}}\n"))).as(kind).isEmpty();
        }
    }

    @Test
    void objectsThatAreNotOursAreNeverTouched() throws Exception {
        assertThat(Defaults.standard().patch(parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")))
                .isEmpty();
    }

    @Test
    void wrongTypedParentsAreLeftForValidation() throws Exception {
        Resource r = parse(CLUSTER + "  config: \"not a map\"\n");
        assertThat(Defaults.standard().patch(r)).noneMatch(op -> op.path().startsWith("/spec/config"));
    }

    @Test
    void enforceDistributionIsTheUsersPlacementChoice() throws Exception {
        Resource r = parse(CLUSTER.replace("{servers: 3}", "{servers: 3, enforceDistribution: true, "
                + "availabilityZones: [a, b, c]}"));
        assertThat(Defaults.standard().patch(r)).noneMatch(op -> op.path().contains("placement"));
    }

    @Test
    void backupListenAddressUnderItsLegacyNameOrAsEnvVarIsTheUsers() throws Exception {
        for (String extra : List.of("  config: {dbms.backup.listen_address: \"10.0.0.1:6362\"}\n",
                "  env: [{name: NEO4J_server_backup_listen__address, value: \"10.0.0.1:6362\"}]\n")) {
            assertThat(Defaults.standard().patch(parse(CLUSTER + extra)))
                    .as(extra).noneMatch(op -> op.path().contains("backup") || op.value().has("server.backup.listen_address"));
        }
    }

    @Test
    void aNullParentIsReplacedInOneOperationHoldingEveryDefault() throws Exception {
        List<PatchOperation> ops = Defaults.standard().patch(parse(CLUSTER
                + "  resources: {limits: {memory: 8Gi}}\n  config: null\n"));
        List<PatchOperation> config = ops.stream().filter(op -> op.path().startsWith("/spec/config")).toList();
        assertThat(config).hasSize(1);
        assertThat(config.get(0).op()).isEqualTo("replace");
        assertThat(config.get(0).value().size()).isEqualTo(4);
    }

    @Test
    void aDefaulterThatThrowsProposesNothingAndTheOthersStillRun() throws Exception {
        Defaulter broken = new Defaulter() {
            @Override
            public io.neo4jguard.core.api.RuleMeta meta() {
                return BackupListenDefaulter.META;
            }

            @Override
            public void propose(Resource object, DefaultsOptions options, Proposals proposals) {
                throw new IllegalStateException("bug");
            }
        };
        Defaults d = new Defaults(List.of(broken, new BackupListenDefaulter()), DefaultsOptions.STANDARD);
        assertThat(d.patch(parse(CLUSTER))).hasSize(1);
    }
}
