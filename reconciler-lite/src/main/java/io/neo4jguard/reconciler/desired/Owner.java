package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.neo4jguard.core.api.Resource;

import java.util.List;
import java.util.Map;

/**
 * The custom resource the desired objects belong to: their namespace, the prefix of their names, their labels
 * and their owner reference.
 *
 * @param uid {@code metadata.uid} of the resource; given by the caller because a manifest read by {@code render}
 *            has none yet
 */
record Owner(String apiVersion, String kind, String name, String namespace, String uid) {
    /** What kubectl assumes for a manifest without a namespace. */
    static final String DEFAULT_NAMESPACE = "default";

    Owner {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(kind + " has no metadata.name");
        }
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException(kind + "/" + name + ": the owner's uid is required for owner references");
        }
    }

    static Owner of(Resource r, String uid) {
        return new Owner(r.apiVersion(), r.kind(), r.name(), namespaceOf(r), uid);
    }

    static String namespaceOf(Resource r) {
        return r.namespace().isEmpty() ? DEFAULT_NAMESPACE : r.namespace();
    }

    /**
     * The owner reference: {@code controller: true} marks us as the one controller of the object (another
     * controller's object of the same name is a conflict the runtime reports); {@code blockOwnerDeletion: true}
     * makes a foreground delete of the resource wait for its objects.
     */
    OwnerReference reference() {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name).withUid(uid)
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    Map<String, String> labels(String component) {
        return ManagedLabels.of(kind, name, component);
    }

    /** Metadata of an owned object: name, namespace, labels, owner reference. */
    ObjectMeta meta(String objectName, String component) {
        return new ObjectMetaBuilder().withName(objectName).withNamespace(namespace).withLabels(labels(component))
                .withOwnerReferences(List.of(reference())).build();
    }
}
