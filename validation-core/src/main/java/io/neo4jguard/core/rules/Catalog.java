package io.neo4jguard.core.rules;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.rules.access.AccessEnumCheck;
import io.neo4jguard.core.rules.access.AccessTargetCheck;
import io.neo4jguard.core.rules.access.PrivilegeCheck;
import io.neo4jguard.core.rules.access.RoleBindingCheck;
import io.neo4jguard.core.rules.access.RoleBindingOverlapCheck;
import io.neo4jguard.core.rules.access.RoleEntriesCheck;
import io.neo4jguard.core.rules.access.RoleNameCheck;
import io.neo4jguard.core.rules.access.UserAuthCheck;
import io.neo4jguard.core.rules.access.UserHomeDatabaseCheck;
import io.neo4jguard.core.rules.access.UserNameCheck;
import io.neo4jguard.core.rules.access.UserPasswordCheck;
import io.neo4jguard.core.rules.authrule.AuthRuleConditionCheck;
import io.neo4jguard.core.rules.authrule.AuthRuleNameCheck;
import io.neo4jguard.core.rules.authrule.AuthRuleRolesCheck;
import io.neo4jguard.core.rules.authrule.AuthRuleTargetCheck;
import io.neo4jguard.core.rules.authrule.OperatorKeywordGuardCheck;
import io.neo4jguard.core.rules.backup.BackupChainCheck;
import io.neo4jguard.core.rules.backup.BackupOptionsCheck;
import io.neo4jguard.core.rules.backup.BackupRetentionCheck;
import io.neo4jguard.core.rules.backup.BackupScheduleCheck;
import io.neo4jguard.core.rules.backup.BackupStorageCheck;
import io.neo4jguard.core.rules.backup.BackupTargetCheck;
import io.neo4jguard.core.rules.backup.RestoreHooksCheck;
import io.neo4jguard.core.rules.backup.RestoreOptionsCheck;
import io.neo4jguard.core.rules.backup.RestoreSourceCheck;
import io.neo4jguard.core.rules.backup.RestoreTargetCheck;
import io.neo4jguard.core.rules.database.CypherLanguageCheck;
import io.neo4jguard.core.rules.database.DatabaseDuplicateCheck;
import io.neo4jguard.core.rules.database.DatabaseNameCheck;
import io.neo4jguard.core.rules.database.DatabaseOptionsCheck;
import io.neo4jguard.core.rules.database.DatabaseTargetCheck;
import io.neo4jguard.core.rules.database.DatabaseTopologyCheck;
import io.neo4jguard.core.rules.database.SeedConfigCheck;
import io.neo4jguard.core.rules.database.SeedCredentialsCheck;
import io.neo4jguard.core.rules.database.SeedUriCheck;
import io.neo4jguard.core.rules.plugin.PluginCompatibilityCheck;
import io.neo4jguard.core.rules.plugin.PluginConfigCheck;
import io.neo4jguard.core.rules.plugin.PluginDependencyCheck;
import io.neo4jguard.core.rules.plugin.PluginDuplicateCheck;
import io.neo4jguard.core.rules.plugin.PluginIdentityCheck;
import io.neo4jguard.core.rules.plugin.PluginResourcesCheck;
import io.neo4jguard.core.rules.plugin.PluginSecurityCheck;
import io.neo4jguard.core.rules.plugin.PluginSourceCheck;
import io.neo4jguard.core.rules.plugin.PluginTargetCheck;
import io.neo4jguard.core.rules.server.AdminPasswordCheck;
import io.neo4jguard.core.rules.server.AuthCheck;
import io.neo4jguard.core.rules.server.ConfigKeysCheck;
import io.neo4jguard.core.rules.server.DeprecatedConfigCheck;
import io.neo4jguard.core.rules.server.ExtraVolumesCheck;
import io.neo4jguard.core.rules.server.ImageCheck;
import io.neo4jguard.core.rules.server.LicenseCheck;
import io.neo4jguard.core.rules.server.ManagedConfigCheck;
import io.neo4jguard.core.rules.server.MemoryCheck;
import io.neo4jguard.core.rules.server.MountsCheck;
import io.neo4jguard.core.rules.server.OperatorMemoryCheck;
import io.neo4jguard.core.rules.server.NameLengthCheck;
import io.neo4jguard.core.rules.server.StorageCheck;
import io.neo4jguard.core.rules.server.TlsCheck;
import io.neo4jguard.core.rules.server.TopologyCheck;
import io.neo4jguard.core.rules.server.TrustedCaSecretsCheck;
import io.neo4jguard.core.rules.server.UpdateCheck;
import io.neo4jguard.core.rules.server.UpgradeStrategyCheck;
import io.neo4jguard.core.rules.server.PropertyShardingCheck;
import io.neo4jguard.core.rules.server.McpCheck;
import io.neo4jguard.core.rules.server.FleetManagementCheck;
import io.neo4jguard.core.schema.StructureCheck;

import java.util.List;

/** Every check neo4j-guard ships, in one list (docs and the engine read it from here). */
public final class Catalog {
    private Catalog() {
    }

    public static List<Check> standard() {
        return List.of(
                new StructureCheck(),
                // Neo4jEnterpriseCluster and Neo4jEnterpriseStandalone
                new LicenseCheck(),
                new NameLengthCheck(),
                new TopologyCheck(),
                new ImageCheck(),
                new StorageCheck(),
                new TlsCheck(),
                new AuthCheck(),
                new AdminPasswordCheck(),
                new MemoryCheck(),
                new OperatorMemoryCheck(),
                new ConfigKeysCheck(),
                new ManagedConfigCheck(),
                new DeprecatedConfigCheck(),
                new TrustedCaSecretsCheck(),
                new ExtraVolumesCheck(),
                new MountsCheck(),
                new UpdateCheck(),
                new UpgradeStrategyCheck(),
                new PropertyShardingCheck(),
                new McpCheck(),
                new FleetManagementCheck(),
                // Neo4jDatabase
                new DatabaseTargetCheck(),
                new DatabaseNameCheck(),
                new DatabaseDuplicateCheck(),
                new DatabaseTopologyCheck(),
                new CypherLanguageCheck(),
                new SeedUriCheck(),
                new SeedConfigCheck(),
                new SeedCredentialsCheck(),
                new DatabaseOptionsCheck(),
                // Neo4jPlugin
                new PluginTargetCheck(),
                new PluginIdentityCheck(),
                new PluginDuplicateCheck(),
                new PluginSourceCheck(),
                new PluginDependencyCheck(),
                new PluginSecurityCheck(),
                new PluginCompatibilityCheck(),
                new PluginResourcesCheck(),
                new PluginConfigCheck(),
                // Neo4jBackup and Neo4jRestore
                new BackupTargetCheck(),
                new BackupStorageCheck(),
                new BackupScheduleCheck(),
                new BackupRetentionCheck(),
                new BackupOptionsCheck(),
                new BackupChainCheck(),
                new RestoreTargetCheck(),
                new RestoreSourceCheck(),
                new RestoreOptionsCheck(),
                new RestoreHooksCheck(),
                // Neo4jUser, Neo4jRole, Neo4jRoleBinding
                new AccessTargetCheck(),
                new AccessEnumCheck(),
                new UserNameCheck(),
                new UserAuthCheck(),
                new UserPasswordCheck(),
                new UserHomeDatabaseCheck(),
                new RoleEntriesCheck(),
                new RoleNameCheck(),
                new PrivilegeCheck(),
                new RoleBindingCheck(),
                new RoleBindingOverlapCheck(),
                // Neo4jAuthRule
                new AuthRuleTargetCheck(),
                new AuthRuleNameCheck(),
                new AuthRuleRolesCheck(),
                new AuthRuleConditionCheck(),
                new OperatorKeywordGuardCheck()
        );
    }
}
