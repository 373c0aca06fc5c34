package io.neo4jguard.reconciler.loop;

import java.util.Objects;

/**
 * The work-queue key: which custom resource to reconcile. Only the identity goes on the queue, never the object:
 * a worker reads the newest state from the informer cache when it gets to the key, so ten events for one object
 * while it waits become one reconcile (client-go's workqueue does the same with namespace/name strings).
 */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
