package io.neo4jguard.core.rules.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Small shared pieces of the cluster/standalone checks: kind sets, text reads, JSON Patch pointers. */
final class ServerSpecs {
    static final Set<String> BOTH = Set.of(Kinds.CLUSTER, Kinds.STANDALONE);
    static final Set<String> CLUSTER = Set.of(Kinds.CLUSTER);

    /** RFC 1123 subdomain (StorageClass and Secret names): labels of [a-z0-9-] joined by dots, at most 253. */
    static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final int DNS_SUBDOMAIN_MAX = 253;

    private ServerSpecs() {
    }

    static boolean isCluster(RuleContext ctx) {
        return Kinds.CLUSTER.equals(ctx.kind());
    }

    /** The text of a string field, trimmed, when it is present and not blank. */
    static Optional<String> nonBlank(Node n) {
        return n.text().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Absent, JSON null, or a blank string. */
    static boolean blank(Node n) {
        return !n.present() || n.text().map(String::isBlank).orElse(false);
    }

    static boolean isDnsSubdomain(String s) {
        return s.length() <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.matcher(s).matches();
    }

    /** Case-insensitive match into a closed set; the canonical spelling, or empty. */
    static Optional<String> canonical(String value, List<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return allowed.stream().filter(a -> a.toLowerCase(Locale.ROOT).equals(v)).findFirst();
    }

    /** JSON Pointer (RFC 6901) to a field path made of plain object keys and array indexes. */
    static String pointer(Object... segments) {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            b.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    static List<PatchOperation> replaceText(String pointer, String value) {
        return List.of(PatchOperation.replace(pointer, text(value)));
    }

    static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }
}
