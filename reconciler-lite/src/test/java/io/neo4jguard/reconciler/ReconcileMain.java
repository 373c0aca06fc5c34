package io.neo4jguard.reconciler;

import io.neo4jguard.reconciler.cli.ReconcileCommand;
import picocli.CommandLine;

import java.nio.file.Path;

/** {@code neo4j-guard reconcile} alone, for tests that run the controller as its own process (RSS, kill). */
public final class ReconcileMain {
    private ReconcileMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReconcileCommand(System.out, System.err, Path.of(""))).execute(args));
    }
}
