package io.neo4jguard.core.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ManifestSource;
import io.neo4jguard.core.report.JsonReport;
import io.neo4jguard.core.report.JunitReport;
import io.neo4jguard.core.report.Report;
import io.neo4jguard.core.report.SarifReport;
import io.neo4jguard.core.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks Neo4j operator manifests (YAML or JSON, many documents per file).",
                "All objects given form one run: references between them resolve (clusterRef -> the cluster in "
                        + "another file); objects of other kinds (Secrets, ConfigMaps, ...) are read as context "
                        + "and not checked."},
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, I/O, parse or policy error.",
                "Examples:",
                "  neo4j-guard check manifests/",
                "  helm template my-release chart/ | neo4j-guard check -",
                "  neo4j-guard check --output sarif --strict-refs k8s/ > neo4j-guard.sarif",
                "  neo4j-guard check --old <(git show HEAD~1:k8s/graph.yaml) k8s/graph.yaml"})
final class CheckCommand implements Callable<Integer> {
    private final Invocation invocation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif (GitHub code scanning) or junit")
    OutputFormat output;

    @CommandLine.Mixin
    PolicyOption policy;

    @Option(names = "--old", paramLabel = "PATH",
            description = "validate as an UPDATE from the objects in PATH (file or directory, repeatable), "
                    + "matched by kind/namespace/name")
    List<String> old = new ArrayList<>();

    @Option(names = "--strict-refs",
            description = "a reference to an object that is not among the files is an error, not a warning")
    boolean strictRefs;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "exit 1 on findings of this severity or worse: error (default) or warning")
    FailOn failOn;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "files, directories (*.yaml, *.yml, *.json below them) or - for standard input")
    List<String> paths = new ArrayList<>();

    CheckCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Operands.readStdinOnce(spec, List.of(paths, old));
        Optional<Validator> loaded = policy.apply(invocation.validator(), invocation.cwd(), invocation.err());
        if (loaded.isEmpty()) {
            return Main.USAGE;
        }
        Validator validator = loaded.get();

        ManifestSource inputs = new ManifestSource(new ManifestParser(), invocation.in(), invocation.cwd());
        // SARIF fixes are text edits: only that format needs the files' text kept.
        ManifestSource.Result current = (output == OutputFormat.sarif ? inputs.keepingTexts() : inputs).read(paths);
        ManifestSource.Result before = old.isEmpty() ? null : inputs.read(old);
        List<String> errors = new ArrayList<>();
        current.errors().forEach(e -> errors.add(e.describe()));
        if (before != null) {
            before.errors().forEach(e -> errors.add(e.describe()));
        }
        if (!errors.isEmpty()) {
            errors.forEach(invocation::error);
            invocation.error(errors.size() == 1 ? "1 input could not be read; nothing was checked"
                    : errors.size() + " inputs could not be read; nothing was checked");
            return Main.USAGE;
        }
        List<Resource> oldObjects = before == null ? List.of() : before.resources();
        Report report = validator.check(current.resources(), oldObjects, strictRefs).withFiles(current.files());

        String rendered = switch (output) {
            case text -> new TextReport(invocation.colour()).render(report);
            case json -> new JsonReport().render(report);
            case sarif -> new SarifReport(validator.rules(), invocation.cwd(),
                    new SarifFixes(current.resources(), current.texts())).render(report);
            case junit -> new JunitReport().render(report);
        };
        invocation.out().print(rendered);
        invocation.out().flush();
        return report.hasFindingsAtLeast(failOn.threshold) ? Main.FINDINGS : Main.OK;
    }
}
