package io.neo4jguard.core.cli;

import io.neo4jguard.core.read.ManifestSource;
import picocli.CommandLine;

import java.util.List;

/** The PATH operands of {@code check} and {@code mutate}. */
final class Operands {
    private Operands() {
    }

    /** Standard input can be read once per run, whichever operand lists name {@code -}. */
    static void readStdinOnce(CommandLine.Model.CommandSpec spec, List<List<String>> operandLists) {
        long stdin = operandLists.stream().flatMap(List::stream).filter(ManifestSource.STDIN::equals).count();
        if (stdin > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be read only once");
        }
    }
}
