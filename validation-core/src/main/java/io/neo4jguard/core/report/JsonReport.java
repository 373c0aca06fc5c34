package io.neo4jguard.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine format, stable and documented in {@code docs/json-format.md} (JSON Schema:
 * {@code docs/report.schema.json}). Fields are only ever added, never renamed or removed.
 */
public final class JsonReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public String render(Report report) {
        return write(tree(report));
    }

    public ObjectNode tree(Report report) {
        ObjectNode root = F.objectNode();
        ObjectNode summary = root.putObject("summary");
        Summary s = report.summary();
        summary.put("files", s.files());
        summary.put("objects", s.objects());
        summary.put("errors", s.errors());
        summary.put("warnings", s.warnings());
        summary.put("skipped", s.skipped());
        ArrayNode objects = root.putArray("objects");
        for (ObjectReport o : report.objects()) {
            Resource r = o.resource();
            ObjectNode obj = objects.addObject();
            obj.put("file", r.file());
            obj.put("document", r.document());
            obj.put("line", r.locate("").line());
            obj.put("apiVersion", r.apiVersion());
            obj.put("kind", r.kind());
            obj.put("namespace", o.namespace());
            obj.put("name", r.name());
            ArrayNode findings = obj.putArray("findings");
            for (Finding f : o.findings()) {
                ObjectNode fo = findings.addObject();
                fo.put("rule", f.rule());
                fo.put("severity", f.severity().label());
                fo.put("field", f.field());
                fo.put("message", f.message());
                fo.put("hint", f.hint());
                fo.put("line", f.location().line());
                fo.put("column", f.location().column());
                if (!f.fix().isEmpty()) {
                    fo.set("fix", patch(f.fix()));
                }
            }
        }
        return root;
    }

    /** RFC 6902 JSON Patch. */
    static ArrayNode patch(List<PatchOperation> ops) {
        ArrayNode out = F.arrayNode();
        for (PatchOperation op : ops) {
            ObjectNode o = out.addObject();
            o.put("op", op.op());
            o.put("path", op.path());
            if (op.value() != null) {
                o.set("value", op.value());
            }
        }
        return out;
    }

    /** Two-space indent, {@code "key": value}, LF line ends on every OS, trailing newline. */
    public static String write(Object tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        ObjectWriter writer = new ObjectMapper().writer(printer);
        try {
            return writer.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
