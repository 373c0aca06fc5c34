package io.neo4jguard.kube.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GoBuild#build} with the real Go toolchain on a module of our own, offline: a package path ending in a
 * major-version suffix, as etcd's {@code go.etcd.io/etcd/server/v3}, still lands under the binary name asked for.
 * (On a machine with warm caches the etcd build never runs, which is how a build that wrote {@code server}
 * instead of {@code etcd} passed every warm run and failed the first cold one.)
 */
class GoBuildIT {
    @Test
    void aPackageWithAMajorVersionSuffixIsBuiltUnderTheBinaryNameAskedFor(@TempDir Path tmp) throws Exception {
        var go = GoToolchain.locate(System.getenv(), GoToolchain.DEFAULT_FALLBACKS);
        assertThat(go).as("a Go toolchain (every kube-apiserver IT needs one too)").isPresent();
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("go.mod"), "module neo4j-guard.invalid/etcd/server/v3\n\ngo 1.21\n");
        Files.writeString(work.resolve("main.go"), "package main\n\nfunc main() {}\n");
        Path target = Files.createDirectories(tmp.resolve("bin"));
        Path log = work.resolve("build.log");
        GoToolchain toolchain = GoToolchain.check(go.get(), "1.21", GoBuild.environment(System.getenv()), log);

        new GoBuild(toolchain, tmp.resolve("build"), System.getenv())
                .build(work, log, target, List.of("etcd"), List.of("-ldflags", "-s -w"), List.of("neo4j-guard.invalid/etcd/server/v3"));

        assertThat(target.resolve("etcd")).isRegularFile().isExecutable();
        try (var left = Files.list(target)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("nothing but the binary").containsExactly("etcd");
        }
    }
}
