package io.neo4jguard.webhook.admission;

import io.neo4jguard.core.api.Finding;

import java.util.List;

/**
 * What was decided for one review: the facts a log line and the metrics need, and nothing of the
 * object's contents (findings are kept for their rule IDs and severities; their messages may quote
 * values and are never logged).
 *
 * @param findings every finding of the validation (empty for mutate)
 * @param patchOps the number of JSON Patch operations returned (mutate)
 * @param failure  why the request was answered without a full check (timeout, internal error); empty otherwise
 */
public record Decision(Webhook webhook, String uid, String kind, String namespace, String name,
                       Operation operation, boolean dryRun, boolean allowed, List<Finding> findings,
                       int patchOps, String failure) {
    public Decision {
        findings = List.copyOf(findings);
    }

    public List<String> ruleIds() {
        return findings.stream().map(Finding::rule).distinct().toList();
    }
}
