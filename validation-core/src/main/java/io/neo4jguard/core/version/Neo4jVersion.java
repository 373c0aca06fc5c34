package io.neo4jguard.core.version;

import io.neo4jguard.core.units.Parsed;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Neo4j server version read from an image tag: SemVer 5.x ({@code 5.26.3}) or CalVer
 * {@code YYYY.MM[.patch]} (from 2025.01, https://neo4j.com/docs/operations-manual/current/introduction/#versioning),
 * with the flavour suffix kept
 * ({@code -enterprise}, {@code -enterprise-ubi9}). Ordered by release: every CalVer is newer than 5.26.
 * The natural order looks only at (major, minor, patch): {@code 5.26}, {@code 5.26.0} and
 * {@code 5.26.0-enterprise} compare as equal although they are not {@code equals()}.
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

    /**
     * {@code major.minor[.patch][-flavour]}. Widths: a year has four digits, a month two, and no patch
     * ever needed more than four (5.26.x reached 30). The flavour uses the Docker tag alphabet.
     */
    private static final Pattern TAG = Pattern.compile(
            "([0-9]{1,4})\\.([0-9]{1,2})(?:\\.([0-9]{1,4}))?(?:-([A-Za-z0-9_.-]*))?");

    /** An OCI digest ({@code @sha256:<64 hex>}, or another registered algorithm) after the tag. */
    private static final Pattern DIGEST = Pattern.compile(
            "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}");

    /** Tags that move with every release: {@code latest}, {@code enterprise}, {@code 5}, {@code 2025-enterprise}. */
    private static final Pattern FLOATING = Pattern.compile(
            "(?:[0-9]{1,4}|latest|enterprise|community)(?:-[A-Za-z0-9_.-]*)?");

    /** Docker's limit on a tag's length. */
    private static final int MAX_TAG_LENGTH = 128;

    private static final String EXPECTED = "expected a Neo4j version tag such as 5.26.0-enterprise or "
            + "2025.10.1-enterprise (5.26.x, or CalVer YYYY.MM[.patch], optionally followed by -flavour)";

    private static final Comparator<Neo4jVersion> ORDER = Comparator
            .comparingInt(Neo4jVersion::major)
            .thenComparingInt(Neo4jVersion::minor)
            .thenComparingInt(Neo4jVersion::patch);

    /**
     * Parses an image tag such as {@code 5.26.0-enterprise}, {@code 2025.10.1-enterprise-ubi9},
     * {@code 5.26} or {@code 2026.04}. Never throws.
     *
     * <p>Decisions on forms the official {@code neo4j} images never use:
     * <ul>
     *   <li>A digest after the tag ({@code 5.26.0-enterprise@sha256:...}) is accepted and ignored: the
     *       tag still says which version it is, and {@code repo:tag@digest} is a valid reference that
     *       pulls by digest. A digest alone says nothing about the version and is refused.</li>
     *   <li>A leading {@code v} ({@code v5.26.0}) is refused although the operator's own parser strips
     *       it: Docker Hub has no such tag, so the pod would sit in ImagePullBackOff. The error names the
     *       tag to write instead. (Mirrors that retag with a {@code v} can disable the rule by policy.)</li>
     *   <li>Floating tags ({@code latest}, {@code enterprise}, {@code 5-enterprise}) are refused: the
     *       version behind them changes under the cluster, so no version rule can judge them.</li>
     *   <li>Whitespace is refused rather than trimmed: it cannot appear in an image reference.</li>
     * </ul>
     */
    public static Parsed<Neo4jVersion> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Parsed.fail("empty image tag; " + EXPECTED);
        }
        if (tag.codePoints().anyMatch(Character::isWhitespace)) {
            return Parsed.fail("'" + tag + "' contains whitespace, which no image tag can; " + EXPECTED);
        }
        String t = tag;
        int at = t.indexOf('@');
        if (at >= 0) {
            if (!DIGEST.matcher(t.substring(at + 1)).matches()) {
                return Parsed.fail("'" + tag + "' has a malformed digest after '@'; expected @sha256:<64 hex digits>");
            }
            if (at == 0) {
                return Parsed.fail("'" + tag + "' is only a digest, which does not say which Neo4j version runs; "
                        + "put the version tag before it, e.g. 5.26.0-enterprise" + t);
            }
            t = t.substring(0, at);
        }
        if (t.length() > MAX_TAG_LENGTH) {
            return Parsed.fail("image tag is " + t.length() + " characters long; Docker allows " + MAX_TAG_LENGTH);
        }
        if (t.contains(":") || t.contains("/")) {
            return Parsed.fail("'" + tag + "' looks like a whole image reference; spec.image.tag holds only the tag "
                    + "(e.g. 5.26.0-enterprise) and the repository goes in spec.image.repo");
        }
        Matcher m = TAG.matcher(t);
        if (!m.matches()) {
            if ((t.startsWith("v") || t.startsWith("V")) && TAG.matcher(t.substring(1)).matches()) {
                return Parsed.fail("'" + tag + "': official Neo4j image tags have no leading v; write "
                        + tag.substring(1));
            }
            if (FLOATING.matcher(t).matches()) {
                return Parsed.fail("'" + tag + "' is a floating tag whose version changes with each release; pin a "
                        + "version such as 5.26.0-enterprise or 2025.10.1-enterprise");
            }
            return Parsed.fail("'" + tag + "' is not a Neo4j version tag; " + EXPECTED);
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
