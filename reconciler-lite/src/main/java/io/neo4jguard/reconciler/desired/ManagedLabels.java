package io.neo4jguard.reconciler.desired;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every object reconciler-lite creates: Kubernetes' recommended {@code app.kubernetes.io/*}
 * labels, so {@code kubectl get all -l app.kubernetes.io/managed-by=neo4j-guard} lists them and the controller's
 * informers can select exactly its own objects ({@link #MANAGED_SELECTOR}). Pods carry the same labels through
 * the pod templates, minus nothing: the StatefulSet selector is {@link #serverSelector(String)}.
 */
public final class ManagedLabels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    /** The kind of the custom resource an object belongs to (Kubernetes labels cannot hold the owner's uid usefully). */
    public static final String OWNER_KIND = "neo4j-guard.io/owner-kind";

    /** Value of {@link #MANAGED_BY}: the controller's field manager name too. */
    public static final String MANAGER = "neo4j-guard";
    /** Value of {@link #NAME}: the application every object serves. */
    public static final String APP = "neo4j";
    public static final String COMPONENT_SERVER = "server";
    public static final String COMPONENT_BACKUP = "backup";

    /** Label selector (string form) matching every object reconciler-lite creates. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

    /** Pod-template annotation holding the sha256 of the rendered neo4j.conf: a change rolls the pods. */
    public static final String CONFIG_HASH = "neo4j-guard.io/config-hash";

    private ManagedLabels() {
    }

    /** The labels of an object created for the custom resource {@code ownerKind/ownerName}. */
    public static Map<String, String> of(String ownerKind, String ownerName, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP);
        labels.put(INSTANCE, ownerName);
        labels.put(COMPONENT, component);
        labels.put(MANAGED_BY, MANAGER);
        labels.put(OWNER_KIND, ownerKind);
        return labels;
    }

    /**
     * The immutable StatefulSet/Service selector of a cluster's or standalone's server pods. Deliberately without
     * {@link #MANAGED_BY} and {@link #OWNER_KIND}: a selector can never change after creation, and these two are
     * bookkeeping, not identity.
     */
    public static Map<String, String> serverSelector(String ownerName) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(NAME, APP);
        s.put(INSTANCE, ownerName);
        s.put(COMPONENT, COMPONENT_SERVER);
        return s;
    }
}
