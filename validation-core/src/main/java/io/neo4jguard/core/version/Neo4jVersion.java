package io.neo4jguard.core.version;

import io.neo4jguard.core.units.Parsed;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Neo4j server version read from an image tag: SemVer 5.x ({@code 5.26.3}) or CalVer
 * {@code YYYY.MM[.patch]} (from 2025.01, neo4j-facts §4), with the flavour suffix kept
 * ({@code -enterprise}, {@code -enterprise-ubi9}). Ordered by release: every CalVer is newer than 5.26.
 *
 * @param major   5 for SemVer; the year for CalVer
 * @param minor   the minor (SemVer) or month (CalVer)
 * @param patch   the patch, 0 when the tag has none
 * @param flavour text after the first '-', empty when none
 */
public record Neo4jVersion(int major, int minor, int patch, boolean hasPatch, String flavour)
        implements Comparable<Neo4jVersion> {

    /** CalVer started with 2025.01; any year from here on is CalVer. */
    public static final int FIRST_CALVER_YEAR = 2025;

    private static final Pattern TAG = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,2})(?:\\.([0-9]{1,4}))?(?:-(.*))?");

    private static final Comparator<Neo4jVersion> ORDER = Comparator
            .comparingInt(Neo4jVersion::major)
            .thenComparingInt(Neo4jVersion::minor)
            .thenComparingInt(Neo4jVersion::patch);

    /** Parses a tag such as {@code 5.26.0-enterprise} or {@code 2025.10.1}. Never throws. */
    public static Parsed<Neo4jVersion> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Parsed.fail("empty image tag; expected a Neo4j version such as 5.26.0-enterprise or "
                    + "2025.10.1-enterprise");
        }
        Matcher m = TAG.matcher(tag.trim());
        if (!m.matches()) {
            return Parsed.fail("'" + tag + "' is not a Neo4j version tag; expected 5.26.x or YYYY.MM[.patch], "
                    + "optionally followed by -enterprise");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean hasPatch = m.group(3) != null;
        int patch = hasPatch ? Integer.parseInt(m.group(3)) : 0;
        String flavour = m.group(4) == null ? "" : m.group(4);
        return Parsed.ok(new Neo4jVersion(major, minor, patch, hasPatch, flavour));
    }

    /** A plain version for gates and tests: {@code of(2025, 4)}. */
    public static Neo4jVersion of(int major, int minor) {
        return new Neo4jVersion(major, minor, 0, false, "");
    }

    public static Neo4jVersion of(int major, int minor, int patch) {
        return new Neo4jVersion(major, minor, patch, true, "");
    }

    public boolean isCalVer() {
        return major >= FIRST_CALVER_YEAR;
    }

    /** The official image marks enterprise with a suffix; a bare tag on Docker Hub is community. */
    public boolean isEnterpriseFlavour() {
        return flavour.toLowerCase(java.util.Locale.ROOT).contains("enterprise");
    }

    /** {@code 5.26} or {@code 2025.10}: the line a patch belongs to. */
    public String line() {
        return isCalVer() ? String.format("%d.%02d", major, minor) : major + "." + minor;
    }

    public boolean atLeast(Neo4jVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Neo4jVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        String base = isCalVer() ? String.format("%d.%02d", major, minor) : major + "." + minor;
        return base + (hasPatch ? "." + patch : "");
    }
}
