package io.neo4jguard.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.List;

/** Test helpers: YAML text in, StructureCheck findings out. */
final class Checked {
    static final StructureCheck CHECK = new StructureCheck();

    private Checked() {
    }

    static Resource parse(String yaml) {
        try {
            return new ManifestParser().parse("test.yaml", yaml).get(0);
        } catch (ReadException e) {
            throw new AssertionError(e);
        }
    }

    static List<Finding> check(Resource r) {
        RuleContext ctx = RuleContext.forTest(r, null, null, CHECK);
        CHECK.check(ctx);
        return ctx.reported();
    }

    static List<Finding> check(String yaml) {
        return check(parse(yaml));
    }

    /** The object after applying a fix (RFC 6902 add/replace/remove on a copy). */
    static Resource apply(Resource r, List<PatchOperation> fix) {
        ObjectNode tree = r.tree().deepCopy();
        for (PatchOperation op : fix) {
            String path = op.path();
            int slash = path.lastIndexOf('/');
            JsonNode parent = tree.at(path.substring(0, slash));
            String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            switch (op.op()) {
                case "add", "replace" -> {
                    if (parent instanceof ArrayNode a) {
                        a.set(Integer.parseInt(last), op.value());
                    } else {
                        ((ObjectNode) parent).set(last, op.value());
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode a) {
                        a.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                default -> throw new AssertionError("unexpected op " + op.op());
            }
        }
        return Resource.of(tree);
    }
}
