package io.neo4jguard.reconciler.desired;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case under src/test/resources/cases rendered (defaults, validation, builders, {@link DesiredYaml}) equals its
 * golden file byte for byte. After an intended change: {@code ./mvnw -pl reconciler-lite test -Dtest=GoldenTest
 * -Dgolden.update=true}, then review the diff of src/test/resources/golden like any code change.
 */
class GoldenTest {
    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsGoldenFile() {
        assertThat(Cases.all()).as("cases").hasSizeGreaterThanOrEqualTo(10);
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseFile) throws IOException {
        String actual = DesiredYaml.yaml(Cases.render(caseFile).objects());
        Path golden = Cases.golden(caseFile);
        if (Cases.UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
