package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.Severity;

/** {@code --fail-on}: the lowest severity that makes {@code check} exit 1. */
enum FailOn {
    error(Severity.ERROR), warning(Severity.WARNING);

    final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }
}
