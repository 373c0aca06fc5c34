package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.server.Neo4jSettings;
import io.neo4jguard.core.settings.ConfigEntry;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Old setting names, each with its replacement. Severity follows what the image's Neo4j does with the name
 * (read from {@code spec.image.tag}): names Neo4j still migrates are warnings; names 2025.01 removed are
 * errors on a CalVer image (strict validation refuses to start) and warnings on 5.26, where they still work
 * but block the upgrade.
 */
public final class DeprecatedConfigCheck implements Check {

    public static final RuleMeta DEPRECATED = new RuleMeta("config.deprecated-key",
            "A deprecated setting name", Severity.WARNING, Kinds.SERVERS,
            "Neo4j still accepts this name and migrates it on load with a 'Use of deprecated setting' warning "
                    + "(measured on 5.26.30 and 2026.08.1), or, on 5.26, it still works but 2025.01 removed it, so the "
                    + "server will "
                    + "not start after the upgrade. When the old and the new name are both set, the new one wins "
                    + "and the old line is dead.",
            "Rename the setting to the name given in the message.",
            "spec:\n  config:\n    server.memory.heap.max_size: 4g   # not dbms.memory.heap.max_size");

    public static final RuleMeta REMOVED = new RuleMeta("config.removed-key",
            "A setting removed in Neo4j 2025.01", Severity.ERROR, Kinds.SERVERS,
            "2025.01, the first release after the 5.26 LTS, removed discovery v1 and several 5.x settings "
                    + "(server.groups, server.max_databases, ...; "
                    + "https://neo4j.com/docs/operations-manual/current/breaking-changes/). A CalVer server no longer "
                    + "declares "
                    + "them, so with strict validation (the default, and forced on by the operator for clusters) it "
                    + "refuses to start with 'Unrecognized setting'.",
            "Use the replacement named in the message, or remove the setting.",
            "spec:\n  image:\n    tag: 2025.10.1-enterprise\n  config:\n    initial.server.tags: eu-west   # not server.groups");

    private static final List<RuleMeta> RULES = List.of(DEPRECATED, REMOVED);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        boolean standalone = Kinds.STANDALONE.equals(ctx.kind());
        Parsed<Neo4jVersion> version = ServerImage.version(ctx.resource());
        boolean calVer = version.ok() && version.value().isCalVer();
        boolean known = version.ok();
        String image = known ? "Neo4j " + version.value() : "the image";
        List<ConfigEntry> entries = ConfigSources.read(ctx.spec());
        Set<String> written = new HashSet<>();
        for (ConfigEntry e : entries) {
            written.add(e.setting().strip());
        }
        for (ConfigEntry e : entries) {
            String key = e.setting().strip();
            String name = SettingNames.canonical(key);
            if (ManagedConfigCheck.ruleFor(standalone, calVer, name, e.value()).isPresent()) {
                continue; // forbidden outright: the error says more than "deprecated"
            }
            Optional<Neo4jSettings.Removal> removal = Neo4jSettings.removedIn2025(name);
            Optional<SettingNames.Rename> legacy = SettingNames.legacy(key);
            String via = name.equals(key) ? "" : " (the old name of " + name + ")";
            if (removal.isPresent()) {
                Neo4jSettings.Removal r = removal.get();
                String instead = r.replacement() == null ? "remove it" : "use " + r.replacement();
                String why = r.note().isEmpty() ? "" : ": " + r.note();
                if (calVer) {
                    ctx.report(REMOVED, e.keyPath(), Messages.invalid(e.setting(), "removed in Neo4j 2025.01" + via
                            + why + "; " + image + " refuses to start on it"), instead);
                } else {
                    ctx.report(DEPRECATED, e.keyPath(), Messages.invalid(e.setting(), "removed in Neo4j 2025.01"
                            + via + why + (known ? "; it still works on " + image + " but blocks the upgrade"
                            : "; an error on CalVer images")), instead + " before upgrading");
                }
            } else if (Neo4jSettings.withoutEffectSince2025(name)) {
                ctx.report(DEPRECATED, e.keyPath(), Messages.invalid(e.setting(), calVer
                                ? "the off-heap transaction state was removed in Neo4j 2025.01; the setting has no effect"
                                : "the off-heap transaction state is deprecated since 5.8 and removed in 2025.01"),
                        "remove it; transaction state lives on the heap");
            } else if (legacy.isPresent()) {
                SettingNames.Rename r = legacy.get();
                if (r.replacement() == null) {
                    ctx.report(DEPRECATED, e.keyPath(), Messages.invalid(e.setting(), "deprecated"
                            + (r.note().isEmpty() ? "" : "; " + r.note())), "remove it");
                } else {
                    String shadowed = written.contains(r.replacement())
                            ? "; " + r.replacement() + " is also set and wins, so this line has no effect" : "";
                    String note = r.note().isEmpty() ? "" : " (" + r.note() + ")";
                    ctx.report(DEPRECATED, e.keyPath(), Messages.invalid(e.setting(), "deprecated name: Neo4j "
                            + "reads it as " + r.replacement() + note + shadowed), "rename it to "
                            + renamed(e, r.replacement()));
                }
            } else if (calVer && SettingNames.renamedIn2025(key).isPresent()) {
                String to = SettingNames.renamedIn2025(key).get();
                ctx.report(DEPRECATED, e.keyPath(), Messages.invalid(e.setting(), "renamed in Neo4j 2025.01 to "
                        + to), "rename it to " + renamed(e, to));
            }
        }
    }

    /** The replacement as the user should write it: a config key, or the env var that encodes it. */
    private static String renamed(ConfigEntry e, String setting) {
        return e.source() == ConfigEntry.Source.ENV ? ConfigSources.envNameOf(setting) : setting;
    }
}
