package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every neo4j.conf the builders render, parsed back and put into the {@code spec.config} of the server it was
 * rendered for, passes our own config and memory rules: the reconciler never writes what the webhook would refuse.
 */
class RenderedConfRulesTest {
    /**
     * Rules that exist to keep users' hands off what the operator (here: reconciler-lite) writes itself; the
     * rendered file is that writing, so these two are the only config findings expected of it.
     */
    private static final Set<String> OURS_TO_WRITE = Set.of("config.operator-managed", "config.tls-managed");

    /**
     * On 5.26 we write {@code dbms.cluster.discovery.version=V2_ONLY} (5.26 defaults to V1_ONLY, and CalVer requires
     * v2). The rule warns users that the key blocks the upgrade to CalVer, where it no longer exists; for us it does
     * not, because the file is rendered from the image tag and a CalVer tag renders without it (the CalVer golden
     * files show that). Only this exact key on 5.26 is exempt.
     */
    private static boolean upgradeWarningForOurDiscoveryVersion(Finding f) {
        return f.rule().equals("config.deprecated-key")
                && f.field().equals("spec.config[dbms.cluster.discovery.version]")
                && f.message().contains("5.26");
    }

    @TestFactory
    Stream<DynamicTest> everyRenderedConfPassesConfigAndMemoryRules() {
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseFile) {
        List<Resource> input = Cases.read(caseFile);
        List<HasMetadata> objects = Cases.render(caseFile).objects();
        int checked = 0;
        for (HasMetadata o : objects) {
            if (!(o instanceof ConfigMap cm)) {
                continue;
            }
            String owner = o.getMetadata().getOwnerReferences().get(0).getName();
            Resource server = input.stream().filter(r -> r.name().equals(owner)).findFirst().orElseThrow();
            Resource withConf = withConfig(server, parse(cm.getData().get("neo4j.conf")));
            List<Finding> findings = Validator.standard().validate(withConf, null, null);
            assertThat(findings).as(cm.getMetadata().getName() + " in " + caseFile.getFileName())
                    .filteredOn(f -> f.rule().startsWith("config.") || f.rule().startsWith("memory."))
                    .filteredOn(f -> !OURS_TO_WRITE.contains(f.rule()))
                    .filteredOn(f -> !upgradeWarningForOurDiscoveryVersion(f))
                    .isEmpty();
            checked++;
        }
        assertThat(checked).as("ConfigMaps checked").isPositive();
    }

    /** {@code key=value} lines; a repeated {@code server.jvm.additional} is joined, as Neo4j concatenates it. */
    static Map<String, String> parse(String conf) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : conf.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertThat(eq).as("a key=value line: " + line).isPositive();
            out.merge(line.substring(0, eq), line.substring(eq + 1), (a, b) -> a + " " + b);
        }
        return out;
    }

    private static Resource withConfig(Resource server, Map<String, String> settings) {
        ObjectNode tree = server.tree().deepCopy();
        ObjectNode config = ((ObjectNode) tree.get("spec")).putObject("config");
        settings.forEach(config::put);
        return Resource.of(tree);
    }
}
