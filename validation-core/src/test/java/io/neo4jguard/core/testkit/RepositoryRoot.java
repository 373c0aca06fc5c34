package io.neo4jguard.core.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout a test runs in, for tests that compare generated files with the committed ones or read the
 * sources of other modules. Surefire runs each module's tests in the module directory; this walks up from
 * there, so it works for every module.
 */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /** The directory at or above the working directory that holds {@code validation-core/pom.xml}. */
    public static Path get() {
        return above(Path.of(""));
    }

    /** The directory at or above {@code from} that holds {@code validation-core/pom.xml}. */
    public static Path above(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("validation-core/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the neo4j-guard repository: " + from.toAbsolutePath());
    }
}
