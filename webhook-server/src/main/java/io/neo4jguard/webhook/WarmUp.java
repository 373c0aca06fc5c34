package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.defaults.Defaults;

/**
 * Validates and defaults one object of each of our kinds before the server reports ready. The rules,
 * schemas and their classes load on first use, which takes about a second on a small machine: longer
 * than the answer budget, so without this the first real request would be answered "no answer within
 * 1 s" (denied). Runs beside the TLS start-up, so it costs little wall time.
 */
final class WarmUp {
    private WarmUp() {
    }

    static void run(Validator validator, Defaults defaults) {
        for (String kind : Kinds.ALL) {
            Resource r = Resource.of(sample(kind));
            validator.validate(r, null, Resolver.NONE);
            validator.validate(r, r, Resolver.NONE);
            defaults.patch(r);
        }
    }

    /** A small object of the kind; for servers, shaped like a real cluster so the memory and topology rules run. */
    static ObjectNode sample(String kind) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("apiVersion", Kinds.API_VERSION);
        o.put("kind", kind);
        o.putObject("metadata").put("name", "warm-up").put("namespace", "default");
        ObjectNode spec = o.putObject("spec");
        if (Kinds.SERVERS.contains(kind)) {
            spec.put("acceptLicenseAgreement", "yes");
            spec.putObject("image").put("repo", "neo4j").put("tag", "5.26.0-enterprise");
            if (kind.equals(Kinds.CLUSTER)) {
                spec.putObject("topology").put("servers", 3);
            }
            spec.putObject("storage").put("size", "10Gi");
            ObjectNode res = spec.putObject("resources");
            res.putObject("requests").put("memory", "4Gi").put("cpu", "1");
            res.putObject("limits").put("memory", "4Gi");
            spec.putObject("config").put("server.memory.heap.max_size", "1g");
            spec.putObject("auth").put("adminSecret", "warm-up");
        } else {
            spec.put("clusterRef", "warm-up");
            spec.put("name", "warmup");
        }
        return o;
    }
}
