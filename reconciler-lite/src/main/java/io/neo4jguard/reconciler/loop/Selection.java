package io.neo4jguard.reconciler.loop;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which custom resources this controller manages, so it can share a cluster with the reference operator:
 * <ul>
 *   <li>annotation {@value #ANNOTATION}{@code : "true"} selects an object wherever it is;</li>
 *   <li>{@code "false"} excludes it even in a selected namespace (an escape hatch per object);</li>
 *   <li>otherwise an object is selected when its namespace's labels match the namespace selector; without a
 *       selector, only annotated objects are managed (nothing is taken over by surprise).</li>
 * </ul>
 */
public final class Selection {
    public static final String ANNOTATION = "neo4j-guard.io/reconcile";

    private final Optional<NamespaceSelector> namespaces;
    private final Function<String, Map<String, String>> namespaceLabels;

    /**
     * @param namespaceLabels the labels of a namespace by name (from an informer); null when it is not known
     */
    public Selection(Optional<NamespaceSelector> namespaces, Function<String, Map<String, String>> namespaceLabels) {
        this.namespaces = namespaces;
        this.namespaceLabels = namespaceLabels;
    }

    public static Selection annotatedOnly() {
        return new Selection(Optional.empty(), ns -> null);
    }

    public boolean usesNamespaces() {
        return namespaces.isPresent();
    }

    public boolean selects(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String flag = annotations == null ? null : annotations.get(ANNOTATION);
        if ("true".equals(flag)) {
            return true;
        }
        if ("false".equals(flag) || namespaces.isEmpty()) {
            return false;
        }
        Map<String, String> labels = namespaceLabels.apply(object.getMetadata().getNamespace());
        return labels != null && namespaces.get().matches(labels);
    }
}
