package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.List;

/** Small manifests for unit tests, written as YAML like the users write them. */
final class Manifests {
    static final String UID = "11111111-2222-4333-8444-555555555555";

    private Manifests() {
    }

    static Resource one(String yaml) {
        try {
            List<Resource> r = new ManifestParser().parse("test.yaml", yaml);
            return r.get(0);
        } catch (ReadException e) {
            throw new AssertionError(e.describe());
        }
    }

    /** A cluster {@code graph} in {@code ns} with the given servers, image tag and extra spec lines (indented 2). */
    static Resource cluster(int servers, String tag, String extraSpec) {
        return cluster("{servers: " + servers + "}", tag, extraSpec);
    }

    /** As {@link #cluster(int, String, String)} with the whole topology as a YAML flow mapping. */
    static Resource cluster(String topology, String tag, String extraSpec) {
        return one("""
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: graph, namespace: ns}
                spec:
                  acceptLicenseAgreement: "yes"
                  image: {repo: neo4j, tag: "%s"}
                  topology: %s
                  storage: {size: 10Gi}
                %s
                """.formatted(tag, topology, extraSpec));
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> of = objects.stream().filter(type::isInstance).map(type::cast).toList();
        if (of.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", got " + of.size());
        }
        return of.get(0);
    }
}
