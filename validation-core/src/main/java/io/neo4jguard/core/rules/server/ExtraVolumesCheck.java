package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.OperatorVolumes;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.extraVolumes}: pod volumes the operator adds to the server pods next to its own. They are only
 * validated by the API server when the operator creates the StatefulSet, so a bad one is admitted and the
 * cluster never gets pods; these rules move that failure to admission.
 */
public final class ExtraVolumesCheck implements Check {

    public static final RuleMeta NAME = new RuleMeta("volumes.name",
            "An extra volume without a valid name", Severity.ERROR, Kinds.SERVERS,
            "Pod volume names must be DNS-1123 labels (lower-case letters, digits and '-', at most 63 characters). "
                    + "The API server refuses the operator's StatefulSet otherwise, so no server pod is created.",
            "Name the volume with lower-case letters, digits and '-'.",
            "spec:\n  extraVolumes:\n    - name: import-files\n      persistentVolumeClaim:\n        claimName: imports");

    public static final RuleMeta DUPLICATE = new RuleMeta("volumes.duplicate",
            "Two extra volumes with the same name", Severity.ERROR, Kinds.SERVERS,
            "Volume names must be unique within a pod; the API server refuses the StatefulSet ('Duplicate value') "
                    + "and no server pod is created.",
            "Give each volume its own name.",
            "spec:\n  extraVolumes:\n    - name: import-files\n      emptyDir: {}\n    - name: licenses\n      secret:\n"
                    + "        secretName: gds-license");

    public static final RuleMeta OPERATOR_NAME = new RuleMeta("volumes.operator-name",
            "An extra volume named like one of the operator's volumes", Severity.WARNING, Kinds.SERVERS,
            "The operator adds its own volumes to the server pods (for clusters: data, config, logs, plugins, and "
                    + "certs and truststore when TLS or trusted CAs are configured). An extra volume with one of "
                    + "these names duplicates it and the API server refuses the StatefulSet. A warning, not an "
                    + "error, because those names are the operator's internals and may differ between its versions.",
            "Choose a name with a prefix of your own, e.g. extra-data.",
            "spec:\n  extraVolumes:\n    - name: extra-import\n      emptyDir: {}");

    /** {@code IsDNS1123Label}. */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final int DNS_LABEL_MAX = 63;

    private static final List<RuleMeta> RULES = List.of(NAME, DUPLICATE, OPERATOR_NAME);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    private static final NamedList VOLUMES = new NamedList(NAME, DUPLICATE, DNS_LABEL, DNS_LABEL_MAX, false,
            "every volume needs a name for its mounts to refer to",
            "a volume name must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with "
                    + "a letter or digit",
            "already used at %s");

    @Override
    public void check(RuleContext ctx) {
        VOLUMES.check(ctx, ctx.spec().get("extraVolumes"), (n, name) -> {
            if (OperatorVolumes.NAMES.contains(n)) {
                ctx.report(OPERATOR_NAME, name.path(), Messages.invalid(n, "the operator adds a volume of this "
                        + "name to the server pods; two volumes of one name make the StatefulSet invalid"),
                        "rename it, e.g. extra-" + n + ", and its mounts");
            }
        });
    }

    /** The names of the declared extra volumes (for mounts). */
    static Set<String> declared(Node spec) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (Node v : spec.get("extraVolumes").items()) {
            v.get("name").text().ifPresent(out::add);
        }
        return out;
    }
}
