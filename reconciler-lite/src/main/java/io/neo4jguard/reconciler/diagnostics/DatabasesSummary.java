package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code SHOW DATABASES} per database: where it runs, the status asked for against the status each server reports,
 * and one line per placement that differs. Databases are sorted by name so an unchanged cluster gives a
 * byte-identical status (and no status write).
 */
public record DatabasesSummary(List<Database> databases) {
    /** One database and its placements. {@code requestedStatus} is the same on every server in practice. */
    public record Database(String name, String requestedStatus, List<DatabaseRow> placements, List<String> problems) {
        public Database {
            placements = List.copyOf(placements);
            problems = List.copyOf(problems);
        }

        public boolean asRequested() {
            return problems.isEmpty();
        }

        public boolean quarantined() {
            return placements.stream().anyMatch(p -> DatabaseRow.QUARANTINED.equals(p.currentStatus()));
        }
    }

    public DatabasesSummary {
        databases = List.copyOf(databases);
    }

    static DatabasesSummary of(List<DatabaseRow> rows) {
        Map<String, List<DatabaseRow>> byName = new TreeMap<>();
        for (DatabaseRow r : rows) {
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        List<Database> out = new ArrayList<>();
        byName.forEach((name, placements) -> {
            List<String> problems = new ArrayList<>();
            for (DatabaseRow p : placements) {
                if (!p.asRequested()) {
                    problems.add(name + (p.address().isEmpty() ? "" : " on " + p.address()) + ": requested "
                            + p.requestedStatus() + ", current " + p.currentStatus()
                            + (p.statusMessage().isBlank() ? "" : " (" + p.statusMessage().strip() + ")"));
                }
            }
            out.add(new Database(name, placements.get(0).requestedStatus(), placements, problems));
        });
        return new DatabasesSummary(out);
    }

    public int total() {
        return databases.size();
    }

    public int asRequested() {
        return (int) databases.stream().filter(Database::asRequested).count();
    }

    public List<String> problems() {
        return databases.stream().flatMap(d -> d.problems().stream()).toList();
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("total", total()).put("asRequested", asRequested());
        var list = n.putArray("members");
        for (Database d : databases) {
            ObjectNode db = list.addObject().put("name", d.name()).put("requestedStatus", d.requestedStatus());
            var where = db.putArray("placements");
            for (DatabaseRow p : d.placements()) {
                ObjectNode o = where.addObject().put("address", p.address()).put("role", p.role())
                        .put("currentStatus", p.currentStatus());
                if (!p.statusMessage().isBlank()) {
                    o.put("statusMessage", p.statusMessage().strip());
                }
            }
        }
        return n;
    }
}
