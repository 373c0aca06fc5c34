package io.neo4jguard.core.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.defaults.DefaultsOptions;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ManifestSource;
import io.neo4jguard.core.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "mutate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Applies neo4j-guard's defaults to Neo4j operator manifests and prints the result.",
                "yaml (default): every document of the input, the defaulted objects with the new keys inserted "
                        + "into the text (comments, key order and formatting kept), other objects unchanged, "
                        + "files separated by ---. patch: a JSON array with the JSON Patch (RFC 6902) of every "
                        + "operator object."},
        footer = {"", "Exit codes: 0 success, 2 usage, I/O, parse or policy error.",
                "Examples:",
                "  neo4j-guard mutate k8s/graph.yaml > k8s/graph.defaulted.yaml",
                "  helm template my-release chart/ | neo4j-guard mutate - | kubectl apply -f -",
                "  neo4j-guard mutate --output patch --policy policies/production.yaml k8s/"})
final class MutateCommand implements Callable<Integer> {
    enum Format { yaml, patch }

    private final Invocation invocation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (default): the defaulted manifests; patch: the JSON Patch of every object")
    Format output;

    /** The policy's defaults: section applies (e.g. antiAffinity: required); its rules are checked too. */
    @CommandLine.Mixin
    PolicyOption policy;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "files, directories (*.yaml, *.yml, *.json below them) or - for standard input")
    List<String> paths = new ArrayList<>();

    MutateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Operands.readStdinOnce(spec, List.of(paths));
        Optional<Validator> p = policy.apply(invocation.validator(), invocation.cwd(), invocation.err());
        if (p.isEmpty()) {
            return Main.USAGE;
        }
        Defaults defaults = Defaults.standard(DefaultsOptions.from(p.get().policy()));

        ManifestSource.Result read = new ManifestSource(new ManifestParser(), invocation.in(), invocation.cwd())
                .keepingTexts().read(paths);
        if (!read.ok()) {
            read.errors().forEach(e -> invocation.error(e.describe()));
            invocation.error(read.errors().size() == 1 ? "1 input could not be read; nothing was written"
                    : read.errors().size() + " inputs could not be read; nothing was written");
            return Main.USAGE;
        }
        Map<Resource, List<PatchOperation>> patches = new IdentityHashMap<>();
        for (Resource r : read.resources()) {
            if (r.isOurs()) {
                patches.put(r, defaults.patch(r));
            }
        }
        String rendered = output == Format.patch ? patchJson(read.resources(), patches)
                : yaml(read, patches, defaults);
        invocation.out().print(rendered);
        invocation.out().flush();
        return Main.OK;
    }

    private static String patchJson(List<Resource> resources, Map<Resource, List<PatchOperation>> patches) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode out = f.arrayNode();
        for (Resource r : resources) {
            List<PatchOperation> ops = patches.get(r);
            if (ops == null) {
                continue;
            }
            ObjectNode o = out.addObject();
            o.put("file", r.file());
            o.put("document", r.document());
            o.put("kind", r.kind());
            o.put("namespace", r.effectiveNamespace());
            o.put("name", r.name());
            ArrayNode patch = o.putArray("patch");
            for (PatchOperation op : ops) {
                ObjectNode po = patch.addObject();
                po.put("op", op.op());
                po.put("path", op.path());
                if (op.value() != null) {
                    po.set("value", op.value());
                }
            }
        }
        return JsonReport.write(out);
    }

    private String yaml(ManifestSource.Result read, Map<Resource, List<PatchOperation>> patches, Defaults defaults) {
        Map<String, List<Resource>> byFile = new LinkedHashMap<>();
        read.texts().keySet().forEach(name -> byFile.put(name, new ArrayList<>()));
        for (Resource r : read.resources()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> file : read.texts().entrySet()) {
            MutatedFile m = MutatedFile.of(file.getKey(), file.getValue(), byFile.get(file.getKey()), patches,
                    defaults);
            m.note().ifPresent(n -> invocation.error(file.getKey() + ": " + n));
            String text = m.text();
            if (text.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                // A directive (%YAML) may only follow a document that was ended with "...".
                out.append(text.startsWith("%") ? "...\n" : text.startsWith("---") ? "" : "---\n");
            }
            out.append(text);
            if (!text.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
