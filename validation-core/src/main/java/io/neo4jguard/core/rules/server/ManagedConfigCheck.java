package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.Neo4jSettings;
import io.neo4jguard.core.settings.ConfigEntry;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Settings the user must not write because the operator owns them (TLS, discovery, advertised addresses,
 * the store format), or because they contradict the kind (clustering on a standalone, the 4.x
 * {@code dbms.mode}). Keys are compared after Neo4j's own legacy migrations, so
 * {@code dbms.connector.bolt.tls_level} is caught as {@code server.bolt.tls_level}; and the check covers
 * {@code spec.propertySharding.config} and {@code NEO4J_*} env vars, which the reference operator let through.
 */
public final class ManagedConfigCheck implements Check {

    public static final RuleMeta TLS_MANAGED = new RuleMeta("config.tls-managed",
            "TLS settings in the config", Severity.ERROR, Kinds.SERVERS,
            "The operator writes the SSL policies (dbms.ssl.policy.*), server.bolt.tls_level and the certificates "
                    + "directory from spec.tls and mounts the certificates at /ssl. A user value either duplicates "
                    + "a key (strict validation refuses to start on 'declared multiple times') or silently replaces "
                    + "the operator's, for example turning client authentication off or pointing at a directory with "
                    + "no certificates.",
            "Configure TLS through spec.tls (mode, issuerRef, usages) and remove these settings.",
            "spec:\n  tls:\n    mode: cert-manager\n    issuerRef:\n      name: ca-issuer\n      kind: ClusterIssuer");

    public static final RuleMeta OPERATOR_MANAGED = new RuleMeta("config.operator-managed",
            "Discovery, addresses or server mode set in the config", Severity.ERROR, Set.of(Kinds.CLUSTER),
            "The operator sets discovery (resolver type, endpoints, Kubernetes label selector and port name) and "
                    + "every server's advertised addresses from the pod's identity, and the initial mode constraint "
                    + "and minimum system primaries from spec.topology. A user value is the same for all servers, so "
                    + "servers advertise one address or look for peers where there are none, and the cluster never "
                    + "forms.",
            "Remove the setting; use spec.topology (servers, minSystemPrimaries, serverModeConstraint, serverRoles) "
                    + "for the topology.",
            "spec:\n  topology:\n    servers: 3\n    minSystemPrimaries: 3");

    public static final RuleMeta STORE_FORMAT = new RuleMeta("config.store-format",
            "db.format in the config", Severity.ERROR, Kinds.SERVERS,
            "The operator writes db.format=block for clusters, so a second value is a duplicate or a conflict; and "
                    + "the format is a per-database choice: standard and high_limit are deprecated since 5.23 and "
                    + "Neo4j will refuse to start on high_limit stores after the next LTS ("
                    + "https://neo4j.com/docs/operations-manual/current/database-internals/store-formats/).",
            "Remove db.format; choose a format per database with Neo4jDatabase options (storeFormat).",
            "kind: Neo4jDatabase\nspec:\n  options:\n    storeFormat: block");

    public static final RuleMeta CLUSTERING_ON_STANDALONE = new RuleMeta("config.clustering-on-standalone",
            "Clustering settings on a standalone", Severity.ERROR, Set.of(Kinds.STANDALONE),
            "A standalone runs one server with no peers. Discovery, Raft and mode-constraint settings make it look "
                    + "for a cluster that does not exist (a resolver with endpoints waits for peers forever) or put "
                    + "its system database in a mode a single server cannot serve.",
            "Remove the clustering settings, or use a Neo4jEnterpriseCluster with at least two servers.",
            "kind: Neo4jEnterpriseStandalone\nspec:\n  config:\n    db.transaction.timeout: \"60s\"");

    public static final RuleMeta DBMS_MODE = new RuleMeta("config.dbms-mode",
            "The 4.x dbms.mode setting", Severity.ERROR, Kinds.SERVERS,
            "dbms.mode (SINGLE, CORE, READ_REPLICA) is the 4.x server role. Neo4j 5 has no such setting: roles are "
                    + "per database (primaries, secondaries) and a server's allowed roles come from "
                    + "initial.server.mode_constraint, which the operator sets from spec.topology.",
            "Remove dbms.mode; for a cluster use spec.topology.serverModeConstraint or serverRoles.",
            "spec:\n  topology:\n    servers: 3\n    serverModeConstraint: NONE");

    private static final List<RuleMeta> RULES = List.of(TLS_MANAGED, OPERATOR_MANAGED, STORE_FORMAT,
            CLUSTERING_ON_STANDALONE, DBMS_MODE);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        boolean standalone = Kinds.STANDALONE.equals(ctx.kind());
        Parsed<Neo4jVersion> version = ServerImage.version(ctx.resource());
        boolean calVer = version.ok() && version.value().isCalVer();
        for (ConfigEntry e : ConfigSources.read(ctx.spec())) {
            String key = e.setting().strip();
            String name = SettingNames.canonical(key);
            Optional<RuleMeta> rule = ruleFor(standalone, calVer, name, e.value());
            if (rule.isEmpty()) {
                continue;
            }
            String as = name.equals(key) ? "" : " (Neo4j reads it as " + name + ")";
            RuleMeta r = rule.get();
            if (r == TLS_MANAGED) {
                ctx.report(r, e.keyPath(), Messages.forbidden(e.describe() + as
                                + ": the operator configures TLS from spec.tls"),
                        "remove it and set spec.tls instead");
            } else if (r == STORE_FORMAT) {
                ctx.report(r, e.keyPath(), Messages.forbidden(e.describe()
                                + ": the store format is chosen per database"),
                        "remove it; set storeFormat in a Neo4jDatabase's options");
            } else if (r == DBMS_MODE) {
                ctx.report(r, e.keyPath(), Messages.forbidden(e.describe()
                                + ": the 4.x server role does not exist in Neo4j 5; roles are per database"),
                        standalone ? "remove it" : "remove it; use spec.topology.serverModeConstraint or serverRoles");
            } else if (r == CLUSTERING_ON_STANDALONE) {
                ctx.report(r, e.keyPath(), Messages.forbidden(e.describe() + as
                                + ": a clustering setting on a standalone server"),
                        "remove it, or use a Neo4jEnterpriseCluster");
            } else {
                String field = Neo4jSettings.MANAGED_BY_FIELD.get(name);
                ctx.report(r, e.keyPath(), Messages.forbidden(e.describe() + as
                                + ": the operator sets it for each server"),
                        field == null ? "remove it" : "remove it and use " + field);
            }
        }
    }

    /**
     * The rule this check reports for a setting (by its name after Neo4j's migrations), if any. A key that a
     * CalVer server no longer has is left to {@link DeprecatedConfigCheck}, whose "removed in 2025.01" is the
     * more precise error; {@link DeprecatedConfigCheck} in turn stays quiet about keys reported here.
     */
    static Optional<RuleMeta> ruleFor(boolean standalone, boolean calVer, String name, Optional<String> value) {
        if (calVer && Neo4jSettings.removedIn2025(name).isPresent()) {
            return Optional.empty();
        }
        if (Neo4jSettings.tlsManaged(name)) {
            return Optional.of(TLS_MANAGED);
        }
        if (name.equals("db.format")) {
            return Optional.of(STORE_FORMAT);
        }
        if (name.equals("dbms.mode")) {
            return Optional.of(DBMS_MODE);
        }
        if (standalone) {
            return Neo4jSettings.CLUSTERING.contains(name) ? Optional.of(CLUSTERING_ON_STANDALONE) : Optional.empty();
        }
        if (Neo4jSettings.OPERATOR_MANAGED.contains(name) && !discoveryV2(name, value)) {
            return Optional.of(OPERATOR_MANAGED);
        }
        return Optional.empty();
    }

    /**
     * On 5.26 the operator runs discovery v2, so {@code dbms.cluster.discovery.version=V2_ONLY} agrees with it
     * (the reference operator accepted exactly this value); any other value would switch v1 back on.
     */
    private static boolean discoveryV2(String name, Optional<String> value) {
        return name.equals("dbms.cluster.discovery.version")
                && value.map(v -> v.strip().toUpperCase(Locale.ROOT).equals(Neo4jSettings.DISCOVERY_V2_ONLY))
                .orElse(false);
    }
}
