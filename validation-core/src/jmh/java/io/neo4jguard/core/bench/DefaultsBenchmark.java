package io.neo4jguard.core.bench;

import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.read.ManifestParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Defaults#patch} (the mutating webhook's work per admission request) in patches per second, on the
 * production-shaped cluster of {@link ValidateBenchmark} in three states: as users usually write it (a memory
 * limit, no pools, no placement: every default applies), already defaulted (the re-apply case: an empty
 * patch), and with its own pools and affinity (only the backup listen address is added).
 *
 * <p>Run: {@code ./mvnw -q -pl validation-core -Pjmh test-compile exec:exec@jmh -Djmh.args="DefaultsBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DefaultsBenchmark {
    Defaults defaults;
    Resource fresh;
    Resource defaulted;
    Resource configured;

    @Setup
    public void setup() throws Exception {
        defaults = Defaults.standard();
        ManifestParser parser = new ManifestParser();
        configured = parser.parse("configured.yaml", ValidateBenchmark.CLUSTER).get(0);
        String bare = ValidateBenchmark.CLUSTER
                .replaceAll("(?m)^    server\\.memory\\..*\\n", "")
                .replaceAll("(?s)  affinity:\\n.*?(?=  backups:)", "");
        fresh = parser.parse("fresh.yaml", bare).get(0);
        if (defaults.patch(fresh).size() < 2 || !defaults.patch(Resource.of(defaults.apply(fresh))).isEmpty()) {
            throw new IllegalStateException("the benchmark's cluster does not exercise the defaults");
        }
        defaulted = Resource.of(defaults.apply(fresh));
    }

    /** Heap, page cache, placement and backup listen address: the full patch. */
    @Benchmark
    public List<PatchOperation> patchFresh() {
        return defaults.patch(fresh);
    }

    @Benchmark
    public List<PatchOperation> patchAlreadyDefaulted() {
        return defaults.patch(defaulted);
    }

    @Benchmark
    public List<PatchOperation> patchConfigured() {
        return defaults.patch(configured);
    }
}
