package io.neo4jguard.core;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.report.JsonReport;
import io.neo4jguard.core.report.SarifReport;
import io.neo4jguard.core.report.TextReport;
import io.neo4jguard.core.testkit.Manifests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a run depends on the objects, never on the order they were given in. */
class ValidatorProperties {
    private final Validator validator = Validator.of(TestChecks.all(), Policy.defaults());

    @Property(tries = 200)
    void shufflingTheObjectsOfARunGivesTheSameReport(@ForAll("runs") List<Resource> objects,
                                                     @ForAll("runs") List<Resource> old,
                                                     @ForAll boolean strictRefs, @ForAll long seed) {
        String expected = render(validator.check(objects, old, strictRefs));
        List<Resource> shuffled = new ArrayList<>(objects);
        List<Resource> shuffledOld = new ArrayList<>(old);
        Collections.shuffle(shuffled, new Random(seed));
        Collections.shuffle(shuffledOld, new Random(~seed));
        assertThat(render(validator.check(shuffled, shuffledOld, strictRefs)))
                .as("report after shuffling the objects").isEqualTo(expected);
    }

    @Property(tries = 50)
    void validatingTwiceGivesTheSameReport(@ForAll("runs") List<Resource> objects) {
        assertThat(render(validator.check(objects, List.of(), false)))
                .isEqualTo(render(validator.check(objects, List.of(), false)));
    }

    private String render(io.neo4jguard.core.report.Report report) {
        return new JsonReport().render(report)
                + new SarifReport(validator.rules(), Path.of("")).render(report)
                + new TextReport(false).render(report);
    }

    /** A few files of a few documents: clusters, databases referring to them, Secrets; duplicates likely. */
    @Provide
    Arbitrary<List<Resource>> runs() {
        Arbitrary<String> name = Arbitraries.of("graph", "sales", "other");
        Arbitrary<String> ns = Arbitraries.of("", "default", "prod");
        Arbitrary<String> cluster = Combinators.combine(name, ns, Arbitraries.integers().between(1, 6))
                .as((n, s, k) -> TestChecks.cluster(n, s.isEmpty() ? null : s, k));
        Arbitrary<String> database = Combinators.combine(name, ns, name)
                .as((n, s, ref) -> TestChecks.database(n, s.isEmpty() ? null : s, ref));
        Arbitrary<String> secret = Combinators.combine(name, ns)
                .as((n, s) -> "apiVersion: v1\nkind: Secret\nmetadata: {name: " + n
                        + (s.isEmpty() ? "" : ", namespace: " + s) + "}\n");
        Arbitrary<String> file = Arbitraries.oneOf(cluster, database, secret).list().ofMinSize(1).ofMaxSize(4)
                .map(docs -> String.join("---\n", docs));
        return file.list().ofMinSize(0).ofMaxSize(4).map(files -> {
            List<Resource> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                out.addAll(Manifests.parse("f" + (i % 2) + ".yaml", files.get(i)));
            }
            return out;
        });
    }
}
