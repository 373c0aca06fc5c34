package io.neo4jguard.core.version;

/**
 * Which Neo4j server versions neo4j-guard accepts: the 5.26 LTS line (5.26 is the last 5.x minor) and
 * CalVer releases from 2025.01 up to the newest line this release of neo4j-guard knows. Newer CalVer
 * months are plausible future releases (a warning, not an error); impossible ones (month 13, 2024.x,
 * 5.27, 6.0) are errors.
 */
public final class SupportedVersions {
    /** The newest release line on Maven Central when these rules were written (org.neo4j:neo4j: 2026.08.1). */
    public static final Neo4jVersion NEWEST_KNOWN = Neo4jVersion.of(2026, 8);

    /**
     * A CalVer more than this many years past the newest known release is a typo, not a future release
     * (Neo4j ships a line roughly monthly; two years covers any manifest written against a real image).
     */
    static final int PLAUSIBLE_YEARS_AHEAD = 2;

    /** The verdict on one version. */
    public enum Verdict { SUPPORTED, NEWER_THAN_KNOWN, UNSUPPORTED }

    private SupportedVersions() {
    }

    public static Verdict judge(Neo4jVersion v) {
        if (v.isCalVer()) {
            if (v.minor() < 1 || v.minor() > 12) {
                return Verdict.UNSUPPORTED;
            }
            if (v.major() > NEWEST_KNOWN.major() + PLAUSIBLE_YEARS_AHEAD) {
                return Verdict.UNSUPPORTED;
            }
            return v.compareTo(Neo4jVersion.of(NEWEST_KNOWN.major(), NEWEST_KNOWN.minor(), Integer.MAX_VALUE)) > 0
                    ? Verdict.NEWER_THAN_KNOWN : Verdict.SUPPORTED;
        }
        return v.major() == 5 && v.minor() == 26 ? Verdict.SUPPORTED : Verdict.UNSUPPORTED;
    }

    /** Why a version is unsupported (or newer than known), for the finding message. */
    public static String explain(Neo4jVersion v) {
        if (v.isCalVer()) {
            if (v.minor() < 1 || v.minor() > 12) {
                return "CalVer month must be 01 to 12";
            }
            if (judge(v) == Verdict.NEWER_THAN_KNOWN) {
                return "Neo4j " + v.line() + " is newer than the newest release this version of neo4j-guard knows ("
                        + NEWEST_KNOWN.line() + "); its rules may not cover it";
            }
            if (judge(v) == Verdict.SUPPORTED) {
                return "Neo4j " + v.line() + " is supported";
            }
            return "no Neo4j release line " + v.line() + " exists";
        }
        if (judge(v) == Verdict.SUPPORTED) {
            return "Neo4j " + v.line() + " is supported";
        }
        if (v.major() < 5 || (v.major() == 5 && v.minor() < 26)) {
            return "Neo4j " + v.line() + " is out of support; use 5.26 (LTS) or a CalVer release (2025.01 or later)";
        }
        if (v.major() >= 2000) {
            return "CalVer releases start with 2025.01";
        }
        return "no Neo4j " + v.line() + " exists: 5.26 was the last 5.x release, CalVer (2025.01 and later) follows it";
    }
}
