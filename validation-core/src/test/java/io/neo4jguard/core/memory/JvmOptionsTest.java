package io.neo4jguard.core.memory;

import io.neo4jguard.core.units.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JvmOptionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # JVM size | bytes (-1 = refused)
            4g         | 4294967296
            4G         | 4294967296
            512m       | 536870912
            1024k      | 1048576
            1t         | 1099511627776
            4096       | 4096
            0x100000   | 1048576
            4Gi        | -1
            4GB        | -1
            1.5g       | -1
            -1g        | -1
            ''         | -1
            99999999999999999999 | -1
            9000000000000g | -1
            """)
    void hotSpotSizeGrammar(String text, long bytes) {
        Parsed<Long> p = JvmOptions.size(text == null ? "" : text);
        if (bytes < 0) {
            assertThat(p.ok()).isFalse();
        } else {
            assertThat(p.value()).isEqualTo(bytes);
        }
    }

    @Test
    void kubernetesUnitsGetTheJvmSpelling() {
        assertThat(JvmOptions.fixFromKubernetes("4Gi")).isEqualTo("4g");
        assertThat(JvmOptions.fixFromKubernetes("1536Mi")).isEqualTo("1536m");
        assertThat(JvmOptions.fixFromKubernetes("1.5Gi")).isNull();
        assertThat(JvmOptions.size("4Gi").error()).contains("write 4g");
    }

    @Test
    void theLastHeapFlagWins() {
        JvmOptions o = JvmOptions.parse("  -Xmx1g -XX:+UseG1GC   -XX:MaxHeapSize=3g -Xms512m -XX:MaxRAMPercentage=50.0 ");

        assertThat(o.maxHeap()).map(JvmOptions.Option::text).contains("3g");
        assertThat(o.initialHeap()).map(JvmOptions.Option::token).contains("-Xms512m");
        assertThat(o.maxRamFraction()).contains(0.5);
        assertThat(JvmOptions.parse("-XX:MaxRAMPercentage=abc").maxRamFraction()).isEmpty();
        assertThat(JvmOptions.parse("").maxHeap()).isEmpty();
    }
}
