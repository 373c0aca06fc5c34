package io.neo4jguard.kube.testenv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {
    @Test
    void stagingModulesCarryTheReleaseAsV0() {
        assertThat(Versions.stagingVersion("1.34.10")).isEqualTo("v0.34.10");
        assertThat(Versions.minor("1.34.10")).isEqualTo("34");
        assertThatThrownBy(() -> Versions.stagingVersion("2.0.0")).hasMessageContaining("not a Kubernetes 1.x");
    }

    @Test
    void pinnedVersionsAre134And36() {
        assertThat(Versions.KUBERNETES).startsWith("1.34.");
        assertThat(Versions.ETCD).startsWith("3.6.");
    }

    @Test
    void platformSuffixFollowsGoNames() {
        assertThat(Platform.suffix("Linux", "amd64")).isEqualTo("linux-amd64");
        assertThat(Platform.suffix("Linux", "x86_64")).isEqualTo("linux-amd64");
        assertThat(Platform.suffix("Mac OS X", "aarch64")).isEqualTo("darwin-arm64");
    }
}
