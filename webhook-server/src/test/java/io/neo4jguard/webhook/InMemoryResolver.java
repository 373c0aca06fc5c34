package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cluster's objects for tests: an authoritative resolver over what was put in. */
final class InMemoryResolver implements Resolver {
    private final Map<String, Resource> objects = new ConcurrentHashMap<>();

    InMemoryResolver put(ObjectNode object) {
        Resource r = Resource.of(object);
        objects.put(key(r.kind(), r.namespace(), r.name()), r);
        return this;
    }

    @Override
    public Resolution resolve(String kind, String namespace, String name) {
        Resource r = objects.get(key(kind, namespace, name));
        return r == null ? Resolution.notFound() : Resolution.found(r);
    }

    @Override
    public List<Resource> list(String kind, String namespace) {
        return objects.values().stream().filter(r -> r.kind().equals(kind) && r.namespace().equals(namespace)).toList();
    }

    @Override
    public boolean authoritative() {
        return true;
    }

    private static String key(String kind, String ns, String name) {
        return kind + "/" + ns + "/" + name;
    }
}
