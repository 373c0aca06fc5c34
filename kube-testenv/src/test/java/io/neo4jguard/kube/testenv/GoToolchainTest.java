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

/** Finding go and judging its version, with stand-in scripts for go. */
class GoToolchainTest {
    @TempDir
    Path tmp;

    @Test
    void goIsFoundOnGorootThenPathThenFallbacks() throws IOException {
        Path onPath = fakeGo(tmp.resolve("path"), "go version go1.26.8 linux/amd64");
        Path inRoot = fakeGo(tmp.resolve("root/bin"), "go version go1.26.8 linux/amd64");
        Path fallback = fakeGo(tmp.resolve("fallback"), "go version go1.26.8 linux/amd64");
        assertThat(GoToolchain.locate(Map.of("PATH", onPath.getParent().toString()), List.of(fallback))).contains(onPath);
        assertThat(GoToolchain.locate(Map.of("PATH", onPath.getParent().toString(), "GOROOT", tmp.resolve("root").toString()),
                List.of())).contains(inRoot);
        assertThat(GoToolchain.locate(Map.of("PATH", tmp.resolve("nothing").toString()), List.of(fallback))).contains(fallback);
        assertThat(GoToolchain.locate(Map.of(), List.of())).isEmpty();
    }

    @Test
    void aNewEnoughGoPasses() throws IOException {
        Path go = fakeGo(tmp, "go version go1.26.8 linux/amd64");
        GoToolchain t = GoToolchain.check(go, "1.26", Map.of(), tmp.resolve("logs/go.log"));
        assertThat(t.version()).isEqualTo("1.26.8");
        assertThat(t.executable()).isEqualTo(go);
    }

    @Test
    void anOldGoIsRefusedWithWhatToInstall() throws IOException {
        Path go = fakeGo(tmp, "go version go1.25.3 linux/amd64");
        assertThatThrownBy(() -> GoToolchain.check(go, "1.26", Map.of(), tmp.resolve("logs/go.log")))
                .isInstanceOf(KubeTestEnvException.class)
                .hasMessageContaining("Go 1.25.3 at " + go + " is too old")
                .hasMessageContaining("install Go 1.26 or newer");
    }

    @Test
    void somethingThatIsNotGoIsRefused() throws IOException {
        Path go = fakeGo(tmp, "hello");
        assertThatThrownBy(() -> GoToolchain.check(go, "1.26", Map.of(), tmp.resolve("logs/go.log")))
                .hasMessageContaining("does not report a Go version (hello)");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(GoToolchain.compare("1.26", "1.26.0")).isZero();
        assertThat(GoToolchain.compare("1.9", "1.26")).isNegative();
        assertThat(GoToolchain.compare("1.26.10", "1.26.9")).isPositive();
    }

    private static Path fakeGo(Path dir, String output) throws IOException {
        Files.createDirectories(dir);
        Path go = dir.resolve("go");
        Files.writeString(go, "#!/bin/sh\necho '" + output + "'\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return go;
    }
}
