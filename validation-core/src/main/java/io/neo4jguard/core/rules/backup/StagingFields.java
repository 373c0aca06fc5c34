package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.backup.Staging;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;

import java.math.BigDecimal;
import java.util.Optional;

/** Judges {@code options.tempPath} and {@code options.tempStorage}, shared by backup and restore options. */
final class StagingFields {
    private StagingFields() {
    }

    static void checkSize(RuleContext ctx, Node tempStorage, RuleMeta rule) {
        if (!tempStorage.isObject()) {
            return;
        }
        Node size = tempStorage.get("size");
        Optional<String> text = size.scalarText();
        if (!size.present()) {
            ctx.report(rule, size.path(), Messages.required("the size of the staging volume, e.g. 50Gi"));
            return;
        }
        if (text.isEmpty()) {
            return; // wrong type: schema check
        }
        String s = text.get();
        Parsed<BigDecimal> q = KubernetesQuantity.parse(s);
        if (!q.ok()) {
            ctx.report(rule, size.path(), Messages.invalid(s, q.error()));
        } else if (!Staging.sizeFitsCrd(s)) {
            ctx.report(rule, size.path(), Messages.invalid(s,
                    "the CRD accepts only digits with an optional Ki, Mi, Gi or Ti suffix"),
                    q.value().signum() <= 0 ? "use e.g. 50Gi" : "write " + Staging.wholeGi(q.value()));
        } else if (q.value().signum() <= 0) {
            ctx.report(rule, size.path(), Messages.invalid(s, "must be greater than zero"));
        }
    }

    /**
     * tempPath reaches the neo4j-admin command line unquoted in the backup command, so it must be a plain
     * absolute path (the operator's own rule).
     */
    static void checkPath(RuleContext ctx, Node tempPath, RuleMeta rule) {
        Optional<String> p = tempPath.text().filter(s -> !s.isEmpty());
        if (p.isEmpty()) {
            return;
        }
        String s = p.get();
        if (!s.startsWith("/")) {
            ctx.report(rule, tempPath.path(), Messages.invalid(s, "must be an absolute path"));
        } else if (!Names.isShellSafe(s)) {
            ctx.report(rule, tempPath.path(), Messages.invalid(s,
                    "may contain only letters, digits, '.', '_', '/' and '-' (it reaches /bin/sh unquoted)"));
        }
    }
}
