package io.neo4jguard.core.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MountPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # raw path                       | normalised
            /data                            | /data
            /data/                           | /data
            //data                           | /data
            /data/.                          | /data
            /./data//x/                      | /data/x
            /var/lib/neo4j/../neo4j/conf     | /var/lib/neo4j/conf
            /../../etc                       | /etc
            /                                | /
            /import/..                       | /
            """)
    void normalisesLikePathClean(String raw, String normal) {
        assertThat(MountPaths.normalise(raw)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # normalised path         | reason starts with
            /data                     | /data is reserved
            /data/transactions        | inside /data
            /var/lib/neo4j            | /var/lib/neo4j must stay visible
            /var                      | a mount at /var hides /var/lib/neo4j/data
            /                         | a mount at / hides /data
            """)
    void reservedSaysWhy(String path, String reason) {
        assertThat(MountPaths.reserved(path)).hasValueSatisfying(why -> assertThat(why).startsWith(reason));
    }

    @ParameterizedTest
    @CsvSource({"/import", "/var/lib/neo4j/import", "/datasets", "/data2"})
    void ordinaryPathsAreFree(String path) {
        assertThat(MountPaths.reserved(path)).isEmpty();
    }
}
