package io.neo4jguard.core.schema;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.neo4jguard.core.api.Kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each kind is named and listed by {@code kubectl}: plural, short names and the printer columns. Kept as
 * data beside the generator, one entry per kind. Plural and singular follow the operator's CRDs (lower-case
 * kind, plural with "s"), so our manifests and the operator's name the same resources; the short names are
 * ours ({@code n4j} plus the kind's initials) and every kind is in the {@code neo4j} category, so
 * {@code kubectl get neo4j} lists them all.
 */
record CrdPresentation(String kind, List<String> shortNames, List<Column> columns) {
    static final String CATEGORY = "neo4j";

    /** One printer column; {@code priority} 1 hides it unless {@code kubectl get -o wide}. */
    record Column(String name, String type, String jsonPath, String description, int priority) {
        CustomResourceColumnDefinition toModel() {
            CustomResourceColumnDefinition c = new CustomResourceColumnDefinition();
            c.setName(name);
            c.setType(type);
            c.setJsonPath(jsonPath);
            c.setDescription(description);
            c.setPriority(priority == 0 ? null : priority);
            return c;
        }
    }

    private static final Column CLUSTER_REF = new Column("Cluster", "string", ".spec.clusterRef",
            "The cluster or standalone this object belongs to", 0);
    private static final Column INSTANCE_REF = new Column("Instance", "string", ".spec.instanceRef",
            "The cluster or standalone it acts on", 0);
    private static final Column PHASE = new Column("Phase", "string", ".status.phase",
            "Phase reported by the operator", 0);
    /** kubectl prints a date column as the age ("5m"), the convention for the last column. */
    private static final Column AGE = new Column("Age", "date", ".metadata.creationTimestamp",
            "Time since the object was created", 0);

    private static final Map<String, CrdPresentation> ALL = Map.of(
            Kinds.CLUSTER, new CrdPresentation(Kinds.CLUSTER, List.of("n4jc"), List.of(
                    new Column("Servers", "integer", ".spec.topology.servers", "Number of Neo4j servers", 0),
                    new Column("Version", "string", ".spec.image.tag", "Neo4j image tag", 0),
                    PHASE, AGE)),
            Kinds.STANDALONE, new CrdPresentation(Kinds.STANDALONE, List.of("n4js"), List.of(
                    new Column("Version", "string", ".spec.image.tag", "Neo4j image tag", 0),
                    PHASE, AGE)),
            Kinds.DATABASE, new CrdPresentation(Kinds.DATABASE, List.of("n4jdb"), List.of(
                    CLUSTER_REF,
                    new Column("Database", "string", ".spec.name", "Database name in Neo4j", 0),
                    PHASE, AGE)),
            Kinds.PLUGIN, new CrdPresentation(Kinds.PLUGIN, List.of("n4jp"), List.of(
                    CLUSTER_REF,
                    new Column("Plugin", "string", ".spec.name", "Plugin name", 0),
                    new Column("Version", "string", ".spec.version", "Plugin version", 0),
                    PHASE, AGE)),
            Kinds.BACKUP, new CrdPresentation(Kinds.BACKUP, List.of("n4jb"), List.of(
                    INSTANCE_REF,
                    new Column("Storage", "string", ".spec.storage.type", "s3, gcs, azure or pvc", 0),
                    new Column("Schedule", "string", ".spec.schedule", "Cron schedule; empty for a one-shot backup", 0),
                    PHASE, AGE)),
            Kinds.RESTORE, new CrdPresentation(Kinds.RESTORE, List.of("n4jr"), List.of(
                    INSTANCE_REF,
                    new Column("Database", "string", ".spec.database", "Database restored", 0),
                    PHASE, AGE)),
            Kinds.USER, new CrdPresentation(Kinds.USER, List.of("n4ju"), List.of(
                    CLUSTER_REF,
                    new Column("Username", "string", ".spec.username", "User name in Neo4j", 0),
                    new Column("Account", "string", ".spec.accountStatus", "active or suspended", 1),
                    PHASE, AGE)),
            Kinds.ROLE, new CrdPresentation(Kinds.ROLE, List.of("n4jrole"), List.of(
                    CLUSTER_REF,
                    new Column("Role", "string", ".spec.name", "Role name in Neo4j", 0),
                    PHASE, AGE)),
            Kinds.ROLE_BINDING, new CrdPresentation(Kinds.ROLE_BINDING, List.of("n4jrb"), List.of(
                    CLUSTER_REF,
                    new Column("Username", "string", ".spec.username", "User whose roles are managed", 0),
                    new Column("Roles", "string", ".spec.roles", "Roles granted", 1),
                    PHASE, AGE)),
            Kinds.AUTH_RULE, new CrdPresentation(Kinds.AUTH_RULE, List.of("n4jar"), List.of(
                    CLUSTER_REF,
                    new Column("Rule", "string", ".spec.name", "Auth rule name in Neo4j", 0),
                    new Column("Enabled", "boolean", ".spec.enabled", "Whether the rule is active", 0),
                    PHASE, AGE)));

    static CrdPresentation of(String kind) {
        CrdPresentation p = ALL.get(kind);
        if (p == null) {
            throw new IllegalArgumentException("not one of our kinds: " + kind);
        }
        return p;
    }

    String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    String plural() {
        return singular() + "s";
    }

    /** The CRD's name, {@code <plural>.<group>}, also its file name in charts/. */
    String crdName() {
        return plural() + "." + Kinds.GROUP;
    }

    List<CustomResourceColumnDefinition> columnModels() {
        List<CustomResourceColumnDefinition> out = new ArrayList<>();
        columns.forEach(c -> out.add(c.toModel()));
        return out;
    }
}
