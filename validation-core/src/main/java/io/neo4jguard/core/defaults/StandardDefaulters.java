package io.neo4jguard.core.defaults;

import java.util.List;

/** The defaults neo4j-guard applies, short and argued (each one's rationale is in its RuleMeta). */
final class StandardDefaulters {
    private StandardDefaulters() {
    }

    static List<Defaulter> all() {
        // Memory first: when spec.config is absent, its add creates the map the backup default then joins.
        return List.of(new MemoryPoolsDefaulter(), new ServerPlacementDefaulter(), new BackupListenDefaulter());
    }
}
