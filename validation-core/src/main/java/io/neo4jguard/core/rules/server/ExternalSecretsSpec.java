package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code externalSecrets} block (TLS and auth): when enabled the operator creates an External Secrets
 * Operator ExternalSecret from it, whose CRD requires a store reference, a non-empty data list and, per
 * entry, a secretKey and a remoteRef with a key. Shared by {@link TlsCheck} and {@link AuthCheck}, each
 * reporting under its own rule.
 */
final class ExternalSecretsSpec {
    static final List<String> STORE_KINDS = List.of("SecretStore", "ClusterSecretStore");

    private ExternalSecretsSpec() {
    }

    static void check(RuleContext ctx, Node block, RuleMeta rule) {
        if (!block.isObject() || !block.get("enabled").isTrue()) {
            return; // disabled (the default): the operator ignores the block
        }
        Node store = block.get("secretStoreRef");
        if (!store.isObject()) {
            ctx.report(rule, store.path(), Messages.required("the SecretStore or ClusterSecretStore to read from"),
                    "add secretStoreRef: {name: <store>, kind: SecretStore}");
        } else {
            if (ServerSpecs.blank(store.get("name"))) {
                ctx.report(rule, store.get("name").path(), Messages.required("the name of the SecretStore"));
            }
            Optional<String> kind = store.get("kind").text().filter(s -> !s.isEmpty());
            if (kind.isPresent() && !STORE_KINDS.contains(kind.get())) {
                ctx.report(rule, store.get("kind").path(), Messages.notSupported(kind.get(), STORE_KINDS));
            }
        }
        Node refresh = block.get("refreshInterval");
        refresh.text().filter(s -> !s.isEmpty()).ifPresent(text -> {
            Parsed<Long> d = GoDuration.nanos(text);
            if (!d.ok()) {
                String fix = GoDuration.fix(text);
                ctx.report(rule, refresh.path(), Messages.invalid(text, d.error()),
                        fix == null ? "e.g. 1h; 0 turns refreshing off" : "write " + fix);
            } else if (d.value() < 0) {
                ctx.report(rule, refresh.path(), Messages.invalid(text, "must not be negative"),
                        "e.g. 1h; 0 turns refreshing off");
            }
        });
        Node data = block.get("data");
        List<Node> items = data.items();
        if (items.isEmpty()) {
            ctx.report(rule, data.path(), Messages.required("at least one entry mapping a remote secret to a key of "
                    + "the generated Secret"));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (Node item : items) {
            Node key = item.get("secretKey");
            Optional<String> k = ServerSpecs.nonBlank(key);
            if (k.isEmpty()) {
                ctx.report(rule, key.path(), Messages.required("the key to write in the generated Secret"));
            } else if (!keys.add(k.get())) {
                ctx.report(rule, key.path(), Messages.duplicate(k.get()),
                        "each entry must write a different key; the later one would overwrite the earlier");
            }
            Node remote = item.get("remoteRef");
            if (!remote.isObject()) {
                ctx.report(rule, remote.path(), Messages.required("the remote secret to read: remoteRef.key"));
            } else if (ServerSpecs.blank(remote.get("key"))) {
                ctx.report(rule, remote.get("key").path(), Messages.required("the key of the secret in the store"));
            }
        }
    }
}
