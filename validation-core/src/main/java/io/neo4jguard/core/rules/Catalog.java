package io.neo4jguard.core.rules;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.rules.server.AdminPasswordCheck;
import io.neo4jguard.core.rules.server.AuthCheck;
import io.neo4jguard.core.rules.server.ImageCheck;
import io.neo4jguard.core.rules.server.LicenseCheck;
import io.neo4jguard.core.rules.server.NameLengthCheck;
import io.neo4jguard.core.rules.server.StorageCheck;
import io.neo4jguard.core.rules.server.TlsCheck;
import io.neo4jguard.core.rules.server.TopologyCheck;
import io.neo4jguard.core.rules.server.UpdateCheck;
import io.neo4jguard.core.rules.server.UpgradeStrategyCheck;
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
                new UpdateCheck(),
                new UpgradeStrategyCheck()
        );
    }
}
