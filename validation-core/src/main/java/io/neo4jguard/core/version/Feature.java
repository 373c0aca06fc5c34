package io.neo4jguard.core.version;

/**
 * Neo4j features that exist only from some version on, in one place (the Operations Manual's
 * changelogs, https://neo4j.com/docs/operations-manual/current/changes-deprecations-removals/, and the reference
 * operator's version gates).
 * Rules ask {@code Feature.X.supportedBy(version)} instead of comparing numbers themselves.
 */
public enum Feature {
    /** {@code seedConfig.restoreUntil} (seed from backup up to a point in time): CalVer only. */
    SEED_RESTORE_UNTIL("seed restoreUntil", false, Neo4jVersion.of(2025, 1)),
    /** {@code neo4j-admin database backup --prefer-diff-as-parent}. */
    DIFF_AS_PARENT("backup --prefer-diff-as-parent", false, Neo4jVersion.of(2025, 4)),
    /** Cypher 25 and {@code DEFAULT LANGUAGE CYPHER 25}. */
    CYPHER_25("Cypher 25", false, Neo4jVersion.of(2025, 6)),
    /** {@code backup --remote-address-resolution}. */
    REMOTE_ADDRESS_RESOLUTION("backup --remote-address-resolution", false, Neo4jVersion.of(2025, 9)),
    /** {@code --include-metadata=users[=u1,u2]} filtering. */
    INCLUDE_METADATA_FILTER("backup --include-metadata filters", true, Neo4jVersion.of(2025, 10)),
    /** {@code backup --parallel-download}. */
    PARALLEL_DOWNLOAD("backup --parallel-download", false, Neo4jVersion.of(2025, 11)),
    /** {@code backup --skip-recovery}. */
    SKIP_RECOVERY("backup --skip-recovery", false, Neo4jVersion.of(2025, 11)),
    /** Sharded property databases. */
    PROPERTY_SHARDING("property sharding", false, Neo4jVersion.of(2025, 12)),
    /** {@code CREATE AUTH RULE} (attribute-based access control). */
    AUTH_RULES("auth rules (ABAC)", true, Neo4jVersion.of(2026, 3)),
    /** The {@code ServerSeedProvider} seed provider. */
    SERVER_SEED_PROVIDER("ServerSeedProvider", false, Neo4jVersion.of(2026, 4));

    private final String title;
    private final boolean plural;
    private final Neo4jVersion since;

    Feature(String title, boolean plural, Neo4jVersion since) {
        this.title = title;
        this.plural = plural;
        this.since = since;
    }

    public String title() {
        return title;
    }

    public Neo4jVersion since() {
        return since;
    }

    public boolean supportedBy(Neo4jVersion v) {
        return v.atLeast(since);
    }

    /** "auth rules (ABAC) need Neo4j 2026.03 or later". */
    public String requirement() {
        return title + (plural ? " need" : " needs") + " Neo4j " + since + " or later";
    }
}
