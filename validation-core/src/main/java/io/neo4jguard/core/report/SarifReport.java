package io.neo4jguard.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.RuleMeta;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: {@code $schema}, {@code version}, one run whose
 * {@code tool.driver} names neo4j-guard with its version and project page ({@link ToolInfo}) and
 * describes every rule (shortDescription = title, fullDescription = rationale, help = remediation and
 * example, defaultConfiguration.level), and one
 * result per finding with ruleId, level, message.text and a physical location: the file relative to
 * the working directory and the line and column of the field. GitHub refuses a region without
 * {@code startLine >= 1}, so a finding whose line is unknown points at line 1. Findings whose fix maps to
 * the text (see {@link Fixes}) carry it as SARIF {@code fixes}.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    /** GitHub resolves this base to the repository checkout. */
    static final String SRCROOT = "%SRCROOT%";

    /**
     * One text replacement of a fix, in the finding's file: the region from the start (inclusive) to the end
     * (exclusive, SARIF's {@code endColumn} is the column after the region), 1-based lines and Unicode
     * code-point columns (the run's {@code columnKind}), and the text that replaces it.
     */
    public record Replacement(int startLine, int startColumn, int endLine, int endColumn, String text) {
    }

    /**
     * Where a finding's fix (a JSON Patch on the object) lands in its file. SARIF fixes are text
     * replacements ({@code fixes[].artifactChanges[].replacements[]}: a deleted region and inserted text), so
     * only the reader of the text can map a patch to them; the CLI's {@code check} does
     * ({@code cli.SarifFixes}). A finding whose fix does not map to the text gets no {@code fixes}.
     */
    @FunctionalInterface
    public interface Fixes {
        Fixes NONE = (object, finding) -> List.of();

        /** The replacements that apply the finding's fix, or none. */
        List<Replacement> replacements(ObjectReport object, Finding finding);
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final List<RuleMeta> rules;
    private final Path baseDir;
    private final Fixes fixes;

    /**
     * @param rules   every rule of the engine (SARIF wants the rules described once, results refer by index)
     * @param baseDir the directory relative file names are resolved against (the CLI's working directory)
     */
    public SarifReport(List<RuleMeta> rules, Path baseDir) {
        this(rules, baseDir, Fixes.NONE);
    }

    public SarifReport(List<RuleMeta> rules, Path baseDir, Fixes fixes) {
        this.rules = List.copyOf(rules);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.fixes = fixes;
    }

    public String render(Report report) {
        return JsonReport.write(tree(report));
    }

    public ObjectNode tree(Report report) {
        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ToolInfo.NEO4J_GUARD.name());
        driver.put("version", ToolInfo.NEO4J_GUARD.version());
        driver.put("informationUri", ToolInfo.NEO4J_GUARD.informationUri());
        Map<String, Integer> index = new HashMap<>();
        ArrayNode descriptors = driver.putArray("rules");
        for (RuleMeta m : rules) {
            index.put(m.id(), descriptors.size());
            descriptors.add(descriptor(m));
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (ObjectReport o : report.objects()) {
            for (Finding f : o.findings()) {
                results.add(result(o, f, index.get(f.rule())));
            }
        }
        return root;
    }

    private ObjectNode descriptor(RuleMeta m) {
        ObjectNode d = F.objectNode();
        d.put("id", m.id());
        d.put("name", pascal(m.id()));
        d.putObject("shortDescription").put("text", m.title());
        d.putObject("fullDescription").put("text", m.rationale());
        ObjectNode help = d.putObject("help");
        help.put("text", m.remediation() + (m.example().isEmpty() ? "" : "\n\nExample:\n" + m.example()));
        help.put("markdown", m.remediation() + (m.example().isEmpty() ? ""
                : "\n\nExample:\n\n```yaml\n" + m.example().stripTrailing() + "\n```"));
        d.putObject("defaultConfiguration").put("level", m.severity().label());
        ObjectNode props = d.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("kubernetes");
        tags.add("neo4j");
        tags.add(m.concern());
        props.put("problem.severity", m.severity().label());
        ArrayNode kinds = props.putArray("kinds");
        Kinds.ALL.stream().filter(m::appliesTo).forEach(kinds::add);
        return d;
    }

    private ObjectNode result(ObjectReport o, Finding f, Integer ruleIndex) {
        ObjectNode r = F.objectNode();
        r.put("ruleId", f.rule());
        if (ruleIndex != null) {
            r.put("ruleIndex", ruleIndex);
        }
        r.put("level", f.severity().label());
        String text = o.resource().displayName() + ": " + (f.field().isEmpty() ? "" : f.field() + ": ")
                + f.message() + (f.hint().isEmpty() ? "" : " (hint: " + f.hint() + ")");
        r.putObject("message").put("text", text);
        ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
        String file = f.location().file().isEmpty() ? o.resource().file() : f.location().file();
        ObjectNode artifact = physical.putObject("artifactLocation");
        String uri = uri(file);
        artifact.put("uri", uri);
        if (!uri.startsWith("file:")) {
            artifact.put("uriBaseId", SRCROOT);
        }
        Location at = f.location().known() ? f.location() : o.resource().locate("");
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, at.line()));
        if (at.known() && at.column() >= 1) {
            region.put("startColumn", at.column());
        }
        ObjectNode props = r.putObject("properties");
        props.put("object", o.qualifiedName());
        props.put("field", f.field());
        props.put("document", o.resource().document());
        List<Replacement> replacements = fixes.replacements(o, f);
        if (!replacements.isEmpty()) {
            r.set("fixes", fix(f, artifact, replacements));
        }
        return r;
    }

    /** One SARIF fix: a description and the replacements in the result's own file. */
    private static ArrayNode fix(Finding f, ObjectNode artifact, List<Replacement> replacements) {
        ArrayNode fixesArray = F.arrayNode();
        ObjectNode fix = fixesArray.addObject();
        fix.putObject("description").put("text", f.hint().isEmpty() ? "Apply the fix for " + f.rule() : f.hint());
        ObjectNode change = fix.putArray("artifactChanges").addObject();
        change.set("artifactLocation", artifact.deepCopy());
        ArrayNode list = change.putArray("replacements");
        for (Replacement x : replacements) {
            ObjectNode rep = list.addObject();
            ObjectNode region = rep.putObject("deletedRegion");
            region.put("startLine", x.startLine());
            region.put("startColumn", x.startColumn());
            region.put("endLine", x.endLine());
            region.put("endColumn", x.endColumn());
            rep.putObject("insertedContent").put("text", x.text());
        }
        return fixesArray;
    }

    /**
     * A URI reference for a file name as the CLI was given it: relative to the working directory where
     * possible (GitHub matches results to files by repository-relative path), forward slashes,
     * percent-encoded; an absolute path outside the working directory becomes a {@code file:} URI.
     */
    String uri(String file) {
        if (file.isEmpty()) {
            return "unknown";
        }
        String relative;
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                Path n = p.normalize();
                if (!n.startsWith(baseDir)) {
                    return n.toUri().toASCIIString();
                }
                p = baseDir.relativize(n);
            }
            relative = p.normalize().toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            relative = file.replace('\\', '/');
        }
        if (relative.isEmpty()) {
            relative = ".";
        }
        try {
            String encoded = new URI(null, null, relative, null).toASCIIString();
            // "a:b.yaml" would read as scheme "a": make the first segment unambiguous.
            int colon = encoded.indexOf(':');
            int slash = encoded.indexOf('/');
            if (colon >= 0 && (slash < 0 || colon < slash)) {
                encoded = "./" + encoded;
            }
            return encoded;
        } catch (URISyntaxException e) {
            return relative;
        }
    }

    /** {@code topology.min-servers} -> {@code TopologyMinServers} (SARIF's optional rule name). */
    private static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
