package io.neo4jguard.core.cli;

/** The {@code --output} formats of {@code check}; lower case because they are typed as written. */
enum OutputFormat {
    text, json, sarif, junit
}
