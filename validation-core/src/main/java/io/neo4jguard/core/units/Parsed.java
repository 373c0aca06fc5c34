package io.neo4jguard.core.units;

import java.util.Objects;
import java.util.function.Function;

/** The result of parsing user text: a value, or an error message that says what was expected. Never throws. */
public record Parsed<T>(T value, String error) {
    public Parsed {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error");
        }
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Objects.requireNonNull(value), null);
    }

    public static <T> Parsed<T> fail(String error) {
        return new Parsed<>(null, Objects.requireNonNull(error));
    }

    public boolean ok() {
        return value != null;
    }

    public <U> Parsed<U> map(Function<T, U> f) {
        return ok() ? Parsed.ok(f.apply(value)) : Parsed.fail(error);
    }
}
