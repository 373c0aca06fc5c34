package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Location;

/** Input that cannot be read as Kubernetes manifests: names file, line and what was expected. */
public final class ReadException extends Exception {
    private final Location location;

    public ReadException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    /** {@code file:line:col: message}, or {@code file: message} when the line is unknown. */
    public String describe() {
        if (location.known()) {
            return location + ": " + getMessage();
        }
        return (location.file().isEmpty() ? "<input>" : location.file()) + ": " + getMessage();
    }
}
