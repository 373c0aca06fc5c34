package io.neo4jguard.kube.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where helm comes from, and what it runs with, without building it (the chart ITs build and use it). */
class HelmTest {
    @TempDir
    Path tmp;

    @Test
    void anAssetVariableWinsAndIsUsedAsItIs() throws IOException {
        Path helm = executable(tmp.resolve("bin/helm"));
        Helm h = Helm.resolve(Map.of(Helm.ASSET, helm.toString()), tmp.resolve("cache"), List.of());
        assertThat(h.binary()).isEqualTo(helm);
        assertThat(h.origin()).isEqualTo(Helm.ASSET + "=" + helm);
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aCachedBinaryOfThePinnedVersionIsReused() throws IOException {
        Path cache = tmp.resolve("cache");
        Path helm = executable(cache.resolve("helm-v" + Versions.HELM + "-" + Platform.suffix()).resolve("helm"));
        Helm h = Helm.resolve(Map.of("PATH", tmp.resolve("no-go").toString()), cache, List.of());
        assertThat(h.binary()).isEqualTo(helm);
        assertThat(h.origin()).startsWith("cache ");
    }

    @Test
    void withoutGoTheFailureSaysWhatToInstallOrSet() {
        assertThatThrownBy(() -> Helm.resolve(Map.of("PATH", tmp.resolve("no-go").toString()), tmp.resolve("cache"),
                List.of()))
                .isInstanceOf(KubeTestEnvException.class)
                .hasMessageContaining("install Go " + Versions.MINIMUM_GO + "+")
                .hasMessageContaining(Helm.ASSET);
    }

    @Test
    void aReleaseBuildReportsItsVersionAsHelmsMakefileSetsIt() {
        assertThat(Helm.ldflags("v4.3.2")).contains("-X helm.sh/helm/v4/internal/version.version=v4.3.2")
                .contains("-X helm.sh/helm/v4/internal/version.metadata= ")
                .contains("-X helm.sh/helm/v4/internal/version.gitTreeState=clean");
    }

    @Test
    void eachCallHasItsOwnHelmHomeAndTheGivenKubeconfig() throws IOException {
        // A stand-in helm that prints its arguments and environment: what the real one would see.
        Path fake = tmp.resolve("bin/helm");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho \"$@\"; echo \"cache=$HELM_CACHE_HOME home=$HOME kc=$KUBECONFIG\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Kubectl.Result r = Helm.resolve(Map.of(Helm.ASSET, fake.toString()), tmp.resolve("cache"), List.of())
                .in(work).against(tmp.resolve("kubeconfig")).run("version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("--kubeconfig=" + tmp.resolve("kubeconfig") + " version\n")
                .contains("cache=" + work.resolve(".helm-home/cache")).contains("home=" + work)
                .contains("kc=\n");
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
