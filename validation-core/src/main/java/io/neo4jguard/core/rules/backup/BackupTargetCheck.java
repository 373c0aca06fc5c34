package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Neo4jBackup backs up: the instance ({@code instanceRef}: a Neo4jEnterpriseCluster or
 * Neo4jEnterpriseStandalone in the same namespace) and exactly one scope: one {@code database}, every
 * database ({@code allDatabases: true}), or one sharded database family ({@code shardedDatabase}).
 */
public final class BackupTargetCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP);

    public static final RuleMeta INSTANCE_REF = new RuleMeta("backup.instance-ref-required",
            "A backup needs instanceRef", Severity.ERROR, KINDS,
            "instanceRef names the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone to back up; the operator "
                    + "checks it before anything else and does nothing without it. (The older spec.target "
                    + "{kind, name, clusterRef} form was replaced by instanceRef plus a scope field.)",
            "Set spec.instanceRef to the cluster or standalone name, and one of database, allDatabases or "
                    + "shardedDatabase.",
            "spec:\n  instanceRef: graph\n  allDatabases: true");

    public static final RuleMeta SCOPE_REQUIRED = new RuleMeta("backup.scope-required",
            "A backup needs a scope", Severity.ERROR, KINDS,
            "The operator must know whether to back up one database, every database or a sharded family; with none "
                    + "of database, allDatabases: true and shardedDatabase it refuses the backup.",
            "Set exactly one of database, allDatabases: true or shardedDatabase.",
            "spec:\n  instanceRef: graph\n  database: orders");

    public static final RuleMeta SCOPE_CONFLICT = new RuleMeta("backup.scope-conflict",
            "database, allDatabases and shardedDatabase are mutually exclusive", Severity.ERROR, KINDS,
            "neo4j-admin backs up either one database (or one shard glob) or all of them; the operator refuses a "
                    + "backup that asks for more than one scope instead of guessing.",
            "Keep exactly one of database, allDatabases: true and shardedDatabase.",
            "spec:\n  instanceRef: graph\n  allDatabases: true");

    public static final RuleMeta DATABASE_NAME = new RuleMeta("backup.database-name",
            "Backup database must be a valid Neo4j database name", Severity.ERROR, KINDS,
            "The CRD restricts spec.database to a letter followed by letters, digits, dots and dashes, at most 65 "
                    + "characters: the name is placed on the neo4j-admin command line, and underscores or spaces "
                    + "are not valid Neo4j database names anyway.",
            "Use the database's real Neo4j name (letters, digits, '.', '-').",
            "spec:\n  database: tenant-a-prod");

    public static final RuleMeta SHARDED_NAME = new RuleMeta("backup.sharded-database-name",
            "shardedDatabase must name a Neo4jShardedDatabase", Severity.ERROR, KINDS,
            "shardedDatabase is the name of a Neo4jShardedDatabase object, a lower-case RFC 1123 subdomain of at "
                    + "most 253 characters (CRD pattern); the operator backs up its {name}* shard set.",
            "Use the Neo4jShardedDatabase's metadata.name.",
            "spec:\n  instanceRef: graph\n  shardedDatabase: products");

    public static final RuleMeta SHARDED_NEEDS_CLUSTER = new RuleMeta("backup.sharded-needs-cluster",
            "Sharded backups need a cluster", Severity.ERROR, KINDS,
            "Property-sharded databases exist only on a Neo4jEnterpriseCluster with property sharding; a standalone "
                    + "has no shard set to back up.",
            "Point instanceRef at the cluster that hosts the sharded database.",
            "spec:\n  instanceRef: sharding-cluster\n  shardedDatabase: products");

    private static final List<RuleMeta> RULES;

    static {
        List<RuleMeta> rules = new ArrayList<>(List.of(INSTANCE_REF, SCOPE_REQUIRED, SCOPE_CONFLICT, DATABASE_NAME,
                SHARDED_NAME, SHARDED_NEEDS_CLUSTER));
        rules.addAll(References.RULES);
        RULES = List.copyOf(rules);
    }

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.BACKUP);
    }

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.BACKUP.equals(ctx.kind())) {
            return; // the shared refs.* rules apply to every referring kind
        }
        Node spec = ctx.spec();
        Node ref = spec.get("instanceRef");
        Optional<Resource> target = resolveTarget(ctx, spec, ref);

        Node database = spec.get("database");
        Node all = spec.get("allDatabases");
        Node sharded = spec.get("shardedDatabase");
        Optional<String> db = database.text().filter(s -> !s.isEmpty());
        Optional<String> shard = sharded.text().filter(s -> !s.isEmpty());
        List<Node> set = new ArrayList<>();
        db.ifPresent(x -> set.add(database));
        if (all.isTrue()) {
            set.add(all);
        }
        shard.ifPresent(x -> set.add(sharded));
        if (set.isEmpty()) {
            ctx.report(SCOPE_REQUIRED, database.path(),
                    Messages.required("set exactly one of database, allDatabases: true or shardedDatabase"));
        } else if (set.size() > 1) {
            for (Node extra : set.subList(1, set.size())) {
                ctx.report(SCOPE_CONFLICT, extra.path(), Messages.forbidden(
                        "database, allDatabases and shardedDatabase are mutually exclusive; " + names(set)
                                + " are set"),
                        "keep only one scope");
            }
        }
        db.ifPresent(name -> {
            Names.databaseProblem(name).ifPresent(problem ->
                    ctx.report(DATABASE_NAME, database.path(), Messages.invalid(name, problem),
                            name.contains("_") ? "Neo4j database names use '-' where this uses '_'" : ""));
        });
        shard.ifPresent(name -> {
            if (!Names.isDnsSubdomain(name)) {
                ctx.report(SHARDED_NAME, sharded.path(), Messages.invalid(name,
                        "must be the metadata.name of a Neo4jShardedDatabase (lower-case RFC 1123 subdomain)"));
            }
            target.filter(Targets::isStandalone).ifPresent(t -> ctx.report(SHARDED_NEEDS_CLUSTER, sharded.path(),
                    Messages.forbidden(t.displayName() + " is a standalone; sharded databases live on a cluster")));
        });
    }

    private Optional<Resource> resolveTarget(RuleContext ctx, Node spec, Node ref) {
        if (ref.text().map(String::trim).filter(s -> !s.isEmpty()).isPresent()) {
            return References.server(ctx, ref);
        }
        boolean legacy = spec.get("target").isObject();
        ctx.report(INSTANCE_REF, ref.path(),
                Messages.required("the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone to back up"),
                legacy ? "spec.target was replaced: write spec.instanceRef: <cluster or standalone> and "
                        + "database / allDatabases: true / shardedDatabase"
                        : "set spec.instanceRef");
        return Optional.empty();
    }

    private static String names(List<Node> set) {
        List<String> out = new ArrayList<>();
        for (Node n : set) {
            String p = n.path();
            out.add(p.substring(p.lastIndexOf('.') + 1));
        }
        return String.join(", ", out);
    }
}
