package io.neo4jguard.reconciler.diagnostics;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticsOptionsTest {
    @Test
    void theDefaultIsTheClientServiceInTheClusterWithBoltSWhenTheResourceHasTls() {
        DiagnosticsOptions d = DiagnosticsOptions.on(DiagnosticsOptions.DEFAULT_TEMPLATE);
        assertThat(d.address("graph", "team-a", "cluster.local", false))
                .isEqualTo(URI.create("bolt://graph-client.team-a.svc.cluster.local:7687"));
        assertThat(d.address("graph", "team-a", "corp.example", true))
                .isEqualTo(URI.create("bolt+s://graph-client.team-a.svc.corp.example:7687"));
    }

    @Test
    void aTemplateReplacesTheAddressForAPortForward() {
        DiagnosticsOptions d = DiagnosticsOptions.on("bolt://localhost:17687");
        assertThat(d.address("graph", "team-a", "cluster.local", true)).isEqualTo(URI.create("bolt://localhost:17687"));
        assertThat(DiagnosticsOptions.on("bolt+ssc://{name}.{namespace}.example:7687")
                .address("g", "n", "cluster.local", false)).isEqualTo(URI.create("bolt+ssc://g.n.example:7687"));
    }

    @Test
    void unknownPlaceholdersRoutingSchemesAndMissingHostsAreRefused() {
        assertThatThrownBy(() -> DiagnosticsOptions.on("bolt://{cluster}:7687"))
                .hasMessageContaining("unknown placeholder {cluster}");
        assertThatThrownBy(() -> DiagnosticsOptions.on("neo4j://{service}:7687"))
                .hasMessageContaining("must be {scheme}, bolt, bolt+s or bolt+ssc");
        assertThatThrownBy(() -> DiagnosticsOptions.on("bolt:///x")).hasMessageContaining("no host");
        assertThat(DiagnosticsOptions.off().enabled()).isFalse();
    }
}
