package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.settings.ConfigEntry;
import io.neo4jguard.core.settings.ConfigSources;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of settings: keys and values that would forge or corrupt neo4j.conf lines, and the switch that
 * turns off Neo4j's own check of setting names. Runs over {@code spec.config},
 * {@code spec.propertySharding.config} and {@code NEO4J_*} env vars alike.
 */
public final class ConfigKeysCheck implements Check {

    public static final RuleMeta INVALID_KEY = new RuleMeta("config.invalid-key",
            "A setting name that cannot be a neo4j.conf key", Severity.ERROR, Kinds.SERVERS,
            "Settings are written into neo4j.conf as key=value lines. A key with a line break or '=' forges extra "
                    + "lines (a key 'x=1\\ndbms.ssl.policy.bolt.enabled' sets a setting no guard looked at), a key "
                    + "starting with '#' or '!' becomes a comment and is silently ignored, and whitespace or control "
                    + "characters make a key that compares unequal to the real name, so exact-match guards (TLS, "
                    + "discovery, memory) never see it, whatever Neo4j then makes of the line.",
            "Write the plain setting name: letters, digits, '.', '_' and '-', with no spaces.",
            "spec:\n  config:\n    db.transaction.timeout: \"60s\"");

    public static final RuleMeta LINE_BREAK = new RuleMeta("config.line-break-in-value",
            "A setting value with a line break", Severity.ERROR, Kinds.SERVERS,
            "The value ends up on one neo4j.conf line; a line feed or carriage return starts a new line, so the "
                    + "rest of the value is read as another setting of the user's choosing (for example one that "
                    + "disables TLS or authentication), bypassing every check on keys.",
            "Put the value on one line. Several JVM options go on one line separated by spaces.",
            "spec:\n  config:\n    server.jvm.additional: \"-XX:+UseG1GC -XX:MaxGCPauseMillis=200\"");

    public static final RuleMeta STRICT_VALIDATION_OFF = new RuleMeta("config.strict-validation-disabled",
            "Neo4j's check of setting names is turned off", Severity.WARNING, Kinds.SERVERS,
            "With server.config.strict_validation.enabled=false Neo4j starts despite unknown or duplicated "
                    + "settings and only logs a warning, so a misspelt memory or security setting is silently "
                    + "ignored (measured on 5.26 and 2026.08: strict mode stops the server with 'Unrecognized setting', "
                    + "non-strict only warns). The default is true and the operator sets true for clusters.",
            "Remove the setting and fix the names Neo4j reports instead.",
            "spec:\n  config: {}   # strict validation stays on");

    public static final RuleMeta AZURE_SUFFIX = new RuleMeta("config.azure-endpoint-suffix",
            "An Azure blob endpoint suffix that is not a DNS suffix", Severity.ERROR, Kinds.SERVERS,
            "dbms.integrations.cloud_storage.azb.blob_endpoint_suffix is appended to the storage account name to "
                    + "form the blob host (account.blob.core.windows.net); a value without a dot cannot form a "
                    + "resolvable host, so every azb:// seed, backup or restore fails.",
            "Use the domain suffix of your Azure cloud, e.g. blob.core.windows.net, or remove the setting.",
            "spec:\n  config:\n    dbms.integrations.cloud_storage.azb.blob_endpoint_suffix: blob.core.windows.net");

    private static final List<RuleMeta> RULES = List.of(INVALID_KEY, LINE_BREAK, STRICT_VALIDATION_OFF, AZURE_SUFFIX);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        for (ConfigEntry e : ConfigSources.read(ctx.spec())) {
            if (e.source() != ConfigEntry.Source.ENV) {
                keyProblem(e.setting()).ifPresent(p -> ctx.report(INVALID_KEY, e.keyPath(),
                        Messages.invalid(e.setting(), p),
                        "write the setting name alone: no spaces, '=', line breaks or leading '#'"));
            }
            Optional<String> value = e.value();
            if (value.isEmpty()) {
                continue;
            }
            String v = value.get();
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                ctx.report(LINE_BREAK, e.valuePath(), Messages.invalid(v,
                        "a line break in a value starts a new neo4j.conf line, which is read as another setting"),
                        "put the whole value on one line");
            }
            String setting = e.setting().strip();
            if (setting.equals("server.config.strict_validation.enabled")
                    && v.strip().toLowerCase(Locale.ROOT).equals("false")) {
                ctx.report(STRICT_VALIDATION_OFF, e.valuePath(), Messages.invalid(v,
                        "Neo4j would start despite misspelt or duplicated settings and ignore them"),
                        "remove " + e.describe() + " and fix the names Neo4j reports");
            }
            if (setting.equals("dbms.integrations.cloud_storage.azb.blob_endpoint_suffix")
                    && !v.isBlank() && !v.contains(".")) {
                ctx.report(AZURE_SUFFIX, e.valuePath(), Messages.invalid(v,
                        "must be a DNS suffix such as blob.core.windows.net"));
            }
        }
    }

    /**
     * Why a key cannot be a neo4j.conf key, or empty when it can. Only what breaks the line format or the
     * name comparison is refused; unknown names are Neo4j's strict validation's business.
     */
    static Optional<String> keyProblem(String key) {
        if (key.isEmpty()) {
            return Optional.of("a setting name is required");
        }
        if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            return Optional.of("a line break in a setting name forges extra neo4j.conf lines");
        }
        if (key.indexOf('=') >= 0) {
            return Optional.of("'=' in a setting name ends the name early: the rest becomes part of the value");
        }
        if (!key.equals(key.strip())) {
            return Optional.of("leading or trailing whitespace: checks that compare the exact name would not "
                    + "recognise the setting");
        }
        if (key.charAt(0) == '#' || key.charAt(0) == '!') {
            return Optional.of("a name starting with '" + key.charAt(0) + "' is a comment line: the setting is "
                    + "silently ignored");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("whitespace inside a setting name: no Neo4j setting has one");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("control character inside a setting name");
            }
        }
        return Optional.empty();
    }
}
