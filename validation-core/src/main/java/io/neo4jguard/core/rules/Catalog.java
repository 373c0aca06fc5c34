package io.neo4jguard.core.rules;

import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.schema.StructureCheck;

import java.util.List;

/** Every check neo4j-guard ships, in one list (docs and the engine read it from here). */
public final class Catalog {
    private Catalog() {
    }

    public static List<Check> standard() {
        return List.of(
                new StructureCheck()
        );
    }
}
