package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.SupportedVersions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code spec.image} of clusters and standalones: repository, tag, edition, Neo4j version and pull policy.
 * Every problem is reported; an image error does not stop the other checks (the reference returns early).
 */
public final class ImageCheck implements Check {
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

    /**
     * Docker Hub's official image, however it is spelled: {@code neo4j} is {@code docker.io/library/neo4j}.
     * Pull-through mirrors of Docker Hub's library (ECR Public, mirror.gcr.io) carry the same tags.
     */
    private static final List<String> OFFICIAL_PREFIXES = List.of("docker.io/", "index.docker.io/",
            "registry-1.docker.io/", "registry.hub.docker.com/", "public.ecr.aws/docker/", "mirror.gcr.io/");

    /**
     * Docker reference grammar (distribution/reference): an optional registry host[:port], then lower-case
     * path components separated by '/'. A tag or digest belongs in spec.image.tag, not here.
     */
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    /** A Docker tag: up to 128 word characters, dots and dashes, not starting with . or -; a digest may follow. */
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}(?:@sha256:[a-f0-9]{64})?");

    public static final RuleMeta REPO_REQUIRED = rule("image.repo-required", "The image repository is required",
            Severity.ERROR,
            "spec.image.repo names the Neo4j Enterprise image; without it the operator cannot build the pods.",
            "Set spec.image.repo to neo4j (Docker Hub's official image) or your registry's mirror of it.",
            "spec:\n  image:\n    repo: neo4j\n    tag: 5.26.0-enterprise");

    public static final RuleMeta TAG_REQUIRED = rule("image.tag-required", "The image tag is required",
            Severity.ERROR,
            "spec.image.tag selects the Neo4j version; the operator reads the version from it for its own "
                    + "version-dependent settings (discovery, Cypher language), so it cannot be left to 'latest'.",
            "Set spec.image.tag to an enterprise tag such as 5.26.0-enterprise or 2025.10.1-enterprise.",
            "spec:\n  image:\n    repo: neo4j\n    tag: 2025.10.1-enterprise");

    public static final RuleMeta REFERENCE_FORMAT = rule("image.reference-format",
            "The image repository and tag must form a valid image reference", Severity.ERROR,
            "The operator joins repo and tag as {repo}:{tag}. A repository with upper case, spaces, its own tag "
                    + "or digest, or a tag with characters Docker does not allow yields an invalid image "
                    + "reference: the pods stay in InvalidImageName.",
            "Put only the repository in repo (registry/path, lower case) and the tag in tag.",
            "spec:\n  image:\n    repo: registry.example.com/neo4j\n    tag: 5.26.0-enterprise");

    public static final RuleMeta COMMUNITY = rule("image.community-edition",
            "The image must be Neo4j Enterprise Edition", Severity.ERROR,
            "The operator deploys Neo4j Enterprise: clustering, the server mode constraints, online backup and "
                    + "role-based access exist only there. Docker Hub's official neo4j image is Community Edition "
                    + "unless the tag carries -enterprise (5.26.0 is Community, 5.26.0-enterprise is Enterprise); "
                    + "a community tag starts servers that never form a cluster and reject the operator's "
                    + "settings. The reference operator only rejects tags containing 'community'.",
            "Use the enterprise tag of the same version, e.g. 5.26.0-enterprise.",
            "spec:\n  image:\n    repo: neo4j\n    tag: 5.26.0-enterprise");

    public static final RuleMeta EDITION_UNKNOWN = rule("image.edition-unverifiable",
            "Cannot tell whether a private image is Enterprise Edition", Severity.WARNING,
            "Outside Docker Hub's official repository, tags follow the owner's scheme, so a tag without "
                    + "'enterprise' may or may not be Enterprise Edition. A Community image would start but never "
                    + "form a cluster.",
            "Mirror the enterprise tag under its own name (5.26.0-enterprise), or make sure the image is "
                    + "Enterprise and turn this warning off for the namespace in a policy.",
            "spec:\n  image:\n    repo: registry.example.com/neo4j\n    tag: 5.26.0-enterprise");

    public static final RuleMeta UNPARSEABLE = rule("image.unparseable-tag",
            "The image tag must name a Neo4j version", Severity.ERROR,
            "The operator reads the Neo4j version from the tag to choose version-specific settings (5.26 "
                    + "discovery v2 settings versus CalVer's dbms.cluster.endpoints, Cypher 25, backup flags). A "
                    + "tag such as latest or enterprise hides the version and can change under the cluster on "
                    + "the next pull.",
            "Use a versioned tag: 5.26.x or YYYY.MM[.patch], followed by -enterprise.",
            "spec:\n  image:\n    tag: 2025.10.1-enterprise");

    public static final RuleMeta UNSUPPORTED = rule("image.unsupported-version",
            "The Neo4j version must be 5.26 LTS or a CalVer release", Severity.ERROR,
            "The operator supports Neo4j 5.26 (the last 5.x release, LTS) and the CalVer releases from 2025.01. "
                    + "Older 5.x releases lack discovery v2, 4.x has a different configuration, and versions such "
                    + "as 5.27, 6.0, 2024.x or month 13 do not exist (a typo).",
            "Use 5.26.x or a CalVer release (2025.01 or later).",
            "spec:\n  image:\n    tag: 5.26.0-enterprise");

    public static final RuleMeta NEWER_THAN_KNOWN = rule("image.newer-than-known",
            "The Neo4j version is newer than this release of neo4j-guard knows", Severity.WARNING,
            "The version is a plausible future CalVer release, newer than the newest line known when these rules "
                    + "were written (" + SupportedVersions.NEWEST_KNOWN + "). Its settings and gates have not been "
                    + "checked against it.",
            "Check the tag exists, and upgrade neo4j-guard when you adopt the new release.",
            "spec:\n  image:\n    tag: " + SupportedVersions.NEWEST_KNOWN + ".1-enterprise");

    public static final RuleMeta PULL_POLICY = rule("image.pull-policy",
            "pullPolicy must be Always, IfNotPresent or Never", Severity.ERROR,
            "The pull policy is copied into the pod spec, where Kubernetes accepts only Always, IfNotPresent or "
                    + "Never (case-sensitive). Anything else makes the StatefulSet invalid and no pod is created. "
                    + "The CRD has no enum for it, so only this rule catches it before the operator runs.",
            "Use IfNotPresent (the default) for versioned tags.",
            "spec:\n  image:\n    pullPolicy: IfNotPresent");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(REPO_REQUIRED, TAG_REQUIRED, REFERENCE_FORMAT, COMMUNITY, EDITION_UNKNOWN, UNPARSEABLE,
                UNSUPPORTED, NEWER_THAN_KNOWN, PULL_POLICY);
    }

    @Override
    public void check(RuleContext ctx) {
        Node image = ctx.spec().get("image");
        Node repoNode = image.get("repo");
        Node tagNode = image.get("tag");
        if (ServerSpecs.blank(repoNode)) {
            ctx.report(REPO_REQUIRED, repoNode.path(), Messages.required("the Neo4j Enterprise image repository, "
                    + "e.g. neo4j"));
        }
        if (ServerSpecs.blank(tagNode)) {
            ctx.report(TAG_REQUIRED, tagNode.path(), Messages.required("a versioned enterprise tag, e.g. "
                    + "5.26.0-enterprise or 2025.10.1-enterprise"));
        }
        repoNode.text().filter(s -> !s.isBlank()).ifPresent(r -> checkRepository(ctx, repoNode, r));
        tagNode.text().filter(s -> !s.isBlank()).ifPresent(t -> {
            if (!TAG.matcher(t).matches()) {
                ctx.report(REFERENCE_FORMAT, tagNode.path(), Messages.invalid(t, "not a valid image tag: up to 128 "
                        + "letters, digits, '_', '.' and '-', not starting with '.' or '-'"));
            }
            checkTag(ctx, tagNode, t, repoNode.text().filter(s -> !s.isBlank()).orElse(null));
        });
        checkPullPolicy(ctx, image.get("pullPolicy"));
    }

    private void checkRepository(RuleContext ctx, Node node, String repo) {
        if (REPOSITORY.matcher(repo).matches()) {
            return;
        }
        int slash = repo.lastIndexOf('/');
        String last = repo.substring(slash + 1);
        String hint;
        if (repo.contains("@") || last.contains(":")) {
            hint = "put only the repository in repo; the tag (or tag@digest) goes in spec.image.tag";
        } else if (!repo.toLowerCase(Locale.ROOT).equals(repo)) {
            hint = "repository paths are lower case";
        } else if (!repo.strip().equals(repo) || repo.contains(" ")) {
            hint = "remove the spaces";
        } else {
            hint = "write [registry[:port]/]path, e.g. registry.example.com/neo4j";
        }
        ctx.report(REFERENCE_FORMAT, node.path(), Messages.invalid(repo, "not a valid image repository"), hint);
    }

    private void checkTag(RuleContext ctx, Node tagNode, String tag, String repo) {
        String pointer = ServerSpecs.pointer("spec", "image", "tag");
        String lower = tag.toLowerCase(Locale.ROOT);
        Parsed<Neo4jVersion> parsed = Neo4jVersion.parse(tag.trim());
        boolean official = repo != null && isOfficial(repo);
        if (lower.contains("community")) {
            String fixed = replaceCommunity(tag);
            ctx.report(COMMUNITY, tagNode.path(), Messages.invalid(tag, "a community tag runs Neo4j Community "
                            + "Edition, which cannot form a cluster or run the operator's enterprise settings"),
                    "use " + Messages.quote(fixed), ServerSpecs.replaceText(pointer, fixed));
        } else if (official && !lower.contains("enterprise")) {
            if (parsed.ok()) {
                String fixed = enterpriseTag(tag.trim(), parsed.value());
                ctx.report(COMMUNITY, tagNode.path(), Messages.invalid(tag, "on Docker Hub's official neo4j image a "
                                + "tag without -enterprise is Neo4j Community Edition"),
                        "use " + Messages.quote(fixed), ServerSpecs.replaceText(pointer, fixed));
            } else {
                ctx.report(COMMUNITY, tagNode.path(), Messages.invalid(tag, "on Docker Hub's official neo4j image a "
                                + "tag without -enterprise is Neo4j Community Edition"),
                        "use a versioned enterprise tag such as 5.26.0-enterprise");
            }
        } else if (repo != null && !official && !lower.contains("enterprise")) {
            ctx.report(EDITION_UNKNOWN, tagNode.path(), Messages.invalid(tag, "cannot tell whether " + repo
                            + " is Neo4j Enterprise Edition: the tag does not say enterprise"),
                    "tag the mirror as e.g. 5.26.0-enterprise, or make sure it is the enterprise image");
        }
        if (!parsed.ok()) {
            String hint = tag.trim().matches("[vV][0-9].*") ? "Neo4j tags have no 'v': write "
                    + Messages.quote(tag.trim().substring(1)) : "use 5.26.x-enterprise or YYYY.MM.patch-enterprise";
            ctx.report(UNPARSEABLE, tagNode.path(), Messages.invalid(tag, parsed.error()), hint);
            return;
        }
        Neo4jVersion v = parsed.value();
        switch (SupportedVersions.judge(v)) {
            case UNSUPPORTED -> ctx.report(UNSUPPORTED, tagNode.path(), Messages.invalid(tag,
                            "Neo4j " + v + " is not supported: " + SupportedVersions.explain(v)),
                    "use 5.26.x (LTS) or a CalVer release from 2025.01");
            case NEWER_THAN_KNOWN -> ctx.report(NEWER_THAN_KNOWN, tagNode.path(), Messages.invalid(tag,
                            "Neo4j " + v + " is newer than the newest release this neo4j-guard knows ("
                                    + SupportedVersions.NEWEST_KNOWN + ")"),
                    "check the tag exists; upgrade neo4j-guard for its version rules");
            default -> {
            }
        }
    }

    private void checkPullPolicy(RuleContext ctx, Node node) {
        Optional<String> text = node.text();
        if (text.isEmpty() || text.get().isEmpty() || PULL_POLICIES.contains(text.get())) {
            return;
        }
        Optional<String> canonical = ServerSpecs.canonical(text.get(), PULL_POLICIES);
        if (canonical.isPresent()) {
            ctx.report(PULL_POLICY, node.path(), Messages.notSupported(text.get(), PULL_POLICIES),
                    "the value is case-sensitive: " + canonical.get(),
                    ServerSpecs.replaceText(ServerSpecs.pointer("spec", "image", "pullPolicy"), canonical.get()));
        } else {
            ctx.report(PULL_POLICY, node.path(), Messages.notSupported(text.get(), PULL_POLICIES));
        }
    }

    /** Docker Hub's official neo4j repository, under any of its spellings or library mirrors. */
    static boolean isOfficial(String repo) {
        String r = repo.trim().toLowerCase(Locale.ROOT);
        for (String prefix : OFFICIAL_PREFIXES) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
                break;
            }
        }
        if (r.startsWith("library/")) {
            r = r.substring("library/".length());
        }
        return r.equals("neo4j");
    }

    /** {@code 5.26.0} -> {@code 5.26.0-enterprise}; {@code 5.26.0-ubi9} -> {@code 5.26.0-enterprise-ubi9}. */
    static String enterpriseTag(String tag, Neo4jVersion v) {
        int dash = tag.indexOf('-');
        String base = dash < 0 ? tag : tag.substring(0, dash);
        return base + "-enterprise" + (v.flavour().isEmpty() ? "" : "-" + v.flavour());
    }

    private static String replaceCommunity(String tag) {
        int at = tag.toLowerCase(Locale.ROOT).indexOf("community");
        return tag.substring(0, at) + "enterprise" + tag.substring(at + "community".length());
    }
}
