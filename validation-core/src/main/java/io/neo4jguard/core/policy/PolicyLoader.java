package io.neo4jguard.core.policy;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy file ({@code policies/default.yaml} documents the format) and checks it against the
 * engine's rules. Strict on purpose: an unknown key or rule ID is an error, never ignored, because a
 * misspelt exemption that silently exempts nothing (or a misspelt rule that stays on) is the kind of
 * surprise a policy exists to prevent. Every problem is collected, each with its file:line.
 */
final class PolicyLoader {
    static final String API_VERSION = "neo4j-guard.io/v1alpha1";
    static final String KIND = "Policy";

    private static final List<String> TOP_LEVEL = List.of("apiVersion", "kind", "metadata", "rules", "exemptions",
            "enforcement", "defaults");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "severity");
    private static final Set<String> EXEMPTION_KEYS = Set.of("rules", "namespaces", "names", "labels", "reason");
    private static final Set<String> ENFORCEMENT_KEYS = Set.of("default", "namespaces");
    private static final Set<String> DEFAULTS_KEYS = Set.of("antiAffinity");

    private final Resource doc;
    private final Collection<RuleMeta> known;
    private final List<PolicyException.Problem> problems = new ArrayList<>();

    private PolicyLoader(Resource doc, Collection<RuleMeta> known) {
        this.doc = doc;
        this.known = known;
    }

    static Policy load(String file, String text, Collection<RuleMeta> known) throws PolicyException {
        List<Resource> docs;
        try {
            docs = new ManifestParser().parse(file, text);
        } catch (ReadException e) {
            throw new PolicyException(e.location(), e.getMessage());
        }
        if (docs.isEmpty()) {
            throw new PolicyException(new Location(file, 0, 0),
                    "empty policy file: expected apiVersion: " + API_VERSION + " and kind: " + KIND);
        }
        if (docs.size() > 1) {
            throw new PolicyException(docs.get(1).locate(""), "a policy file holds exactly one YAML document");
        }
        return new PolicyLoader(docs.get(0), known).read(file);
    }

    private Policy read(String file) throws PolicyException {
        Node root = Node.root(doc.tree());
        for (Map.Entry<String, Node> e : root.fields().entrySet()) {
            if (!TOP_LEVEL.contains(e.getKey())) {
                problem(e.getValue(), "unknown field " + quote(e.getKey()) + "; expected one of "
                        + String.join(", ", TOP_LEVEL));
            }
        }
        expectText(root.get("apiVersion"), API_VERSION);
        expectText(root.get("kind"), KIND);
        Map<String, RuleSetting> rules = rules(root.get("rules"));
        List<Exemption> exemptions = exemptions(root.get("exemptions"));
        Enforcement defaultMode = Enforcement.ENFORCE;
        Map<String, Enforcement> byNamespace = new LinkedHashMap<>();
        Node enforcement = root.get("enforcement");
        if (enforcement.present()) {
            if (!enforcement.isObject()) {
                problem(enforcement, "must be a mapping with default and namespaces");
            } else {
                unknownKeys(enforcement, ENFORCEMENT_KEYS);
                Node d = enforcement.get("default");
                if (d.present()) {
                    defaultMode = mode(d).orElse(Enforcement.ENFORCE);
                }
                Node ns = enforcement.get("namespaces");
                if (ns.present() && !ns.isObject()) {
                    problem(ns, "must be a mapping of namespace (or pattern) to enforce or warn");
                }
                for (Map.Entry<String, Node> e : ns.fields().entrySet()) {
                    mode(e.getValue()).ifPresent(m -> byNamespace.put(e.getKey(), m));
                }
            }
        }
        DefaultsSettings defaults = defaults(root.get("defaults"));
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new Policy(file, rules, exemptions, defaultMode, byNamespace, defaults);
    }

    private DefaultsSettings defaults(Node section) {
        if (!section.present()) {
            return DefaultsSettings.STANDARD;
        }
        if (!section.isObject()) {
            problem(section, "must be a mapping, e.g. {antiAffinity: required}");
            return DefaultsSettings.STANDARD;
        }
        unknownKeys(section, DEFAULTS_KEYS);
        DefaultsSettings.AntiAffinity antiAffinity = DefaultsSettings.STANDARD.antiAffinity();
        Node a = section.get("antiAffinity");
        if (a.present()) {
            try {
                antiAffinity = DefaultsSettings.AntiAffinity.parse(a.text().orElse(""));
            } catch (IllegalArgumentException e) {
                problem(a, "invalid antiAffinity " + render(a) + "; expected preferred or required");
            }
        }
        return new DefaultsSettings(antiAffinity);
    }

    private Map<String, RuleSetting> rules(Node rules) {
        Map<String, RuleSetting> out = new LinkedHashMap<>();
        if (!rules.present()) {
            return out;
        }
        if (!rules.isObject()) {
            problem(rules, "must be a mapping of rule ID or concern to off, error, warning or "
                    + "{enabled, severity}");
            return out;
        }
        for (Map.Entry<String, Node> e : rules.fields().entrySet()) {
            String selector = e.getKey();
            Node value = e.getValue();
            if (!selector(selector, value, false)) {
                continue;
            }
            Location at = doc.locate(value.path());
            Optional<RuleSetting> setting = Optional.empty();
            if (value.bool().isPresent()) {
                setting = Optional.of(new RuleSetting(selector, value.isTrue(), Optional.empty(), at));
            } else if (value.isText()) {
                String v = value.textOr("");
                switch (v) {
                    case "off", "disabled" -> setting = Optional.of(new RuleSetting(selector, false, Optional.empty(), at));
                    case "on", "enabled" -> setting = Optional.of(new RuleSetting(selector, true, Optional.empty(), at));
                    default -> setting = severity(value).map(s -> new RuleSetting(selector, true, Optional.of(s), at));
                }
            } else if (value.isObject()) {
                unknownKeys(value, RULE_KEYS);
                Node enabled = value.get("enabled");
                if (enabled.present() && enabled.bool().isEmpty()) {
                    problem(enabled, "must be true or false");
                }
                Node sev = value.get("severity");
                Optional<Severity> severity = sev.present() ? severity(sev) : Optional.empty();
                setting = Optional.of(new RuleSetting(selector, enabled.bool().orElse(true), severity, at));
            } else {
                problem(value, "expected off, error, warning or a mapping {enabled, severity}");
            }
            setting.ifPresent(s -> out.put(selector, s));
        }
        return out;
    }

    private List<Exemption> exemptions(Node list) {
        List<Exemption> out = new ArrayList<>();
        if (!list.present()) {
            return out;
        }
        if (!list.isArray()) {
            problem(list, "must be a list of exemptions");
            return out;
        }
        for (Node item : list.items()) {
            if (!item.isObject()) {
                problem(item, "an exemption is a mapping with rules and namespaces, names or labels");
                continue;
            }
            unknownKeys(item, EXEMPTION_KEYS);
            List<String> rules = strings(item.get("rules"));
            if (rules.isEmpty()) {
                problem(item, "rules: Required value: the rule IDs or concerns exempted (\"*\" for all)");
            }
            for (int i = 0; i < rules.size(); i++) {
                selector(rules.get(i), item.get("rules").index(i), true);
            }
            List<String> namespaces = strings(item.get("namespaces"));
            List<String> names = strings(item.get("names"));
            Map<String, String> labels = new LinkedHashMap<>();
            Node l = item.get("labels");
            if (l.present() && !l.isObject()) {
                problem(l, "must be a mapping of label key to value (or pattern)");
            }
            for (Map.Entry<String, Node> e : l.fields().entrySet()) {
                Optional<String> v = e.getValue().scalarText();
                if (v.isEmpty()) {
                    problem(e.getValue(), "a label value must be a string");
                } else {
                    labels.put(e.getKey(), v.get());
                }
            }
            if (namespaces.isEmpty() && names.isEmpty() && labels.isEmpty()) {
                // An exemption for every object is a disabled rule: say so where it is visible.
                problem(item, "an exemption needs namespaces, names or labels; to turn a rule off everywhere "
                        + "write it under rules: as off");
            }
            Node reason = item.get("reason");
            if (reason.present() && !reason.isText()) {
                problem(reason, "must be a string");
            }
            out.add(new Exemption(rules, namespaces, names, labels, reason.textOr(""), doc.locate(item.path())));
        }
        return out;
    }

    /** A list of strings (numbers and booleans as written, since YAML may type {@code 2024} as a number). */
    private List<String> strings(Node list) {
        if (!list.present()) {
            return List.of();
        }
        if (!list.isArray()) {
            problem(list, "must be a list of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            Optional<String> s = item.scalarText();
            if (s.isEmpty() || s.get().isBlank()) {
                problem(item, "must be a non-empty string");
            } else {
                out.add(s.get().trim());
            }
        }
        return out;
    }

    private boolean selector(String selector, Node at, boolean allowAll) {
        if (allowAll && selector.equals(RuleSelectors.ALL)) {
            return true;
        }
        if (RuleSelectors.known(selector, known)) {
            return true;
        }
        List<String> close = RuleSelectors.closest(selector, known);
        problem(at, "unknown rule or concern " + quote(selector)
                + (close.isEmpty() ? "; `neo4j-guard rules` lists them" : "; did you mean " + String.join(", ", close) + "?"));
        return false;
    }

    private Optional<Severity> severity(Node value) {
        Optional<String> text = value.text();
        if (text.isPresent()) {
            for (Severity s : Severity.values()) {
                if (s.label().equals(text.get())) {
                    return Optional.of(s);
                }
            }
        }
        problem(value, "invalid severity " + render(value) + "; expected error or warning");
        return Optional.empty();
    }

    private Optional<Enforcement> mode(Node value) {
        Optional<String> text = value.text();
        if (text.isPresent()) {
            try {
                return Optional.of(Enforcement.parse(text.get()));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problem(value, "invalid enforcement " + render(value) + "; expected enforce or warn");
        return Optional.empty();
    }

    private void expectText(Node node, String expected) {
        if (!node.present()) {
            problem(node, "Required value: " + expected);
        } else if (!expected.equals(node.textOr(null))) {
            problem(node, "Unsupported value: " + render(node) + ": supported values: " + quote(expected));
        }
    }

    private void unknownKeys(Node mapping, Set<String> allowed) {
        for (Map.Entry<String, Node> e : mapping.fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown field " + quote(e.getKey()) + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void problem(Node at, String message) {
        String path = at.path();
        problems.add(new PolicyException.Problem(doc.locate(path), (path.isEmpty() ? "" : path + ": ") + message));
    }

    private static String render(Node value) {
        return value.isText() ? quote(value.textOr("")) : String.valueOf(value.json());
    }

    private static String quote(String s) {
        return io.neo4jguard.core.api.Messages.quote(s);
    }
}
