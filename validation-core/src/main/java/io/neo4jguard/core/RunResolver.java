package io.neo4jguard.core;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers references from the objects of one CLI run: every object given, of any kind (Secrets and
 * ConfigMaps too, as context), with a manifest's missing namespace read as {@code default}. Whatever is
 * not among them is NOT_FOUND; that is authoritative only with {@code --strict-refs}, since by default
 * the target may already run in the cluster the manifests are meant for. When the run holds the same
 * object twice, the first in {@link RunOrder} answers, whatever the order the objects were given in.
 */
public final class RunResolver implements Resolver {
    private final Map<ObjectKey, Resource> byKey = new HashMap<>();
    private final Map<String, List<Resource>> byKindAndNamespace = new HashMap<>();
    private final boolean authoritative;

    public RunResolver(List<Resource> objects, boolean authoritative) {
        this.authoritative = authoritative;
        List<Resource> sorted = new ArrayList<>(objects);
        sorted.sort(RunOrder.ORDER);
        for (Resource r : sorted) {
            if (Kinds.ALL.contains(r.kind()) && !r.isOurs()) {
                // A kind of ours under a foreign apiVersion is not what a clusterRef points at.
                continue;
            }
            if (byKey.putIfAbsent(ObjectKey.of(r), r) != null) {
                continue;
            }
            byKindAndNamespace.computeIfAbsent(r.kind() + "/" + r.effectiveNamespace(),
                    k -> new ArrayList<>()).add(r);
        }
    }

    @Override
    public Resolution resolve(String kind, String namespace, String name) {
        Resource r = byKey.get(new ObjectKey(kind, Resource.effectiveNamespace(namespace), name));
        return r == null ? Resolution.notFound() : Resolution.found(r);
    }

    @Override
    public List<Resource> list(String kind, String namespace) {
        return List.copyOf(byKindAndNamespace.getOrDefault(kind + "/" + Resource.effectiveNamespace(namespace),
                List.of()));
    }

    @Override
    public boolean authoritative() {
        return authoritative;
    }
}
