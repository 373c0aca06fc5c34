package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.NameLimits;
import io.neo4jguard.core.server.ServerObjects;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;

/**
 * {@code metadata.name} of clusters and standalones: it is the prefix of every object the operator creates
 * ({@link ServerObjects}); the limits and where they come from are in {@link NameLimits}.
 */
public final class NameLengthCheck implements Check {

    public static final RuleMeta DNS_LABEL = new RuleMeta("names.dns-label",
            "The name must be a DNS label", Severity.ERROR, ServerSpecs.BOTH,
            "The API server accepts dots and a leading digit in a custom resource's name, but the operator "
                    + "derives a StatefulSet, Services ({name}-headless, {name}-discovery) and pod host names from "
                    + "it. Service names must be DNS-1035 labels (lower-case letters, digits and '-', starting with "
                    + "a letter, ending with a letter or digit), so such a name is admitted and then the operator "
                    + "fails to create its Services and the database never comes up.",
            "Rename the object with lower-case letters, digits and '-', starting with a letter.",
            "metadata:\n  name: graph-prod");

    public static final RuleMeta TOO_LONG = new RuleMeta("names.too-long",
            "The name is too long for the objects derived from it", Severity.ERROR, ServerSpecs.BOTH,
            "Names of derived objects must be 63-character DNS labels. A cluster's StatefulSet is "
                    + "{name}-server, so a cluster name may have at most 63 - 7 = 56 characters; a standalone's "
                    + "StatefulSet is {name}, so at most 63. Longer names fail when the operator creates them.",
            "Use a cluster name of at most 45 characters, a standalone name of at most 52 (see "
                    + "names.statefulset-name-too-long for why not 56 and 63).",
            "metadata:\n  name: graph-prod");

    public static final RuleMeta STATEFULSET_TOO_LONG = new RuleMeta("names.statefulset-name-too-long",
            "The StatefulSet derived from the name would create no pods", Severity.ERROR, ServerSpecs.BOTH,
            "The StatefulSet controller labels each pod controller-revision-hash={statefulset}-{hash}, with a "
                    + "hash of up to 10 characters, and a label value holds at most 63 characters. A StatefulSet "
                    + "name longer than 52 characters therefore produces pods the API server rejects, and none is "
                    + "ever created (kubernetes/kubernetes#64023). The cluster StatefulSet is {name}-server, "
                    + "leaving 45 characters for a cluster name; a standalone's is {name}, leaving 52. The "
                    + "reference operator checks only 56 and 63.",
            "Use a cluster name of at most 45 characters, a standalone name of at most 52.",
            "metadata:\n  name: graph-prod");

    @Override
    public List<RuleMeta> rules() {
        return List.of(DNS_LABEL, TOO_LONG, STATEFULSET_TOO_LONG);
    }

    @Override
    public void check(RuleContext ctx) {
        Node nameNode = ctx.metadata().get("name");
        Optional<String> text = nameNode.text();
        if (text.isEmpty() || text.get().isEmpty()) {
            return; // generateName or a missing name: the API server's business
        }
        String name = text.get();
        boolean cluster = ServerSpecs.isCluster(ctx);
        String path = nameNode.path();
        if (!NameLimits.DNS_1035_LABEL.matcher(name).matches()) {
            ctx.report(DNS_LABEL, path, Messages.invalid(name, "must be a DNS-1035 label: lower-case letters, "
                            + "digits and '-', starting with a letter and ending with a letter or digit, because it "
                            + "names the Services <name>-headless and <name>-discovery"),
                    suggestion(name));
        }
        int length = name.codePointCount(0, name.length());
        int hardMax = NameLimits.max(cluster);
        int podsMax = NameLimits.maxWithPods(cluster);
        String statefulSet = ServerObjects.statefulSet(name, cluster);
        if (length > hardMax) {
            ctx.report(TOO_LONG, path, Messages.tooLong(name, hardMax) + ": the StatefulSet "
                            + ServerObjects.statefulSet("<name>", cluster)
                            + " must be a DNS label of at most " + NameLimits.DNS_LABEL_MAX + " characters",
                    "shorten it to at most " + podsMax + " characters: longer StatefulSets create no pods");
        } else if (length > podsMax) {
            ctx.report(STATEFULSET_TOO_LONG, path, Messages.tooLong(name, podsMax) + ": the StatefulSet "
                            + Messages.quote(statefulSet) + " would label its pods controller-revision-hash="
                            + "<statefulset>-<10-character hash>, over the 63-character label limit, so no pod "
                            + "would be created",
                    "shorten it to at most " + podsMax + " characters");
        }
    }

    private static String suggestion(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        return s.isEmpty() || s.equals(name) ? "use lower-case letters, digits and '-', starting with a letter"
                : "for example " + Messages.quote(s);
    }
}
