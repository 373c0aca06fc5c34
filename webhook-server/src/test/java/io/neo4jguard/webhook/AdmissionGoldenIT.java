package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden AdmissionReviews: each {@code src/test/resources/admission/<webhook>-<case>.request.json} is
 * posted to {@code /<webhook>} of a real server over HTTPS and the answer must equal
 * {@code <webhook>-<case>.response.json}. Cases named {@code <webhook>-bad-<case>} are bodies we cannot
 * answer with a review: HTTP 400 and a Status. Regenerate after an intended change with
 * {@code -Dneo4jguard.regenerate=true} and review the diff.
 */
class AdmissionGoldenIT {
    @TempDir
    static Path certs;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(certs);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> goldenReviews() throws IOException, URISyntaxException {
        Path dir = Path.of(AdmissionGoldenIT.class.getResource("/admission").toURI());
        List<Path> requests;
        try (Stream<Path> s = Files.list(dir)) {
            requests = s.filter(p -> p.getFileName().toString().endsWith(".request.json")).sorted().toList();
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(18);
        return requests.stream().map(req -> DynamicTest.dynamicTest(req.getFileName().toString(), () -> {
            String name = req.getFileName().toString().replace(".request.json", "");
            String webhook = name.substring(0, name.indexOf('-'));
            boolean bad = name.contains("-bad-");
            HttpResponse<String> r = server.post("/" + webhook, Files.readAllBytes(req));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(bad ? 400 : 200);
            JsonNode actual = TestServer.JSON.readTree(r.body());
            Path expectedFile = req.resolveSibling(name + ".response.json");
            if (Boolean.getBoolean("neo4jguard.regenerate")) {
                Path source = Path.of("src/test/resources/admission").resolve(expectedFile.getFileName());
                Files.writeString(source, TestServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            }
            assertThat(Files.exists(expectedFile)).as("golden file " + expectedFile.getFileName()).isTrue();
            JsonNode expected = TestServer.JSON.readTree(Files.readString(expectedFile));
            assertThat(actual).as(name).isEqualTo(expected);
            if (bad) {
                return;
            }
            // The review echoes the request's uid whatever the outcome.
            JsonNode request = TestServer.JSON.readTree(Files.readString(req));
            assertThat(actual.path("response").path("uid")).isEqualTo(request.path("request").path("uid"));
        }));
    }
}
