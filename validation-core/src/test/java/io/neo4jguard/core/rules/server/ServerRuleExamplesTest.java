package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.read.ManifestParser;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the server rules pass the rule they illustrate (completeness: rules.RuleMetadataTest). */
class ServerRuleExamplesTest {

    @Test
    void everyExampleOfAServerKindPassesItsRule() throws Exception {
        int checked = 0;
        for (Check c : Specs.ALL) {
            for (RuleMeta m : c.rules()) {
                String example = m.example();
                String kind = m.kinds().contains(Kinds.CLUSTER) ? Kinds.CLUSTER : Kinds.STANDALONE;
                if (example.startsWith("kind: ")) {
                    kind = example.substring(6, example.indexOf('\n'));
                    example = example.substring(example.indexOf('\n') + 1);
                }
                if (!Kinds.SERVERS.contains(kind)) {
                    continue;
                }
                Resource r = new ManifestParser().parse("example.yaml", "apiVersion: " + Kinds.API_VERSION
                        + "\nkind: " + kind + "\nmetadata:\n  name: graph\n" + example + "\n").get(0);
                RuleContext ctx = RuleContext.forTest(r, null, null, c);
                c.check(ctx);
                List<Finding> f = ctx.reported();
                assertThat(f).as(m.id() + " example:\n" + m.example()).noneMatch(x -> x.rule().equals(m.id()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(32);
    }
}
