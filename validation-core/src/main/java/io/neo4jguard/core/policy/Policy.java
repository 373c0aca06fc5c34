package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.api.SeverityPolicy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rules run, at which severity, for which objects, and whether the webhook enforces or only
 * warns in a namespace. The default policy runs every rule at its own severity and enforces
 * everywhere; an object can still opt out of rules with the annotation {@link #SKIP_ANNOTATION}.
 * A policy file ({@code policies/default.yaml} documents the format) changes that; load one with
 * {@link #load(Path, Collection)} so it is checked against the engine's rules.
 *
 * <p>The {@code defaults:} section ({@link #defaulting()}) configures defaulting, not validation.
 *
 * <p>For one rule and one object, in this order: the skip annotation, then exemptions, then the
 * {@code rules:} entry for the rule ID, else the entry for its concern, else the rule's own severity.
 */
public class Policy implements SeverityPolicy {
    /** Comma-separated rule IDs (or concerns, e.g. {@code memory}) the object opts out of. */
    public static final String SKIP_ANNOTATION = "neo4j-guard.io/skip";

    private static final Policy DEFAULTS = new Policy();

    private final String source;
    private final Map<String, RuleSetting> rules;
    private final List<Exemption> exemptions;
    private final Enforcement defaultEnforcement;
    private final DefaultsSettings defaults;
    /** Exact namespaces first, then patterns from the most to the least specific. */
    private final List<Map.Entry<String, Enforcement>> enforcement;

    protected Policy() {
        this("", Map.of(), List.of(), Enforcement.ENFORCE, Map.of(), DefaultsSettings.STANDARD);
    }

    Policy(String source, Map<String, RuleSetting> rules, List<Exemption> exemptions,
           Enforcement defaultEnforcement, Map<String, Enforcement> enforcement, DefaultsSettings defaults) {
        this.source = source;
        this.defaults = defaults;
        this.rules = Map.copyOf(rules);
        this.exemptions = List.copyOf(exemptions);
        this.defaultEnforcement = defaultEnforcement;
        this.enforcement = enforcement.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Enforcement> e) -> Glob.isPattern(e.getKey()))
                        .thenComparing(e -> Glob.isPattern(e.getKey()) ? -Glob.literalLength(e.getKey()) : 0)
                        .thenComparing(Map.Entry::getKey))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    public static Policy defaults() {
        return DEFAULTS;
    }

    /**
     * Reads and checks a policy file.
     *
     * @param known the rules of the engine the policy is for ({@code Validator.rules()}): rule IDs and
     *              concerns in the file must name one of them
     * @throws PolicyException naming file:line of every problem (I/O, YAML, unknown rule, bad value)
     */
    public static Policy load(Path file, Collection<RuleMeta> known) throws PolicyException {
        return load(file, file.toString(), known);
    }

    /** As {@link #load(Path, Collection)}; {@code name} is how messages call the file (as the user wrote it). */
    public static Policy load(Path file, String name, Collection<RuleMeta> known) throws PolicyException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PolicyException(new Location(name, 0, 0), "no such file");
        } catch (CharacterCodingException e) {
            throw new PolicyException(new Location(name, 0, 0), "not UTF-8 text");
        } catch (IOException e) {
            throw new PolicyException(new Location(name, 0, 0), "cannot read: " + e.getMessage());
        }
        return parse(name, text, known);
    }

    /** As {@link #load(Path, Collection)}, from text; {@code name} is used in messages. */
    public static Policy parse(String name, String text, Collection<RuleMeta> known) throws PolicyException {
        return PolicyLoader.load(name, text, known);
    }

    /** The file the policy came from; empty for the default policy. */
    public String source() {
        return source;
    }

    /**
     * The severity of {@code rule} for {@code object}, or empty when the rule is off for it
     * (disabled, exempted, or skipped by annotation).
     */
    @Override
    public Optional<Severity> severityFor(RuleMeta rule, Resource object) {
        if (skippedByAnnotation(rule, object)) {
            return Optional.empty();
        }
        for (Exemption e : exemptions) {
            if (e.covers(rule) && e.selects(object)) {
                return Optional.empty();
            }
        }
        RuleSetting setting = rules.get(rule.id());
        if (setting == null) {
            setting = rules.get(rule.concern());
        }
        if (setting == null) {
            return Optional.of(rule.severity());
        }
        if (!setting.enabled()) {
            return Optional.empty();
        }
        return Optional.of(setting.severity().orElse(rule.severity()));
    }

    /**
     * How the admission webhook treats errors in a namespace: an exact entry wins over a pattern, a
     * more specific pattern over a less specific one, else the policy's default (enforce).
     * {@code ""} (a manifest without a namespace) means {@code default}.
     */
    public Enforcement enforcement(String namespace) {
        String ns = Resource.effectiveNamespace(namespace);
        for (Map.Entry<String, Enforcement> e : enforcement) {
            if (Glob.matches(e.getKey(), ns)) {
                return e.getValue();
            }
        }
        return defaultEnforcement;
    }

    public Enforcement defaultEnforcement() {
        return defaultEnforcement;
    }

    /** The {@code defaults:} section: how defaulting behaves ({@link DefaultsSettings#STANDARD} when absent). */
    public DefaultsSettings defaulting() {
        return defaults;
    }

    /** The {@code rules:} entries by rule ID or concern. */
    public Map<String, RuleSetting> ruleSettings() {
        return rules;
    }

    public List<Exemption> exemptions() {
        return exemptions;
    }

    /** The per-namespace enforcement entries, most specific first. */
    public Map<String, Enforcement> namespaceEnforcement() {
        Map<String, Enforcement> out = new LinkedHashMap<>();
        enforcement.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    protected static boolean skippedByAnnotation(RuleMeta rule, Resource object) {
        String skip = object.annotation(SKIP_ANNOTATION);
        if (skip == null) {
            return false;
        }
        return Arrays.stream(skip.split(","))
                .map(String::trim)
                .anyMatch(s -> s.equals(rule.id()) || s.equals(rule.concern()));
    }
}
