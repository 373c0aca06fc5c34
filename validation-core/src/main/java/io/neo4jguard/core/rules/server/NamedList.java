package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A spec list whose entries are identified by {@code name} (extra volumes, trusted CA Secrets): every entry
 * needs a name of one grammar, unique within the list. The checks differ only in grammar and wording.
 *
 * @param nameRule      reported for a missing, too long or malformed name
 * @param duplicateRule reported for a name listed twice
 * @param grammar       the name grammar (a Kubernetes name form)
 * @param maxLength     its length limit
 * @param blankIsMissing whether a whitespace-only name counts as missing (else the grammar reports it)
 * @param required      the Required-value detail
 * @param invalid       the Invalid-value detail for a name outside the grammar
 * @param duplicateHint the hint after "already ... at <path>", e.g. "; the name is the truststore alias"
 */
record NamedList(RuleMeta nameRule, RuleMeta duplicateRule, Pattern grammar, int maxLength, boolean blankIsMissing,
                 String required, String invalid, String duplicateHint) {

    /** Reports the list's name problems; {@code each} then sees every named entry (valid or not) for more checks. */
    void check(RuleContext ctx, Node list, BiConsumer<String, Node> each) {
        Map<String, String> seen = new HashMap<>();
        for (Node entry : list.items()) {
            Node name = entry.get("name");
            Optional<String> text = name.text();
            if (text.isEmpty() || (blankIsMissing ? text.get().isBlank() : text.get().isEmpty())) {
                ctx.report(nameRule, name.path(), Messages.required(required));
                continue;
            }
            String n = text.get();
            if (n.length() > maxLength) {
                ctx.report(nameRule, name.path(), Messages.tooLong(n, maxLength));
            } else if (!grammar.matcher(n).matches()) {
                ctx.report(nameRule, name.path(), Messages.invalid(n, invalid));
            }
            String first = seen.putIfAbsent(n, name.path());
            if (first != null) {
                ctx.report(duplicateRule, name.path(), Messages.duplicate(n), duplicateHint.formatted(first));
            }
            each.accept(n, name);
        }
    }
}
