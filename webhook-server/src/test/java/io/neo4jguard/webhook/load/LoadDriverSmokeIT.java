package io.neo4jguard.webhook.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load driver works end to end (a second at 50 req/s); the real measurement is load/run.sh. */
class LoadDriverSmokeIT {
    @Test
    void measuresAServeProcess() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.neo4jguard.webhook.Main", "serve");
        String report = LoadDriver.run(command, List.of("50"), 1, 1);
        assertThat(report).containsPattern("cold start to ready: \\d+ ms");
        assertThat(report).containsPattern("\\| 50 \\| \\d+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| 0 \\| [0-9.]+ \\| [0-9.]+ \\| \\d+ \\| \\d+ \\|");
    }
}
