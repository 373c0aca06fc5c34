package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestParserTest {
    @Test
    void keepsLineAndColumnOfEveryField() throws Exception {
        List<Resource> rs = new ManifestParser().parse("c.yaml", """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata:
                  name: graph
                spec:
                  topology:
                    servers: 2
                  config:
                    server.memory.heap.max_size: 4Gi
                  extraVolumeMounts:
                    - name: a
                      mountPath: /data
                """);
        Resource r = rs.get(0);
        assertThat(r.locate("spec.topology.servers").line()).isEqualTo(7);
        assertThat(r.locate("spec.topology.servers").column()).isEqualTo(5);
        assertThat(r.locate("spec.config[server.memory.heap.max_size]").line()).isEqualTo(9);
        assertThat(r.locate("spec.extraVolumeMounts[0].mountPath").line()).isEqualTo(12);
        assertThat(r.locate("spec.extraVolumeMounts[0].nope").line()).isEqualTo(11);
    }

    @Test
    void typesPlainScalarsLikeKubectl() throws Exception {
        Resource r = new ManifestParser().parse("c.yaml", """
                apiVersion: v1
                kind: X
                spec: {a: yes, b: 5.26, c: "yes", d: 0x10, e: ~}
                """).get(0);
        assertThat(r.tree().at("/spec/a").isBoolean()).isTrue();
        assertThat(r.tree().at("/spec/b").isNumber()).isTrue();
        assertThat(r.tree().at("/spec/c").isTextual()).isTrue();
        assertThat(r.tree().at("/spec/d").intValue()).isEqualTo(16);
        assertThat(r.tree().at("/spec/e").isNull()).isTrue();
    }
}
