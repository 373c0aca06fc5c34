package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.report.ObjectReport;
import io.neo4jguard.core.report.SarifReport;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF fixes for {@code check}: a finding whose fix replaces scalar values ({@code memory.kubernetes-unit}
 * turns {@code 4Gi} into {@code 4g} in {@code spec.config} or an env var) becomes a replacement of each
 * value's text on its line. The whole scalar is replaced, quotes included, by the new value as a JSON
 * string (a YAML double-quoted scalar), so the edit is valid YAML whatever the old quoting. Fixes that add
 * or remove fields, values spanning lines, values inside anchors or aliases, and files that are not YAML
 * get none: a SARIF fix must be a safe text edit or nothing.
 */
final class SarifFixes implements SarifReport.Fixes {
    private final Map<String, String> texts;
    private final Map<String, List<Resource>> resourcesByFile = new HashMap<>();
    private final Map<String, Map<Resource, YamlOutline.YNode>> outlines = new HashMap<>();

    /**
     * @param resources every object read, in order
     * @param texts     the text of every file read, by name
     */
    SarifFixes(List<Resource> resources, Map<String, String> texts) {
        this.texts = texts;
        for (Resource r : resources) {
            resourcesByFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        }
    }

    @Override
    public List<SarifReport.Replacement> replacements(ObjectReport object, Finding finding) {
        if (finding.fix().isEmpty()) {
            return List.of();
        }
        Resource r = object.resource();
        String text = texts.get(r.file());
        YamlOutline.YNode root = outline(r.file()).get(r);
        if (text == null || root == null) {
            return List.of();
        }
        List<SarifReport.Replacement> out = new ArrayList<>();
        for (PatchOperation op : finding.fix()) {
            if (!op.op().equals("replace") || op.value() == null || op.value().isContainerNode()) {
                return List.of();
            }
            Optional<YamlOutline.YNode> target = YamlOutline.at(root, op.path());
            if (target.isEmpty() || target.get().type != YamlOutline.Type.SCALAR || target.get().emptyPlain) {
                return List.of();
            }
            YamlOutline.YNode n = target.get();
            if (text.substring(n.start, n.end).indexOf('\n') >= 0) {
                return List.of(); // a value over several lines: no single-line edit
            }
            int line = 1;
            int lineStart = 0;
            for (int i = text.indexOf('\n'); i >= 0 && i < n.start; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            int startColumn = 1 + text.codePointCount(lineStart, n.start);
            int endColumn = 1 + text.codePointCount(lineStart, n.end);
            out.add(new SarifReport.Replacement(line, startColumn, line, endColumn, YamlWriter.flow(op.value())));
        }
        return out;
    }

    /** The object nodes of a file, built once per file; empty when the file is not YAML we can map. */
    private Map<Resource, YamlOutline.YNode> outline(String file) {
        return outlines.computeIfAbsent(file, f -> {
            String text = texts.get(f);
            if (text == null) {
                return Map.of();
            }
            try {
                Map<Resource, YamlOutline.YNode> m = YamlOutline.objects(YamlOutline.read(text),
                        resourcesByFile.getOrDefault(f, List.of()));
                return m == null ? Map.of() : m;
            } catch (YamlEngineException e) {
                return Map.of();
            }
        });
    }
}
