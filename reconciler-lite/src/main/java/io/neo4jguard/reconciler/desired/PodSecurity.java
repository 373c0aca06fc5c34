package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * Security contexts of server and backup pods: the Pod Security Standards "restricted" profile, as uid/gid 7474,
 * the {@code neo4j} user of the official image (its files and NEO4J_HOME belong to 7474). A
 * {@code spec.securityContext.podSecurityContext} / {@code containerSecurityContext} replaces ours whole (OpenShift
 * assigns its own uid range, and a merge of half of each would satisfy neither).
 */
final class PodSecurity {
    /** The uid and gid of the {@code neo4j} user in the official image. */
    static final long NEO4J_UID = 7474L;

    private PodSecurity() {
    }

    static PodSecurityContext pod(JsonNode userSecurityContext) {
        return Specs.read(userSecurityContext.path("podSecurityContext"), PodSecurityContext.class)
                .orElseGet(() -> new PodSecurityContextBuilder()
                        .withRunAsUser(NEO4J_UID).withRunAsGroup(NEO4J_UID).withFsGroup(NEO4J_UID)
                        .withRunAsNonRoot(true)
                        // OnRootMismatch: chown the volume only when its root is not ours yet. "Always" (the
                        // chart's choice) walks every file of a multi-terabyte store on each restart.
                        .withFsGroupChangePolicy("OnRootMismatch")
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                        .build());
    }

    static SecurityContext container(JsonNode userSecurityContext) {
        return Specs.read(userSecurityContext.path("containerSecurityContext"), SecurityContext.class)
                .orElseGet(() -> new SecurityContextBuilder()
                        .withAllowPrivilegeEscalation(false)
                        .withNewCapabilities().addToDrop("ALL").endCapabilities()
                        .withRunAsNonRoot(true)
                        // The image's entrypoint writes the effective neo4j.conf into NEO4J_HOME/conf at start.
                        .withReadOnlyRootFilesystem(false)
                        .build());
    }
}
