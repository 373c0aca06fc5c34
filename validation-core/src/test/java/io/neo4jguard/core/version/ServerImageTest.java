package io.neo4jguard.core.version;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.units.Parsed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerImageTest {
    private static Parsed<Neo4jVersion> version(String image) throws Exception {
        Resource r = new ManifestParser().parse("c.yaml", """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph}
                spec:
                """ + image).get(0);
        return ServerImage.version(r);
    }

    @Test
    void readsTheTag() throws Exception {
        assertThat(version("  image: {repo: neo4j, tag: 5.26.0-enterprise}\n").value())
                .isEqualTo(Neo4jVersion.parse("5.26.0-enterprise").value());
        assertThat(version("  image: {repo: neo4j, tag: \"2025.10\"}\n").value().toString()).isEqualTo("2025.10");
    }

    @Test
    void anUnquotedNumberTagSaysToQuoteIt() throws Exception {
        assertThat(version("  image: {repo: neo4j, tag: 5.26}\n").error()).contains("quote it: tag: \"5.26\"");
        assertThat(version("  image: {repo: neo4j, tag: 2025.10}\n").error()).contains("written as a number");
    }

    @Test
    void aMissingTagIsAnError() throws Exception {
        assertThat(version("  image: {repo: neo4j}\n").error()).contains("has no spec.image.tag");
        assertThat(version("  image: neo4j:5.26.0\n").error()).contains("has no spec.image.tag");
    }
}
