package io.neo4jguard.core.schema;

import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.RuleMeta;

import java.util.List;

/** One schema problem, ready to report. */
record Violation(RuleMeta rule, String field, String message, String hint, List<PatchOperation> fix) {
}
