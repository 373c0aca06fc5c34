package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class StorageCheckTest {
    private final StorageCheck check = new StorageCheck();

    private List<Finding> size(String size) {
        return run(check, cluster("storage:\n  size: \"" + size + "\""));
    }

    @ParameterizedTest(name = "size {0}: {1} {2}")
    @CsvSource({
            // size, rule ("" = none), fix ("" = none)
            "100Gi, '', ''",
            "1Ti, '', ''",
            "100.5Gi, '', ''",
            "1Pi, '', ''",
            "1e10, '', ''",
            "2048M, '', ''",
            "1073741824, '', ''",
            "1Gi, '', ''",
            "1073741823, storage.size-small, ''",
            "1e9, storage.size-small, ''",
            "512Mi, storage.size-small, ''",
            "1, storage.size-small, ''",
            "0, storage.size-invalid, ''",
            "0Gi, storage.size-invalid, ''",
            "-1Gi, storage.size-invalid, ''",
            "10g, storage.size-invalid, 10Gi",
            "10GB, storage.size-invalid, 10Gi",
            "10gb, storage.size-invalid, 10Gi",
            "1.5g, storage.size-invalid, 1536Mi",
            "512MB, storage.size-invalid, 512Mi",
            "500m, storage.size-invalid, 500Mi",
            "100 Gi, storage.size-invalid, ''",
            "Gi, storage.size-invalid, ''",
            "lots, storage.size-invalid, ''",
    })
    void sizes(String size, String rule, String fix) {
        List<Finding> fs = size(size);
        if (rule.isEmpty()) {
            assertThat(fs).isEmpty();
            return;
        }
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.field()).isEqualTo("spec.storage.size");
            if (fix.isEmpty()) {
                assertThat(f.fix()).isEmpty();
            } else {
                assertThat(f.hint()).contains(fix);
                assertThat(f.fix()).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("/spec/storage/size");
                    assertThat(p.value().textValue()).isEqualTo(fix);
                });
            }
        });
    }

    @Test
    void milliIsExplained() {
        assertThat(size("500m").get(0).message()).contains("0.5 bytes").contains("m means milli");
    }

    @Test
    void sizeRequiredForBothKinds() {
        assertThat(at(run(check, cluster("storage: {className: fast}"))))
                .containsExactly("storage.size-required@spec.storage.size");
        assertThat(at(run(check, standalone("image: {repo: neo4j}"))))
                .containsExactly("storage.size-required@spec.storage.size");
        assertThat(at(run(check, standalone("storage: {size: \"\"}"))))
                .containsExactly("storage.size-required@spec.storage.size");
    }

    @Test
    void standaloneSizeIsCheckedToo() {
        // The reference checks only "required" for standalones.
        assertThat(at(run(check, standalone("storage: {size: 10g}"))))
                .containsExactly("storage.size-invalid@spec.storage.size");
    }

    @ParameterizedTest(name = "className {0}")
    @CsvSource({
            "'', true",
            "standard, true",
            "fast-ssd, true",
            "ebs.csi.aws.com-gp3, true",
            "Fast_SSD, false",
            "-ssd, false",
    })
    void className(String name, boolean ok) {
        List<Finding> fs = run(check, cluster("storage: {size: 10Gi, className: \"" + name + "\"}"));
        if (ok) {
            assertThat(fs).isEmpty();
        } else {
            assertThat(at(fs)).containsExactly("storage.class-name-invalid@spec.storage.className");
        }
    }

    @ParameterizedTest(name = "retentionPolicy {0}")
    @CsvSource({
            "Delete, ''",
            "Retain, ''",
            "'', ''",
            "retain, Retain",
            "DELETE, Delete",
            "Keep, -",
    })
    void retention(String policy, String fix) {
        List<Finding> fs = run(check, standalone("storage: {size: 10Gi, retentionPolicy: \"" + policy + "\"}"));
        if (fix.isEmpty()) {
            assertThat(fs).isEmpty();
            return;
        }
        assertThat(at(fs)).containsExactly("storage.retention-policy@spec.storage.retentionPolicy");
        if (fix.equals("-")) {
            assertThat(fs.get(0).fix()).isEmpty();
        } else {
            assertThat(fs.get(0).fix().get(0).value().textValue()).isEqualTo(fix);
        }
    }

    @Test
    void quantityFormatting() {
        assertThat(StorageCheck.quantity(10L << 30)).isEqualTo("10Gi");
        assertThat(StorageCheck.quantity(1L << 40)).isEqualTo("1Ti");
        assertThat(StorageCheck.quantity(1536L << 20)).isEqualTo("1536Mi");
        assertThat(StorageCheck.quantity(1000)).isEqualTo("1000");
        assertThat(StorageCheck.fromNeo4jSize("4g")).isEqualTo("4Gi");
        assertThat(StorageCheck.fromNeo4jSize("4Gi")).isNull();
    }
}
