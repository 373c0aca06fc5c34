package io.neo4jguard.reconciler.cli;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.defaults.DefaultsOptions;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.policy.PolicyException;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ManifestSource;
import io.neo4jguard.core.read.ReadException;
import io.neo4jguard.core.report.TextReport;
import io.neo4jguard.reconciler.desired.DesiredState;
import io.neo4jguard.reconciler.desired.DesiredYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neo4j-guard render FILE|-}: prints the objects reconciler-lite would apply for the manifests, with the
 * serializer the controller applies them with, for GitOps review and CI diffs. Exit 0 with the objects on stdout;
 * 1 when validation finds an error (the report on stderr, nothing on stdout); 2 for unreadable input or usage.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints the StatefulSets, Services, ConfigMaps, PodDisruptionBudgets, Jobs and CronJobs "
                + "reconciler-lite would apply for Neo4jEnterpriseCluster, Neo4jEnterpriseStandalone and Neo4jBackup "
                + "manifests (after the same defaults and validation as the webhooks).",
        footer = {"", "Exit codes: 0 rendered, 1 validation errors (report on stderr, nothing on stdout), "
                + "2 usage or unreadable input.",
                "Objects of a manifest without metadata.uid carry the owner uid " + Rendering.PLACEHOLDER_UID
                        + ": render output is for review; apply the custom resources, not the output."})
public final class RenderCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int ERRORS = 1;
    static final int USAGE = 2;

    @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "Manifest files or directories; - for stdin.")
    List<String> operands;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = Rendering.DEFAULT_NAMESPACE,
            description = "Namespace of manifests that name none (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = DesiredState.DEFAULT_CLUSTER_DOMAIN,
            description = "DNS domain of the Kubernetes cluster, in pod FQDNs (default: ${DEFAULT-VALUE}).")
    String clusterDomain;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file, as for check and serve.")
    Path policy;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    public RenderCommand(InputStream in, PrintStream out, PrintStream err, Path cwd) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.cwd = cwd.toAbsolutePath();
    }

    @Override
    public Integer call() {
        Validator validator = Validator.standard();
        Defaults defaults = Defaults.standard();
        if (policy != null) {
            try {
                Policy p = Policy.load(cwd.resolve(policy), validator.rules());
                validator = validator.withPolicy(p);
                defaults = Defaults.standard(DefaultsOptions.from(p));
            } catch (PolicyException e) {
                err.println("neo4j-guard: " + e.getMessage());
                return USAGE;
            }
        }
        ManifestSource.Result read = new ManifestSource(new ManifestParser(), in, cwd).read(operands);
        if (!read.ok()) {
            for (ReadException e : read.errors()) {
                err.println("neo4j-guard: " + e.describe());
            }
            return USAGE;
        }
        Rendering.Result r;
        try {
            r = new Rendering(defaults, validator, DesiredState.withClusterDomain(clusterDomain))
                    .render(read.resources(), namespace);
        } catch (IllegalArgumentException e) {
            // What validation lets through but nothing can be built from: a backup whose target is not among the
            // manifests (validation only warns, since the target may already run in the cluster).
            err.println("neo4j-guard: " + e.getMessage());
            return ERRORS;
        }
        if (!r.ok()) {
            err.print(new TextReport(false).render(r.report()));
            return ERRORS;
        }
        try {
            out.print(DesiredYaml.yaml(r.objects()));
        } finally {
            out.flush();
        }
        return OK;
    }

}
