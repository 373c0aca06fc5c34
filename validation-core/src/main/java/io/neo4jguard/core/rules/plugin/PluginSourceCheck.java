package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the plugin JAR comes from ({@code spec.source}) and how it reaches the server ({@code spec.installMode}).
 * <ul>
 *   <li>official / community: resolved by the Neo4j image's entrypoint from NEO4J_PLUGINS;</li>
 *   <li>custom / url: downloaded from {@code source.url}, which must be https and come with a checksum;</li>
 *   <li>VerifiedDownload: an init container downloads {@code source.url} and verifies the checksum before Neo4j
 *       starts; only this mode verifies anything.</li>
 * </ul>
 */
public final class PluginSourceCheck implements Check {
    static final List<String> TYPES = List.of("official", "community", "custom", "url");
    static final List<String> INSTALL_MODES = List.of("Managed", "PreBaked", "VerifiedDownload");
    /** The CRD's maxLength for source.url (it bounds the cost of the https CEL rule). */
    static final int MAX_URL_LENGTH = 2048;
    /** sha256 is 32 bytes = 64 hex digits, sha512 is 64 bytes = 128 hex digits. */
    private static final Pattern CHECKSUM = Pattern.compile("sha256:[0-9a-fA-F]{64}|sha512:[0-9a-fA-F]{128}");

    static final RuleMeta SOURCE_INVALID = new RuleMeta("plugin.source-invalid",
            "The plugin source cannot be downloaded safely", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "A plugin JAR runs inside the database with full access to its data. custom and url sources are "
                    + "downloaded from source.url, which must be an https URL with a host (no transport integrity "
                    + "otherwise; the CRD refuses other schemes and URLs over 2048 characters), and must carry a "
                    + "checksum written as sha256:<64 hex digits> or sha512:<128 hex digits>.",
            "Use type official or community for Neo4j's plugins; for your own JAR give an https url and its "
                    + "sha256 checksum.",
            "spec:\n  installMode: VerifiedDownload\n  source:\n    type: url\n"
                    + "    url: https://repo.example.com/plugins/my-plugin-1.0.0.jar\n"
                    + "    checksum: sha256:<64 hex digits of sha256sum my-plugin-1.0.0.jar>");

    static final RuleMeta INSTALL_MODE_INVALID = new RuleMeta("plugin.install-mode-invalid",
            "installMode is unknown or its requirements are not met", Severity.ERROR, Set.of(Kinds.PLUGIN),
            "installMode is Managed (NEO4J_PLUGINS, the default), PreBaked (the JAR is in a custom image) or "
                    + "VerifiedDownload. VerifiedDownload verifies source.url against source.checksum in an init "
                    + "container, so it needs both, cannot use official/community sources (the entrypoint resolves "
                    + "those, not a URL) and does not support dependencies (each needs its own verified object); "
                    + "the CRD refuses these combinations.",
            "For VerifiedDownload set source.type url or custom, source.url and source.checksum, and declare each "
                    + "dependency as its own Neo4jPlugin.",
            "spec:\n  installMode: VerifiedDownload\n  source:\n    type: url\n"
                    + "    url: https://repo.example.com/apoc-5.26.0-core.jar\n    checksum: sha256:...");

    static final RuleMeta CHECKSUM_NOT_VERIFIED = new RuleMeta("plugin.checksum-not-verified",
            "source.checksum is recorded but not verified in this installMode", Severity.WARNING,
            Set.of(Kinds.PLUGIN),
            "Only installMode VerifiedDownload checks the downloaded JAR against source.checksum. In Managed mode "
                    + "the checksum is only recorded (the image's entrypoint downloads without verifying), which "
                    + "gives a false sense of supply-chain protection.",
            "Set installMode: VerifiedDownload to have the checksum enforced.",
            "spec:\n  installMode: VerifiedDownload");

    static final RuleMeta SOURCE_IGNORED = new RuleMeta("plugin.source-ignored",
            "Part of spec.source has no effect", Severity.WARNING, Set.of(Kinds.PLUGIN),
            "With installMode PreBaked the JAR comes from the server image and spec.source is ignored; "
                    + "source.registry is reserved and read by no controller (a custom source is fetched from "
                    + "source.url). Settings that do nothing mislead the next reader.",
            "Remove the ignored settings, or change installMode.",
            "spec:\n  installMode: PreBaked   # no source needed");

    @Override
    public List<RuleMeta> rules() {
        return List.of(SOURCE_INVALID, INSTALL_MODE_INVALID, CHECKSUM_NOT_VERIFIED, SOURCE_IGNORED);
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Node source = spec.get("source");
        Node installModeNode = spec.get("installMode");
        String installMode = installModeNode.text().map(String::trim).filter(s -> !s.isEmpty()).orElse("Managed");
        if (!INSTALL_MODES.contains(installMode)) {
            ctx.report(INSTALL_MODE_INVALID, installModeNode.path(), Messages.notSupported(installMode,
                    INSTALL_MODES), hintForMode(installMode));
        }
        Node typeNode = source.get("type");
        String type = typeNode.text().map(String::trim).filter(s -> !s.isEmpty()).orElse("official");
        boolean knownType = TYPES.contains(type);
        if (!knownType) {
            ctx.report(SOURCE_INVALID, typeNode.path(), Messages.notSupported(type, TYPES),
                    TYPES.contains(type.toLowerCase(Locale.ROOT)) ? "write it in lower case: "
                            + type.toLowerCase(Locale.ROOT) : "official and community for Neo4j's plugins, url or "
                            + "custom for your own JAR");
        }
        boolean downloads = type.equals("custom") || type.equals("url");
        Node urlNode = source.get("url");
        Optional<String> url = urlNode.text().map(String::trim).filter(s -> !s.isEmpty());
        Node checksumNode = source.get("checksum");
        Optional<String> checksum = checksumNode.text().map(String::trim).filter(s -> !s.isEmpty());

        if (url.isPresent()) {
            urlProblem(url.get()).ifPresent(p -> ctx.report(SOURCE_INVALID, urlNode.path(),
                    Messages.invalid(redact(url.get()), p), "use https://<host>/<path>.jar"));
        } else if (downloads) {
            ctx.report(SOURCE_INVALID, urlNode.path(), Messages.required("source type " + type
                    + " downloads the JAR from source.url"), "set source.url to an https URL of the JAR");
        }
        if (checksum.isPresent()) {
            if (!CHECKSUM.matcher(checksum.get()).matches()) {
                ctx.report(SOURCE_INVALID, checksumNode.path(), Messages.invalid(checksum.get(),
                        checksumDetail(checksum.get())), "write sha256:<64 hex digits> (sha256sum plugin.jar)");
            }
        } else if (downloads) {
            ctx.report(SOURCE_INVALID, checksumNode.path(), Messages.required("a downloaded JAR needs its "
                    + "checksum, sha256:<64 hex digits> or sha512:<128 hex digits>"), "sha256sum plugin.jar");
        }

        if (installMode.equals("VerifiedDownload")) {
            if (url.isEmpty() && !downloads) {
                ctx.report(INSTALL_MODE_INVALID, urlNode.path(), Messages.required(
                        "installMode VerifiedDownload downloads source.url"), "set source.url");
            }
            if (checksum.isEmpty() && !downloads) {
                ctx.report(INSTALL_MODE_INVALID, checksumNode.path(), Messages.required(
                        "installMode VerifiedDownload verifies source.checksum"), "set source.checksum");
            }
            if (type.equals("official") || type.equals("community")) {
                ctx.report(INSTALL_MODE_INVALID, typeNode.path(), Messages.forbidden("installMode VerifiedDownload "
                        + "needs source.type url or custom; " + type + " plugins are resolved by the image's "
                        + "entrypoint, not from a URL"), "set source.type: url");
            }
            Node deps = spec.get("dependencies");
            if (deps.size() > 0) {
                ctx.report(INSTALL_MODE_INVALID, deps.path(), Messages.forbidden("installMode VerifiedDownload does "
                        + "not support dependencies"), "declare each dependency as its own Neo4jPlugin");
            }
        } else if (checksum.isPresent() && installMode.equals("Managed")) {
            ctx.report(CHECKSUM_NOT_VERIFIED, checksumNode.path(), Messages.invalid(checksum.get(),
                    "recorded only: installMode Managed does not verify the download"),
                    "set installMode: VerifiedDownload to enforce it");
        }
        if (installMode.equals("PreBaked") && source.size() > 0) {
            ctx.report(SOURCE_IGNORED, source.path(), Messages.invalid(source.json(),
                    "ignored: installMode PreBaked takes the JAR from the server image"), "remove spec.source");
        } else if (source.get("registry").present()) {
            ctx.report(SOURCE_IGNORED, source.get("registry").path(), Messages.invalid(source.get("registry").json(),
                    "source.registry is reserved and not read by the operator"), "use source.url instead");
        }
    }

    static Optional<String> urlProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
            return Optional.of("must be an https URL: a plugin JAR fetched over "
                    + (uri.getScheme() == null ? "no scheme" : uri.getScheme()) + " has no transport integrity");
        }
        String authority = uri.getRawAuthority();
        String host = authority == null ? "" : authority.substring(authority.lastIndexOf('@') + 1);
        if (host.isEmpty() || host.startsWith(":")) {
            return Optional.of("has no host");
        }
        return Optional.empty();
    }

    private static String checksumDetail(String checksum) {
        int colon = checksum.indexOf(':');
        if (colon < 0) {
            return "missing the algorithm prefix: write sha256:<64 hex digits> or sha512:<128 hex digits>";
        }
        String algo = checksum.substring(0, colon).toLowerCase(Locale.ROOT);
        String hex = checksum.substring(colon + 1);
        int expected = algo.equals("sha256") ? 64 : algo.equals("sha512") ? 128 : -1;
        if (expected < 0) {
            return "unsupported algorithm '" + checksum.substring(0, colon) + "'; use sha256 or sha512";
        }
        if (!checksum.startsWith(algo)) {
            return "write the algorithm in lower case: " + algo + ":...";
        }
        if (!hex.matches("[0-9a-fA-F]*")) {
            return "the digest must be hexadecimal";
        }
        return algo + " digests are " + expected + " hex digits, got " + hex.length();
    }

    /** URLs may carry credentials ({@code https://user:token@host/...}); never echo them. */
    private static String redact(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1<redacted>@");
    }

    private static String hintForMode(String mode) {
        for (String m : INSTALL_MODES) {
            if (m.equalsIgnoreCase(mode)) {
                return "write " + m + " (the value is case-sensitive)";
            }
        }
        return "Managed (default), PreBaked or VerifiedDownload";
    }
}
