package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * The lock file that serialises builds into the cache across JVMs (two modules' test forks, two checkouts):
 * one builds, the others wait and then find the result.
 */
final class BuildLock {
    private BuildLock() {
    }

    /** Runs {@code build} holding {@code <cacheBase>/.build.lock}; says so when it has to wait. */
    static <T> T holding(Path cacheBase, Supplier<T> build) {
        try {
            Files.createDirectories(cacheBase);
            try (FileChannel ch = FileChannel.open(cacheBase.resolve(".build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    Progress.log("another process is building into " + cacheBase + "; waiting for it");
                    lock = ch.lock();
                }
                try {
                    return build.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new KubeTestEnvException("cannot use the cache " + cacheBase + ": " + e.getMessage());
        }
    }
}
