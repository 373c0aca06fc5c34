package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Review bodies for fuzzing, each fully determined by a seed: golden requests with fields dropped,
 * replaced or retyped, random JSON, truncated or bit-flipped text, and raw bytes.
 */
final class FuzzBodies {
    static final List<String> GOLDEN = List.of("validate-allow", "validate-deny", "validate-update",
            "validate-warnings", "validate-delete", "validate-subresource", "mutate-defaults", "validate-other-kind");
    private static final List<ObjectNode> TREES = GOLDEN.stream().map(Reviews::tree).toList();
    private static final List<String> TEXTS = GOLDEN.stream().map(Reviews::text).toList();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", "CREATE", "UPDATE", "DELETE", "CONNECT", "admission.k8s.io/v1",
            "AdmissionReview", "neo4j.neo4j.com", "v1beta1", "status", "Zürich \u2014 \uD83D\uDE80", "\u0000\u001f",
            "0", "-1", "1e309", "4Gi", "512m", "5.26.0-enterprise", "a".repeat(300), "${jndi:x}", "<script>"};

    private FuzzBodies() {
    }

    record Body(String path, byte[] bytes) {
        @Override
        public String toString() {
            String s = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
            return path + " " + bytes.length + " bytes: " + s;
        }
    }

    static Body of(long seed) {
        Random r = new Random(seed);
        String path = r.nextBoolean() ? "/validate" : "/mutate";
        int kind = r.nextInt(100);
        byte[] bytes;
        if (kind < 55) {
            ObjectNode tree = TREES.get(r.nextInt(TREES.size())).deepCopy();
            if (r.nextInt(4) == 0) {
                retarget(tree, r); // another of our kinds, so every kind's rules see odd input
            }
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                mutate(tree, r);
            }
            bytes = Reviews.bytes(tree);
        } else if (kind < 70) {
            byte[] text = TEXTS.get(r.nextInt(TEXTS.size())).getBytes(StandardCharsets.UTF_8);
            bytes = java.util.Arrays.copyOf(text, r.nextInt(text.length + 1));
        } else if (kind < 80) {
            byte[] text = TEXTS.get(r.nextInt(TEXTS.size())).getBytes(StandardCharsets.UTF_8);
            for (int i = 0, flips = 1 + r.nextInt(8); i < flips; i++) {
                text[r.nextInt(text.length)] ^= (byte) (1 << r.nextInt(8));
            }
            bytes = text;
        } else if (kind < 92) {
            bytes = randomJson(r, 0).toString().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = new byte[r.nextInt(2048)];
            r.nextBytes(bytes);
        }
        return new Body(path, bytes);
    }

    private static void retarget(ObjectNode review, Random r) {
        String kind = Kinds.ALL.get(r.nextInt(Kinds.ALL.size()));
        JsonNode req = review.path("request");
        if (req.path("kind").isObject()) {
            ((ObjectNode) req.get("kind")).put("kind", kind);
        }
        if (req.path("object").isObject()) {
            ((ObjectNode) req.get("object")).put("kind", kind);
        }
    }

    /** Drops, replaces or retypes one random node of the tree (never the root). */
    private static void mutate(ObjectNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(4)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, randomJson(r, 2));
                case 2 -> o.set(name, scalar(r));
                default -> o.set(name + (r.nextBoolean() ? "x" : ""), o.get(name).isContainerNode() ? scalar(r) : randomJson(r, 3));
            }
        } else if (target instanceof ArrayNode a) {
            if (a.size() > 0 && r.nextBoolean()) {
                a.remove(r.nextInt(a.size()));
            } else {
                a.add(randomJson(r, 2));
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static JsonNode scalar(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(r.nextBoolean());
            case 2 -> F.numberNode(r.nextInt(7) - 1);
            case 3 -> F.numberNode(r.nextLong());
            case 4 -> F.numberNode(r.nextDouble() * 1e12);
            default -> F.textNode(STRINGS[r.nextInt(STRINGS.length)]);
        };
    }

    private static JsonNode randomJson(Random r, int depth) {
        if (depth > 4 || r.nextInt(3) == 0) {
            return scalar(r);
        }
        if (r.nextBoolean()) {
            ObjectNode o = F.objectNode();
            for (int i = 0, n = r.nextInt(5); i < n; i++) {
                o.set(r.nextInt(3) == 0 ? STRINGS[r.nextInt(STRINGS.length)] : "k" + r.nextInt(10), randomJson(r, depth + 1));
            }
            if (depth == 0 && r.nextBoolean()) {
                o.put("apiVersion", "admission.k8s.io/v1");
                o.put("kind", "AdmissionReview");
            }
            return o;
        }
        ArrayNode a = F.arrayNode();
        for (int i = 0, n = r.nextInt(5); i < n; i++) {
            a.add(randomJson(r, depth + 1));
        }
        return a;
    }
}
