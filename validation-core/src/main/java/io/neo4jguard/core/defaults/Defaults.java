package io.neo4jguard.core.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;

import java.util.ArrayList;
import java.util.List;

/**
 * Defaulting as a pure function: {@code Resource -> List<PatchOperation>} (RFC 6902). It never
 * replaces a value the user set (only {@code add} of absent fields, creating absent parent objects),
 * touches only the fields its defaulters own, and is idempotent: on its own output it proposes nothing.
 * An object opts out with the annotation {@code neo4j-guard.io/defaults: off}.
 */
public final class Defaults {
    public static final String OPT_OUT_ANNOTATION = "neo4j-guard.io/defaults";

    private final List<Defaulter> defaulters;
    private final DefaultsOptions options;

    public Defaults(List<Defaulter> defaulters, DefaultsOptions options) {
        this.defaulters = List.copyOf(defaulters);
        this.options = options;
    }

    /** The standard defaulters with standard options. */
    public static Defaults standard() {
        return new Defaults(StandardDefaulters.all(), DefaultsOptions.STANDARD);
    }

    public static Defaults standard(DefaultsOptions options) {
        return new Defaults(StandardDefaulters.all(), options);
    }

    public List<RuleMeta> rules() {
        return defaulters.stream().map(Defaulter::meta).toList();
    }

    /**
     * The patch that adds this object's missing defaults; empty when there is nothing to add. Never throws:
     * defaulting must not block admission, so a defaulter that fails proposes nothing. Defaults that land in
     * a map the patch itself creates are folded into the operation that creates it (one {@code add} of
     * {@code /spec/config} with all its keys rather than one per key).
     */
    public List<PatchOperation> patch(Resource object) {
        try {
            if (!object.isOurs() || optedOut(object)) {
                return List.of();
            }
            Proposals proposals = new Proposals();
            for (Defaulter d : defaulters) {
                try {
                    d.propose(object, options, proposals);
                } catch (RuntimeException e) {
                    // A defaulter bug must never block admission; it simply proposes nothing.
                    continue;
                }
            }
            if (proposals.items().isEmpty()) {
                return List.of(); // the usual re-apply: nothing to add, no copy of the object
            }
            ObjectNode working = object.tree().deepCopy();
            List<PatchOperation> ops = new ArrayList<>();
            for (Proposals.Proposal p : proposals.items()) {
                addIfAbsent(working, p.pointer(), p.value(), ops);
            }
            return fold(ops);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Folds an operation into an earlier one that created its parent: inside a map this patch adds, every
     * later key is new too, so putting it into the earlier value gives the same result in fewer operations.
     */
    private static List<PatchOperation> fold(List<PatchOperation> ops) {
        List<PatchOperation> out = new ArrayList<>();
        next:
        for (PatchOperation op : ops) {
            for (PatchOperation earlier : out) {
                String prefix = earlier.path() + "/";
                if (op.path().startsWith(prefix) && earlier.value() instanceof ObjectNode created) {
                    String[] rest = op.path().substring(prefix.length()).split("/", -1);
                    ObjectNode node = created;
                    for (int i = 0; i < rest.length - 1; i++) {
                        node = (ObjectNode) node.get(unescape(rest[i]));
                    }
                    node.set(unescape(rest[rest.length - 1]), op.value());
                    continue next;
                }
            }
            out.add(op);
        }
        return out;
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** The object with its defaults applied (a copy; the input is unchanged). */
    public ObjectNode apply(Resource object) {
        ObjectNode copy = object.tree().deepCopy();
        for (PatchOperation op : patch(object)) {
            addIfAbsent(copy, op.path(), op.value(), new ArrayList<>());
        }
        return copy;
    }

    private static boolean optedOut(Resource object) {
        String v = object.annotation(OPT_OUT_ANNOTATION);
        return v != null && (v.trim().equalsIgnoreCase("off") || v.trim().equalsIgnoreCase("false"));
    }

    /**
     * Walks the pointer, adding empty objects for absent parents; stops (adds nothing) where a parent
     * exists but is not an object, because replacing a user's value of the wrong type is validation's
     * job, not ours.
     */
    private static void addIfAbsent(ObjectNode root, String pointer, JsonNode value, List<PatchOperation> ops) {
        String[] segments = pointer.substring(1).split("/", -1);
        ObjectNode node = root;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String key = unescape(segments[i]);
            path.append('/').append(segments[i]);
            JsonNode child = node.get(key);
            boolean last = i == segments.length - 1;
            if (last) {
                if (child == null || child.isNull()) {
                    JsonNode copy = value.deepCopy();
                    node.set(key, copy);
                    ops.add(child == null ? PatchOperation.add(path.toString(), copy)
                            : PatchOperation.replace(path.toString(), copy));
                }
                return;
            }
            if (child == null || child.isNull()) {
                ObjectNode created = JsonNodeFactory.instance.objectNode();
                // The rest of the pointer is created in one add: a single operation per default.
                ObjectNode leafParent = created;
                for (int j = i + 1; j < segments.length - 1; j++) {
                    ObjectNode next = JsonNodeFactory.instance.objectNode();
                    leafParent.set(unescape(segments[j]), next);
                    leafParent = next;
                }
                leafParent.set(unescape(segments[segments.length - 1]), value.deepCopy());
                node.set(key, created);
                ops.add(child == null ? PatchOperation.add(path.toString(), created.deepCopy())
                        : PatchOperation.replace(path.toString(), created.deepCopy()));
                return;
            }
            if (!child.isObject()) {
                return;
            }
            node = (ObjectNode) child;
        }
    }
}
