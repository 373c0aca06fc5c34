package io.neo4jguard.kube.testenv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sample objects of src/test/resources/samples/all-kinds.yaml, read with our own manifest reader. */
final class Samples {
    static final String FILE = "samples/all-kinds.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    static String text() {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Resource> resources() {
        try {
            return new ManifestParser().parse(FILE, text());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** Each of our kinds to a fresh copy of its object (JSON tree), in file order. */
    static Map<String, ObjectNode> byKind() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (Resource r : resources()) {
            if (Kinds.isOurs(r.apiVersion(), r.kind())) {
                out.put(r.kind(), r.tree().deepCopy());
            }
        }
        return out;
    }

    /** The other objects the samples refer to (the Secret of the user's password). */
    static List<ObjectNode> supporting() {
        return resources().stream().filter(r -> !Kinds.isOurs(r.apiVersion(), r.kind()))
                .map(r -> (ObjectNode) r.tree().deepCopy()).toList();
    }

    static ObjectMapper json() {
        return JSON;
    }
}
