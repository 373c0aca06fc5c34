package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.settings.ConfigEntry;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.tree.Node;

/**
 * Makes the online-backup port reachable from backup Jobs. Neo4j listens for backups on
 * {@code 127.0.0.1:6362} by default (https://neo4j.com/docs/operations-manual/current/configuration/ports/), which
 * only a process in the same pod can
 * reach: a Neo4jBackup Job in its own pod would fail to connect on every run.
 */
final class BackupListenDefaulter implements Defaulter {
    static final String KEY = "server.backup.listen_address";
    /** All interfaces, Neo4j's backup port 6362 (the Helm chart sets the same for enterprise). */
    static final String VALUE = "0.0.0.0:6362";

    static final RuleMeta META = new RuleMeta("defaults.backup-listen-address",
            "Let backup Jobs reach the backup port", Severity.WARNING, Kinds.SERVERS,
            "Neo4j binds the online backup listener to 127.0.0.1:6362 unless told otherwise, so a backup Job "
                    + "running in another pod cannot connect and every scheduled backup fails. Listening on all "
                    + "interfaces is what Neo4j's Helm chart and the operator do; access to 6362 should be limited "
                    + "with a NetworkPolicy (the operator's spec.networkPolicy does this).",
            "Set server.backup.listen_address yourself to choose another interface, or annotate the object with "
                    + "neo4j-guard.io/defaults: off.",
            "spec:\n  config:\n    server.backup.listen_address: \"0.0.0.0:6362\"");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void propose(Resource object, DefaultsOptions options, Proposals proposals) {
        if (!Kinds.SERVERS.contains(object.kind())) {
            return; // only clusters and standalones run Neo4j; other kinds have no spec.config of this kind
        }
        JsonNode spec = object.tree().path("spec");
        if (!spec.isObject()) {
            return;
        }
        JsonNode config = spec.path("config");
        if (!(config.isMissingNode() || config.isNull() || config.isObject())) {
            return;
        }
        // Set under the legacy name dbms.backup.listen_address or as NEO4J_server_backup_listen__address: the
        // user's choice, and our new-name key would win over the legacy one.
        for (ConfigEntry e : ConfigSources.configAndEnv(Node.root(object.tree()).get("spec"))) {
            if (SettingNames.canonical(e.setting().strip()).equals(KEY)) {
                return;
            }
        }
        proposals.setIfAbsent(META, JsonPointer.of("spec", "config", KEY), TextNode.valueOf(VALUE));
    }
}
