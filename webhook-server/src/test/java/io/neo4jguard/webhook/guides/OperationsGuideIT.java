package io.neo4jguard.webhook.guides;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md's shell blocks, in order and in one shell (the first starts {@code serve} in the
 * background, the last stops it), on free loopback ports; then what they printed and wrote is checked.
 */
class OperationsGuideIT {
    @TempDir
    Path dir;

    @Test
    void theWalkThroughRunsAsWritten() throws Exception {
        List<String> blocks = DocBlocks.blocks(DocBlocks.doc("operations.md"), "sh");
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
        // If a block fails midway the server must not outlive the test.
        String script = "trap 'if [ -f serve.pid ]; then kill \"$(cat serve.pid)\" 2>/dev/null || true; fi' EXIT\n"
                + String.join("\n", blocks);
        GuideShell.Result r = new GuideShell(dir).run(script, Map.of(
                "NEO4J_GUARD_PORT", Integer.toString(freePort()),
                "NEO4J_GUARD_METRICS_PORT", Integer.toString(freePort())));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("metrics block").contains("neo4j_guard_certificate_expiry_timestamp_seconds{")
                .as("rotate --dry-run").containsIgnoringCase("serving");
        assertThat(Files.readString(dir.resolve("review.json"))).contains("\"allowed\":false")
                .contains("memory.kubernetes-unit");
        assertThat(r.output()).as("the decision line grep printed").contains("\"uid\":\"ops-1\"");
        assertThat(Files.readString(dir.resolve("decisions.log"))).contains("\"allowed\":false");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
