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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Where the binaries come from, without building anything (the cold build is measured, not unit-tested). */
class KubeBinariesTest {
    @TempDir
    Path tmp;

    @Test
    void kubebuilderAssetsWinAndAreUsedAsTheyAre() throws IOException {
        Path assets = executables(tmp.resolve("envtest"), "kube-apiserver", "etcd", "kubectl");
        KubeBinaries b = KubeBinaries.resolve(Map.of("KUBEBUILDER_ASSETS", assets.toString()), tmp.resolve("cache"), List.of());
        assertThat(b.apiServer()).isEqualTo(assets.resolve("kube-apiserver"));
        assertThat(b.etcd()).isEqualTo(assets.resolve("etcd"));
        assertThat(b.kubectl()).isEqualTo(assets.resolve("kubectl"));
        assertThat(b.origin()).isEqualTo("KUBEBUILDER_ASSETS=" + assets);
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aSingleAssetVariableOverridesOneFile() throws IOException {
        Path assets = executables(tmp.resolve("envtest"), "kube-apiserver", "etcd", "kubectl");
        Path other = executables(tmp.resolve("other"), "etcd");
        KubeBinaries b = KubeBinaries.resolve(Map.of("KUBEBUILDER_ASSETS", assets.toString(),
                "TEST_ASSET_ETCD", other.resolve("etcd").toString()), tmp.resolve("cache"), List.of());
        assertThat(b.etcd()).isEqualTo(other.resolve("etcd"));
        assertThat(b.apiServer()).isEqualTo(assets.resolve("kube-apiserver"));
    }

    @Test
    void assetsWithoutAllThreeBinariesAreAClearError() throws IOException {
        Path assets = executables(tmp.resolve("envtest"), "kube-apiserver", "etcd");
        assertThatThrownBy(() -> KubeBinaries.resolve(Map.of("KUBEBUILDER_ASSETS", assets.toString()),
                tmp.resolve("cache"), List.of()))
                .isInstanceOf(KubeTestEnvException.class)
                .hasMessageContaining("KUBEBUILDER_ASSETS is set but " + assets.resolve("kubectl") + " is not an executable");
    }

    @Test
    void withoutGoAndAssetsTheFailureIsOneLineSayingWhatToInstall() {
        Path cache = tmp.resolve("cache");
        KubeTestEnvException e = catchThrowableOfType(KubeTestEnvException.class,
                () -> KubeBinaries.resolve(Map.of("PATH", tmp.resolve("empty-bin").toString()), cache, List.of()));
        assertThat(e.getMessage()).doesNotContain("\n")
                .contains("install Go " + Versions.MINIMUM_GO + "+")
                .contains("KUBEBUILDER_ASSETS")
                .contains(KubeBinaries.cacheDir(cache).toString());
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void aCacheWithOurStampOfThePinnedVersionsIsUsedWithoutGo() throws IOException {
        Path cache = tmp.resolve("cache");
        Path dir = executables(KubeBinaries.cacheDir(cache), "kube-apiserver", "etcd", "kubectl");
        Files.writeString(dir.resolve("neo4j-guard-build.properties"), "kube-apiserver=" + Versions.KUBERNETES
                + "\nkubectl=" + Versions.KUBERNETES + "\netcd=" + Versions.ETCD + "\n");
        KubeBinaries b = KubeBinaries.resolve(Map.of("PATH", ""), cache, List.of());
        assertThat(b.apiServer()).isEqualTo(dir.resolve("kube-apiserver"));
        assertThat(b.origin()).startsWith("cache ");
    }

    @Test
    void aStampOfAnotherEtcdVersionMeansRebuild() throws IOException {
        Path dir = executables(KubeBinaries.cacheDir(tmp), "kube-apiserver", "etcd", "kubectl");
        Files.writeString(dir.resolve("neo4j-guard-build.properties"), "kube-apiserver=" + Versions.KUBERNETES
                + "\nkubectl=" + Versions.KUBERNETES + "\netcd=3.5.0\n");
        assertThat(KubeBinaries.upToDate(dir)).isFalse();
    }

    @Test
    void aCacheFilledByHandWithoutStampIsTrusted() throws IOException {
        Path dir = executables(KubeBinaries.cacheDir(tmp), "kube-apiserver", "etcd", "kubectl");
        assertThat(KubeBinaries.upToDate(dir)).isTrue();
        Files.delete(dir.resolve("kubectl"));
        assertThat(KubeBinaries.upToDate(dir)).isFalse();
    }

    @Test
    void theCacheFollowsXdgAndCanBeOverridden() {
        assertThat(KubeBinaries.defaultCacheBase(Map.of("XDG_CACHE_HOME", "/x/cache")))
                .isEqualTo(Path.of("/x/cache/neo4j-guard/kube"));
        assertThat(KubeBinaries.defaultCacheBase(Map.of("NEO4J_GUARD_KUBE_CACHE", "/y", "XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/y"));
        assertThat(KubeBinaries.defaultCacheBase(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "neo4j-guard", "kube"));
        assertThat(KubeBinaries.cacheDir(Path.of("/c")).getFileName().toString())
                .isEqualTo(Versions.KUBERNETES + "-" + Platform.suffix());
    }

    @Test
    void extraToolsComeFromTheirAssetVariableThenKubebuilderAssetsThenTheCache() throws IOException {
        Path assets = executables(tmp.resolve("envtest"), "kube-apiserver", "etcd", "kubectl", "kube-scheduler");
        Path own = executables(tmp.resolve("own"), "kwok");
        Path cache = tmp.resolve("cache");
        Path dir = executables(KubeBinaries.cacheDir(cache), "kube-controller-manager");
        Files.writeString(dir.resolve("neo4j-guard-build.properties"), "kube-controller-manager=" + Versions.KUBERNETES + "\n");

        Map<Tool, Path> got = KubeBinaries.provide(Map.of("KUBEBUILDER_ASSETS", assets.toString(),
                "TEST_ASSET_KWOK", own.resolve("kwok").toString(), "PATH", ""), cache, List.of(), Tool.CLUSTER);

        assertThat(got).containsEntry(Tool.KWOK, own.resolve("kwok"))
                .containsEntry(Tool.KUBE_SCHEDULER, assets.resolve("kube-scheduler"))
                .containsEntry(Tool.KUBE_CONTROLLER_MANAGER, dir.resolve("kube-controller-manager"));
    }

    @Test
    void aToolMissingFromTheCacheWithoutGoIsTheOneLineError() {
        Path cache = tmp.resolve("cache");
        KubeTestEnvException e = catchThrowableOfType(KubeTestEnvException.class,
                () -> KubeBinaries.provide(Map.of("PATH", ""), cache, List.of(), List.of(Tool.KWOK)));
        assertThat(e.getMessage()).doesNotContain("\n").contains("kwok " + Versions.KWOK)
                .contains("install Go " + Versions.MINIMUM_GO + "+");
    }

    @Test
    void anAssetVariableThatIsNotAnExecutableIsAnError() {
        assertThatThrownBy(() -> KubeBinaries.provide(Map.of("TEST_ASSET_KUBE_SCHEDULER", tmp.resolve("nope").toString()),
                tmp.resolve("cache"), List.of(), Tool.CLUSTER))
                .isInstanceOf(KubeTestEnvException.class)
                .hasMessageContaining("TEST_ASSET_KUBE_SCHEDULER=" + tmp.resolve("nope"));
    }

    @Test
    void theControlPlaneIsUpToDateWithoutTheClusterTools() throws IOException {
        Path dir = executables(KubeBinaries.cacheDir(tmp), "kube-apiserver", "etcd", "kubectl");
        Files.writeString(dir.resolve("neo4j-guard-build.properties"), "kube-apiserver=" + Versions.KUBERNETES
                + "\nkubectl=" + Versions.KUBERNETES + "\netcd=" + Versions.ETCD + "\n");
        assertThat(KubeBinaries.upToDate(dir)).isTrue();
        assertThat(KubeBinaries.upToDate(dir, Tool.CLUSTER)).isFalse();
        assertThat(Tool.KUBE_CONTROLLER_MANAGER.assetVariable()).isEqualTo("TEST_ASSET_KUBE_CONTROLLER_MANAGER");
    }

    @Test
    void missingToolsOfOneBuildAreBuiltInOneCallAndStampedSoTheNextCallBuildsNothing() throws IOException {
        Path bin = tmp.resolve("go-bin");
        Files.createDirectories(bin);
        Path go = bin.resolve("go");
        Files.writeString(go, "#!/bin/sh\necho go version go" + Versions.MINIMUM_GO + ".0 linux/amd64\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<List<String>> calls = new java.util.ArrayList<>();
        Tool.Build fake = (b, target, binaries) -> {
            calls.add(binaries);
            for (String name : binaries) {
                try {
                    executables(target, name);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        Tool one = new Tool("one", "1.0", fake);
        Tool two = new Tool("two", "2.0", fake);
        Tool other = new Tool("other", "3.0", (b, target, binaries) -> {
            calls.add(List.of("other build"));
            fake.run(b, target, binaries);
        });
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("PATH", bin.toString());

        KubeBinaries.provide(env, cache, List.of(), List.of(one, other, two));
        assertThat(calls).containsExactly(List.of("one", "two"), List.of("other build"), List.of("other"));
        assertThat(Files.readString(KubeBinaries.cacheDir(cache).resolve("neo4j-guard-build.properties")))
                .contains("one=1.0", "two=2.0", "other=3.0");

        calls.clear();
        KubeBinaries.provide(env, cache, List.of(), List.of(two, other));
        assertThat(calls).isEmpty();
        KubeBinaries.provide(env, cache, List.of(), List.of(new Tool("two", "2.1", fake)));
        assertThat(calls).as("a new version of one tool rebuilds only that tool").containsExactly(List.of("two"));
    }

    static Path executables(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            Path f = dir.resolve(n);
            Files.writeString(f, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
