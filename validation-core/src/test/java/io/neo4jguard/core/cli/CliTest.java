package io.neo4jguard.core.cli;

import io.neo4jguard.core.TestChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the commands it needs ({@link Cli#run(String, List, Streams, String...)}): what it prints
 * and returns must be what the root with every command would have printed and returned.
 */
class CliTest {
    private static final String DESCRIPTION = "what this build does";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** The lazy way, as the distribution runs. */
    private Run lazily(String... args) {
        return capture(io -> Cli.run(DESCRIPTION, Commands.of(io, TestChecks::all), io, args));
    }

    /** Every command made and registered before parsing: the reference. */
    private Run eagerly(String... args) {
        return capture(io -> {
            CommandLine root = Cli.root(DESCRIPTION);
            for (Cli.Subcommand c : Commands.of(io, TestChecks::all)) {
                root.addSubcommand(c.name(), c.make().get());
            }
            return Cli.run(root, io, args);
        });
    }

    private Run capture(java.util.function.ToIntFunction<Streams> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = body.applyAsInt(new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandLineGetsWhatTheFullRootWouldHaveAnswered() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), """
                apiVersion: neo4j.neo4j.com/v1beta1
                kind: Neo4jEnterpriseCluster
                metadata: {name: g}
                spec: {topology: {servers: 1}}
                """);
        List<String[]> lines = List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"--help"},
                new String[] {}, new String[] {"chek", "c.yaml"}, new String[] {"--version", "check"},
                new String[] {"check", "c.yaml"}, new String[] {"check", "--help"},
                new String[] {"check", "--output", "yaml", "c.yaml"}, new String[] {"check", "--no-such", "c.yaml"},
                new String[] {"check", "rules"}, new String[] {"rules", "--output", "json"},
                new String[] {"explain", "topology.min-servers"}, new String[] {"mutate", "--help"});
        for (String[] args : lines) {
            Run lazy = lazily(args);
            assertThat(lazy).as(String.join(" ", args)).isEqualTo(eagerly(args));
            assertThat(lazy.out() + lazy.err()).as(String.join(" ", args)).isNotEmpty();
        }
    }

    @Test
    void aNamedCommandIsMadeAloneAnythingElseMakesEveryCommand() {
        List<Cli.Subcommand> all = Commands.of(new Streams(new ByteArrayInputStream(new byte[0]), System.out,
                System.err, dir, false), TestChecks::all);
        assertThat(Cli.needed(all, "check", "x.yaml")).extracting(Cli.Subcommand::name).containsExactly("check");
        assertThat(Cli.needed(all, "rules")).extracting(Cli.Subcommand::name).containsExactly("rules");
        assertThat(Cli.needed(all, "--help")).isEqualTo(all);
        assertThat(Cli.needed(all, "x.yaml", "check")).isEqualTo(all);
        assertThat(Cli.needed(all)).isEqualTo(all);
    }
}
