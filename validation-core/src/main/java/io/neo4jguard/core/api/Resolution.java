package io.neo4jguard.core.api;

import java.util.Optional;

/**
 * The answer to "which object is this reference": found, certainly missing, or unknown (the
 * resolver could not answer, e.g. the API server did not reply within budget).
 */
public record Resolution(Status status, Resource resource, String detail) {
    public enum Status { FOUND, NOT_FOUND, UNKNOWN }

    public static Resolution found(Resource r) {
        return new Resolution(Status.FOUND, r, "");
    }

    public static Resolution notFound() {
        return new Resolution(Status.NOT_FOUND, null, "");
    }

    public static Resolution unknown(String why) {
        return new Resolution(Status.UNKNOWN, null, why);
    }

    public Optional<Resource> object() {
        return Optional.ofNullable(resource);
    }
}
