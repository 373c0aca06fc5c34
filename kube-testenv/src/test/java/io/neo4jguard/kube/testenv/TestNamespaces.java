package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh namespace per test class: the control plane is shared by the whole run and has no controller
 * manager, so namespaces are never really deleted; unique names keep classes from seeing each other's objects.
 */
final class TestNamespaces {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestNamespaces() {
    }

    static String create(KubernetesClient client, String prefix) {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }
}
