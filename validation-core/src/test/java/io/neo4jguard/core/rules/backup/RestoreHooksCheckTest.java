package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.backup.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class RestoreHooksCheckTest {
    private final RestoreHooksCheck check = new RestoreHooksCheck();

    private static String restore(String hooks) {
        return """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jRestore
                metadata: {name: r}
                spec:
                  instanceRef: solo
                  database: orders
                  source: {type: backup, backupRef: b}
                  options:
                """ + hooks.indent(4);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CALL db.checkpoint()                                   | ''",
            "CALL db.awaitIndexes(600);                             | ''",
            "MATCH (n) WHERE n.name = 'a;b' RETURN n                | ''",
            "MATCH (n:`weird;label`) RETURN n // trailing; comment  | ''",
            "RETURN 1 /* ; */                                       | ''",
            "RETURN 'it\\'s; fine'                                  | ''",
            "CALL db.checkpoint(); CALL db.awaitIndexes()           | restore.hook-cypher-multiple-statements",
            "RETURN 1;; RETURN 2                                    | restore.hook-cypher-multiple-statements",
            "'   '                                                  | restore.hook-cypher",
            ";                                                      | restore.hook-cypher",
            "// only a comment                                      | restore.hook-cypher",
    })
    void cypherStatements(String statement, String expected) {
        String yaml = restore("postRestore:\n  cypherStatements:\n    - \"" + statement.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"\n");
        List<Finding> f = run(check, yaml);
        assertThat(ids(f)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        f.forEach(x -> assertThat(x.field()).isEqualTo("spec.options.postRestore.cypherStatements[0]"));
    }

    @Test
    void anEmptyStatementIsRequired() {
        assertThat(ids(run(check, restore("preRestore: {cypherStatements: [\"\"]}\n")))).containsExactly("restore.hook-cypher");
    }

    @Test
    void countsStatements() {
        assertThat(CypherStatements.count("CALL a(); CALL b(); CALL c()")).isEqualTo(3);
        assertThat(CypherStatements.count("RETURN \"unterminated ; string")).isEqualTo(1);
        assertThat(CypherStatements.count("/* unterminated ; comment")).isZero();
    }

    private static String job(String container, String jobExtra) {
        return "preRestore:\n  job:\n    template:\n      container: " + container + "\n" + jobExtra.indent(4);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "'{image: alpine:3.20, command: [sh]}'                 | 'timeout: 10m'     | 0",
            "'{command: [sh]}'                                     | ''                 | 1",
            "'{image: \" \"}'                                      | ''                 | 1",
            "'{image: \"alpine latest\"}'                          | ''                 | 1",
            "'{image: alpine, env: [{name: A, value: x}]}'         | ''                 | 0",
            "'{image: alpine, env: [{value: x}]}'                  | ''                 | 1",
            "'{image: alpine, env: [{name: \"A=B\"}]}'             | ''                 | 1",
            "'{image: alpine, env: [{name: A, value: x, valueFrom: {secretKeyRef: {name: s, key: k}}}]}' | '' | 1",
            "'{image: alpine}'                                     | 'timeout: \"10\"'  | 1",
            "'{image: alpine}'                                     | 'timeout: 0s'      | 1",
            "'{image: alpine}'                                     | 'timeout: 1d'      | 1",
    })
    void hookJobs(String container, String jobExtra, int errors) {
        List<Finding> f = run(check, restore(job(container, jobExtra)));
        assertThat(f).hasSize(errors).allMatch(x -> x.rule().equals("restore.hook-job"));
    }

    @Test
    void negativeBackoffLimitAndMissingTemplate() {
        assertThat(ids(run(check, restore("postRestore:\n  job:\n    template:\n      backoffLimit: -1\n      container: {image: a}\n"))))
                .containsExactly("restore.hook-job");
        List<Finding> f = run(check, restore("postRestore:\n  job: {timeout: 5m}\n"));
        assertThat(f).extracting(Finding::field).containsExactly("spec.options.postRestore.job.template.container.image");
    }

    @Test
    void bothHooksAreChecked() {
        List<Finding> f = run(check, restore("preRestore: {cypherStatements: [\" \"]}\npostRestore: {cypherStatements: [\"a; b\"]}\n"));
        assertThat(ids(f)).containsExactly("restore.hook-cypher", "restore.hook-cypher-multiple-statements");
    }
}
