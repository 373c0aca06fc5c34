package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule metadata is documentation: every rule is complete, IDs are unique, and the engine accepts the set. */
class BackupRuleMetadataTest {
    private static final List<Check> CHECKS = List.of(new BackupTargetCheck(), new BackupStorageCheck(),
            new BackupScheduleCheck(), new BackupRetentionCheck(), new BackupOptionsCheck(), new BackupChainCheck(),
            new RestoreTargetCheck(), new RestoreSourceCheck(), new RestoreOptionsCheck(), new RestoreHooksCheck());

    @Test
    void everyRuleIsDocumentedAndOwnedOnce() {
        Map<String, RuleMeta> seen = new HashMap<>();
        for (Check c : CHECKS) {
            for (RuleMeta r : c.rules()) {
                RuleMeta previous = seen.putIfAbsent(r.id(), r);
                assertThat(previous == null || previous == r).as("one definition of " + r.id()).isTrue();
                assertThat(r.title()).isNotBlank();
                assertThat(r.rationale()).as(r.id()).hasSizeGreaterThan(60);
                assertThat(r.remediation()).as(r.id()).isNotBlank();
                assertThat(r.kinds()).as(r.id()).isNotEmpty();
                if (!r.id().startsWith("refs.")) {
                    assertThat(r.id()).matches("(backup|backup-storage|restore)\\..*");
                    assertThat(r.kinds()).isSubsetOf(Kinds.BACKUP, Kinds.RESTORE);
                }
            }
        }
        assertThat(new Engine(CHECKS, Policy.defaults()).rules()).hasSize(seen.size() + 1); // + engine.check-failed
    }
}
