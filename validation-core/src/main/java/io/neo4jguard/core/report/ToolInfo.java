package io.neo4jguard.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * neo4j-guard as the writer of a report: its version and where to read about it, from
 * {@code tool.properties}, which the build fills in from the pom (so a report from a test run names the
 * version being built, not "unknown"). SARIF consumers want both: code scanning shows the tool's page, and
 * the SARIF Multitool's rule SARIF2005 warns when either is missing.
 */
public record ToolInfo(String name, String version, String informationUri) {
    public static final ToolInfo NEO4J_GUARD = load();

    private static ToolInfo load() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            if (in == null) {
                throw new IllegalStateException("tool.properties missing from the class path: a broken build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToolInfo("neo4j-guard", p.getProperty("version"), p.getProperty("informationUri"));
    }
}
