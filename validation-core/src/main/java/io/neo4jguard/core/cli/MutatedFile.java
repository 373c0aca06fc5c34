package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One input file after defaulting, as {@code mutate} prints it. The new keys are inserted into the text
 * ({@link YamlInsertions}), so comments, key order, quoting and layout stay as the user wrote them; the
 * result is read back with the manifest reader and must give exactly the defaulted objects (and the other
 * objects unchanged). Where insertion is not possible (a path through a YAML anchor or merge key, text the
 * editor cannot place) or the check fails, the file is written from the parsed objects instead: every
 * value kept, comments and layout lost, {@code kind: List} items as documents of their own; the note says
 * so.
 *
 * @param text the file's new text
 * @param note why the file was written from its objects, when it was
 */
record MutatedFile(String text, Optional<String> note) {

    static MutatedFile of(String name, String text, List<Resource> resources,
                          Map<Resource, List<PatchOperation>> patches, Defaults defaults) {
        boolean changes = resources.stream().anyMatch(r -> !patches.getOrDefault(r, List.of()).isEmpty());
        if (!changes) {
            return new MutatedFile(text, Optional.empty());
        }
        List<JsonNode> expected = new ArrayList<>();
        for (Resource r : resources) {
            expected.add(patches.containsKey(r) ? defaults.apply(r) : r.tree());
        }
        String reason;
        try {
            String edited = YamlInsertions.apply(text, resources, patches);
            if (readsAs(name, edited, resources, expected, true)) {
                return new MutatedFile(edited, Optional.empty());
            }
            reason = "the edited text did not read back as the defaulted objects";
        } catch (YamlInsertions.Refused e) {
            reason = e.getMessage();
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder whole = new StringBuilder();
        for (JsonNode tree : expected) {
            if (!whole.isEmpty()) {
                whole.append("---").append(eol);
            }
            whole.append(YamlWriter.document(tree, eol));
        }
        if (!readsAs(name, whole.toString(), resources, expected, false)) {
            throw new IllegalStateException("cannot write " + name + " as YAML that reads back as its objects");
        }
        return new MutatedFile(whole.toString(), Optional.of("written from the parsed objects; comments and "
                + "formatting are not kept (" + reason + ")"));
    }

    /** The text reads as exactly these objects (in the same documents, when {@code sameDocuments}). */
    private static boolean readsAs(String name, String text, List<Resource> resources, List<JsonNode> expected,
                                   boolean sameDocuments) {
        List<Resource> back;
        try {
            back = new ManifestParser().parse(name, text);
        } catch (ReadException e) {
            return false;
        }
        if (back.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < back.size(); i++) {
            if (sameDocuments && back.get(i).document() != resources.get(i).document()) {
                return false;
            }
            if (!same(back.get(i).tree(), expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** JSON equality where numbers compare by value (YAML gives 1.0E10 back as a decimal, JSON as a double). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
