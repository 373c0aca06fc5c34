package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The counts of {@code SHOW SERVERS} and each server's state and health, in the order Neo4j listed them. */
public record ServersSummary(int total, int enabled, int available, List<ServerRow> servers) {
    public ServersSummary {
        servers = List.copyOf(servers);
    }

    static ServersSummary of(List<ServerRow> rows) {
        int enabled = (int) rows.stream().filter(ServerRow::enabled).count();
        int available = (int) rows.stream().filter(ServerRow::available).count();
        return new ServersSummary(rows.size(), enabled, available, rows);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("total", total).put("enabled", enabled).put("available", available);
        var list = n.putArray("members");
        for (ServerRow s : servers) {
            list.addObject().put("name", s.name()).put("address", s.address()).put("state", s.state())
                    .put("health", s.health()).put("databases", s.hosting().size());
        }
        return n;
    }
}
