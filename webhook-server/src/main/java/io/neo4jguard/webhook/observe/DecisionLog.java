package io.neo4jguard.webhook.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.webhook.admission.Answer;
import io.neo4jguard.webhook.admission.Decision;
import io.neo4jguard.webhook.admission.Webhook;

/**
 * One log line per admission decision: uid, kind, namespace/name, operation, allowed, rule IDs and
 * duration. Finding messages are left out on purpose: they quote field values.
 */
public final class DecisionLog {
    private final JsonLog log;

    public DecisionLog(JsonLog log) {
        this.log = log;
    }

    public void record(Webhook webhook, Answer answer, double durationMs) {
        Decision d = answer.decision();
        ObjectNode n;
        if (d == null) {
            n = log.line("warn", "admission request refused");
            n.put(LogKeys.WEBHOOK, webhook.label());
            n.put(LogKeys.HTTP_STATUS, answer.httpStatus());
            n.put(LogKeys.REASON, answer.refusal());
        } else {
            n = log.line(d.failure().isEmpty() ? "info" : "error", "admission decision");
            n.put(LogKeys.WEBHOOK, d.webhook().label());
            n.put(LogKeys.UID, d.uid());
            n.put(LogKeys.KIND, d.kind());
            n.put(LogKeys.NAMESPACE, d.namespace());
            n.put(LogKeys.NAME, d.name());
            n.put(LogKeys.OPERATION, d.operation().name());
            n.put(LogKeys.DRY_RUN, d.dryRun());
            n.put(LogKeys.ALLOWED, d.allowed());
            ArrayNode rules = n.putArray(LogKeys.RULES);
            d.ruleIds().forEach(rules::add);
            if (d.webhook() == Webhook.MUTATE) {
                n.put(LogKeys.PATCH_OPS, d.patchOps());
            }
            if (!d.failure().isEmpty()) {
                n.put(LogKeys.FAILURE, d.failure());
            }
        }
        n.put(LogKeys.DURATION_MS, Math.round(durationMs * 1000) / 1000.0);
        log.write(n);
    }
}
