package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.MountPaths;
import io.neo4jguard.core.server.OperatorVolumes;
import io.neo4jguard.core.tree.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.extraVolumeMounts}: where extra volumes appear in the Neo4j container. Paths are compared
 * after normalisation ({@link MountPaths}), so {@code //data/}, {@code /data/.} and
 * {@code /var/lib/neo4j/../neo4j/conf} are what they are.
 */
public final class MountsCheck implements Check {

    public static final RuleMeta REQUIRED = new RuleMeta("mounts.required",
            "A volume mount without a volume name or a mount path", Severity.ERROR, Kinds.SERVERS,
            "A container volume mount needs the volume's name and an absolute path; the API server refuses the "
                    + "operator's StatefulSet without them, so no server pod is created.",
            "Give both name (an extraVolumes entry) and mountPath.",
            "spec:\n  extraVolumeMounts:\n    - name: import-files\n      mountPath: /import");

    public static final RuleMeta RELATIVE = new RuleMeta("mounts.relative-path",
            "A relative mount path", Severity.ERROR, Kinds.SERVERS,
            "Container runtimes mount only at absolute paths; a relative mountPath makes the container fail to "
                    + "start (CreateContainerError) on every server pod.",
            "Start the mount path with '/'.",
            "spec:\n  extraVolumeMounts:\n    - name: import-files\n      mountPath: /import");

    public static final RuleMeta RESERVED = new RuleMeta("mounts.reserved-path",
            "A mount over a path the operator or the image needs", Severity.ERROR, Kinds.SERVERS,
            "The operator mounts the data, logs, config, plugins, certificates and truststore volumes at fixed paths "
                    + "(/data, /logs, /conf, /plugins, /ssl, /truststore), and Neo4j's home /var/lib/neo4j holds its "
                    + "launcher, jars and configuration. A mount at one of them, inside one (/data/transactions) or "
                    + "above one (/, /var, /var/lib) hides what Neo4j reads or writes there: the server does not "
                    + "start, or writes data to a volume that is not the data volume and loses it. Paths are compared "
                    + "after normalising '//', '.', '..' and trailing slashes.",
            "Mount somewhere of your own, e.g. /import, /licenses or /var/lib/neo4j/import.",
            "spec:\n  extraVolumeMounts:\n    - name: import-files\n      mountPath: /var/lib/neo4j/import");

    public static final RuleMeta DUPLICATE = new RuleMeta("mounts.duplicate-path",
            "Two mounts at the same path", Severity.ERROR, Kinds.SERVERS,
            "Mount paths must be unique in a container (the API server refuses equal ones); paths that differ only in "
                    + "spelling ('/import' and '/import/') mount twice at one place, and the second hides the first.",
            "Mount each volume at its own path.",
            "spec:\n  extraVolumeMounts:\n    - name: import-files\n      mountPath: /import\n    - name: licenses\n"
                    + "      mountPath: /licenses");

    public static final RuleMeta UNKNOWN_VOLUME = new RuleMeta("mounts.unknown-volume",
            "A mount of a volume that is not declared", Severity.WARNING, Kinds.SERVERS,
            "A mount must name a volume of the pod. A name that is neither in spec.extraVolumes nor one of the "
                    + "operator's own volumes makes the API server refuse the StatefulSet ('Not found'), so no server "
                    + "pod is created. A warning rather than an error because the operator documents mounting its own "
                    + "volumes by name, and those internal names may change between operator versions.",
            "Declare the volume in spec.extraVolumes with the same name, or fix the name.",
            "spec:\n  extraVolumes:\n    - name: import-files\n      emptyDir: {}\n  extraVolumeMounts:\n"
                    + "    - name: import-files\n      mountPath: /import");

    private static final List<RuleMeta> RULES = List.of(REQUIRED, RELATIVE, RESERVED, DUPLICATE, UNKNOWN_VOLUME);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> volumes = ExtraVolumesCheck.declared(ctx.spec());
        Map<String, String> seen = new HashMap<>();
        for (Node mount : ctx.spec().get("extraVolumeMounts").items()) {
            Node name = mount.get("name");
            Optional<String> volume = name.text().filter(s -> !s.isEmpty());
            if (volume.isEmpty()) {
                ctx.report(REQUIRED, name.path(), Messages.required("the name of the volume to mount"));
            } else if (!volumes.contains(volume.get()) && !OperatorVolumes.NAMES.contains(volume.get())) {
                ctx.report(UNKNOWN_VOLUME, name.path(), Messages.notFound(volume.get(),
                                "no spec.extraVolumes entry of that name"),
                        volumes.isEmpty() ? "declare it in spec.extraVolumes"
                                : "declared volumes: " + String.join(", ", new java.util.TreeSet<>(volumes)));
            }
            Node path = mount.get("mountPath");
            Optional<String> p = path.text().filter(s -> !s.isEmpty());
            if (p.isEmpty()) {
                ctx.report(REQUIRED, path.path(), Messages.required("an absolute path in the Neo4j container"));
                continue;
            }
            String raw = p.get();
            if (!raw.startsWith("/")) {
                ctx.report(RELATIVE, path.path(), Messages.invalid(raw, "must be an absolute path"),
                        "did you mean /" + raw + "?");
                continue;
            }
            String normal = MountPaths.normalise(raw);
            String shown = normal.equals(raw) ? "" : " (normalised: " + normal + ")";
            MountPaths.reserved(normal).ifPresent(why -> ctx.report(RESERVED, path.path(),
                    Messages.forbidden(Messages.quote(raw) + shown + ": " + why),
                    "mount it elsewhere, e.g. /import or /var/lib/neo4j/import"));
            String first = seen.putIfAbsent(normal, path.path());
            if (first != null) {
                ctx.report(DUPLICATE, path.path(), Messages.invalid(raw, "the same path as " + first + shown),
                        "mount each volume at its own path");
            }
        }
    }
}
