package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2 of the flow: the object against the JSON Schema of its kind ({@code policies/schemas/}), as the API
 * server would check it against the CRD, but reporting every problem with its field path, a readable message
 * and a hint. Wrong types, values outside an enum, pattern or bound and missing required fields are errors;
 * unknown fields are warnings, because the API server accepts and silently prunes them.
 *
 * <p>The schemas are loaded once per class loader and shared by all threads. If the packaged schemas are
 * missing or broken (a build defect, never an input problem) every check throws and the engine reports
 * {@code engine.check-failed}, so a broken package fails closed.
 */
public final class StructureCheck implements Check {
    private static final Set<String> ALL = Set.copyOf(Kinds.ALL);

    public static final RuleMeta INVALID = new RuleMeta("schema.invalid-type",
            "A field has the wrong type or a value the API does not allow", Severity.ERROR, ALL,
            "The API server checks every object of these kinds against the CRD's OpenAPI schema before any "
                    + "controller sees it, and refuses a field of the wrong type, a value outside an enumeration, "
                    + "a pattern or a bound. Many of these come from YAML typing: kubectl reads manifests as YAML "
                    + "1.1, so an unquoted yes or on is a boolean and a tag like 5.26 is a number, which the file "
                    + "does not show. Checking the same schema before the object exists turns the rejection into a "
                    + "finding with the field, the line and a fix, together with every other problem.",
            "Give the field the type and a value the API allows; quote strings that YAML would read as a "
                    + "boolean or a number.",
            "spec:\n  acceptLicenseAgreement: \"yes\"   # an unquoted yes is a boolean\n  image:\n"
                    + "    repo: neo4j\n    tag: \"5.26.0-enterprise\"\n  topology:\n    servers: 3");

    public static final RuleMeta REQUIRED = new RuleMeta("schema.required",
            "A required field is missing", Severity.ERROR, ALL,
            "The CRD marks these fields required: without image.repo and image.tag, topology.servers or "
                    + "storage.size the operator cannot build the servers, and a database, plugin, user or role "
                    + "without clusterRef has no server to live on. The API server rejects the object; reporting "
                    + "it here names the missing field's path together with every other problem.",
            "Add the missing field.",
            "spec:\n  image:\n    repo: neo4j\n    tag: \"5.26.0-enterprise\"\n  topology:\n    servers: 3\n"
                    + "  storage:\n    size: 100Gi");

    public static final RuleMeta UNKNOWN_FIELD = new RuleMeta("schema.unknown-field",
            "A field is not part of the kind's API", Severity.WARNING, ALL,
            "The API server prunes fields its schema does not know, silently unless the client asked for strict "
                    + "field validation. A typo like spec.toplogy must not pass unnoticed: the field is dropped "
                    + "and the object runs with defaults its author never chose, or fails far away from the typo. "
                    + "It is a warning, not an error, because the API server itself accepts the object.",
            "Rename the field to the one suggested, move it where it belongs, or remove it.",
            "spec:\n  topology:      # not toplogy\n    servers: 3");

    private static final List<RuleMeta> RULES = List.of(INVALID, REQUIRED, UNKNOWN_FIELD);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        SchemaCatalog catalog = SchemaCatalog.standard();
        Optional<JsonSchema> schema = catalog.schema(ctx.kind());
        if (schema.isEmpty()) {
            return;
        }
        ObjectNode document = ForValidation.copy(ctx.resource().tree());
        List<Violation> violations = new SchemaErrors(catalog, ctx.kind(), document)
                .translate(schema.get().validate(document));
        for (Violation v : violations) {
            ctx.report(v.rule(), v.field(), v.message(), v.hint(), v.fix());
        }
    }
}
