package io.neo4jguard.core;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.report.ObjectReport;
import io.neo4jguard.core.report.Report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch validation (a CLI run): all objects given form the context of cross-object rules, each of
 * ours is validated, on UPDATE against its old version. The report is the same whatever order the
 * objects come in: they are sorted first ({@link RunOrder}) and duplicates resolve to the first.
 */
final class BatchRun {
    private BatchRun() {
    }

    static Report run(Engine engine, List<Resource> objects, List<Resource> old, boolean strictRefs) {
        List<Resource> sorted = new ArrayList<>(objects);
        sorted.sort(RunOrder.ORDER);
        RunResolver resolver = new RunResolver(sorted, strictRefs);
        Map<ObjectKey, Resource> before = oldByKey(old);

        List<ObjectReport> reports = new ArrayList<>();
        int skipped = 0;
        Set<String> files = new HashSet<>();
        for (Resource r : sorted) {
            files.add(r.file());
            if (!r.isOurs()) {
                skipped++;
                continue;
            }
            List<Finding> findings = engine.validate(r, before.get(ObjectKey.of(r)), resolver);
            reports.add(new ObjectReport(r, findings));
        }
        return Report.of(reports, files.size(), skipped);
    }

    /** The old version of each of our objects, matched by kind/namespace/name; first in run order wins. */
    private static Map<ObjectKey, Resource> oldByKey(List<Resource> old) {
        List<Resource> sorted = new ArrayList<>(old == null ? List.of() : old);
        sorted.sort(RunOrder.ORDER);
        Map<ObjectKey, Resource> out = new HashMap<>();
        for (Resource r : sorted) {
            if (r.isOurs()) {
                out.putIfAbsent(ObjectKey.of(r), r);
            }
        }
        return out;
    }
}
