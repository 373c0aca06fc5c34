package io.neo4jguard.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Does the live object already hold every field we would apply? A pure comparison of the desired JSON with the
 * observed JSON, so a resync with nothing changed sends no request at all (a server-side apply that changes
 * nothing is still a write request, counted, audited and sent through admission).
 *
 * <p>"Covers" rather than "equals": the API server adds defaults (a StatefulSet's {@code revisionHistoryLimit},
 * a container's {@code terminationMessagePath}), status and metadata of its own, and other managers may own
 * other fields; none of that is drift. The rules:
 * <ul>
 *   <li>objects: every desired field is present in the observed object and covered there;</li>
 *   <li>lists of scalars (command lines, access modes): equal, in order;</li>
 *   <li>lists of objects (containers, ports, env): every desired element is covered by some observed element
 *       (server-side apply merges these by key; another manager's extra element is not ours to remove);</li>
 *   <li>numbers by value ({@code 1} and {@code 1.0}); resource quantities by amount, because the API server
 *       stores them canonically ({@code 0.5} comes back as {@code 500m}, {@code 1024Mi} as {@code 1Gi}).</li>
 * </ul>
 * A field we stopped applying is not visible here (the observed object still has it): the applied-object
 * hash in our status catches that (see {@link AppliedHash}).
 */
public final class Drift {
    /** Map keys whose values are resource quantities (requests/limits entries, PVC sizes, emptyDir limits). */
    private static final Set<String> QUANTITY_PARENTS = Set.of("requests", "limits", "capacity");
    private static final Set<String> QUANTITY_FIELDS = Set.of("sizeLimit", "storage");

    private Drift() {
    }

    /** True when {@code observed} holds every field of {@code desired}. */
    public static boolean covers(JsonNode desired, JsonNode observed) {
        return firstDifference(desired, observed).isEmpty();
    }

    /** The path of the first desired field the observed object lacks or holds differently, for the log. */
    public static Optional<String> firstDifference(JsonNode desired, JsonNode observed) {
        return diff(desired, observed, "", "", "");
    }

    private static Optional<String> diff(JsonNode d, JsonNode o, String path, String parentKey, String key) {
        if (d == null || d.isNull() || d.isMissingNode()) {
            return Optional.empty(); // we do not set it
        }
        if (o == null || o.isNull() || o.isMissingNode()) {
            return Optional.of(path.isEmpty() ? "/" : path);
        }
        if (d.isObject()) {
            if (!o.isObject()) {
                return Optional.of(path);
            }
            Iterator<Map.Entry<String, JsonNode>> it = d.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String> r = diff(e.getValue(), o.get(e.getKey()), path + "/" + e.getKey(), key, e.getKey());
                if (r.isPresent()) {
                    return r;
                }
            }
            return Optional.empty();
        }
        if (d.isArray()) {
            return o.isArray() && arrayCovered(d, o, path, key) ? Optional.empty() : Optional.of(path);
        }
        return scalarEqual(d, o, parentKey, key) ? Optional.empty() : Optional.of(path);
    }

    private static boolean arrayCovered(JsonNode d, JsonNode o, String path, String key) {
        boolean scalars = true;
        for (JsonNode e : d) {
            scalars &= e.isValueNode();
        }
        if (scalars) {
            if (d.size() != o.size()) {
                return false;
            }
            for (int i = 0; i < d.size(); i++) {
                if (!scalarEqual(d.get(i), o.get(i), key, "")) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode want : d) {
            boolean found = false;
            for (JsonNode have : o) {
                if (diff(want, have, path + "[]", key, "").isEmpty()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalarEqual(JsonNode d, JsonNode o, String parentKey, String key) {
        if (d.isNumber() && o.isNumber()) {
            return d.decimalValue().compareTo(o.decimalValue()) == 0;
        }
        if (d.equals(o)) {
            return true;
        }
        if ((QUANTITY_PARENTS.contains(parentKey) || QUANTITY_FIELDS.contains(key)) && !d.isBoolean() && !o.isBoolean()) {
            return sameQuantity(d.asText(), o.asText());
        }
        return false;
    }

    private static boolean sameQuantity(String a, String b) {
        try {
            BigDecimal x = Quantity.getAmountInBytes(new Quantity(a));
            BigDecimal y = Quantity.getAmountInBytes(new Quantity(b));
            return x.compareTo(y) == 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }
}
