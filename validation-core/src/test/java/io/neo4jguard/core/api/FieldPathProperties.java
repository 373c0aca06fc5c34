package io.neo4jguard.core.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPathProperties {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    @Property(tries = 2000)
    void plainKeysAreExactlyTheIdentifierGrammar(@ForAll String key) {
        assertThat(FieldPath.plain(key)).isEqualTo(PLAIN.matcher(key).matches());
    }

    @Property(tries = 500)
    void childOfAPlainKeyIsDottedAndOtherKeysAreBracketed(@ForAll String key) {
        String p = FieldPath.child("spec.config", key);
        assertThat(p).isEqualTo(PLAIN.matcher(key).matches() ? "spec.config." + key : "spec.config[" + key + "]");
        // A key holding '[' or ']' makes the bracketed form ambiguous, as in Kubernetes' own field.Path;
        // parent() is only used to fall back to the nearest located ancestor, so it need not undo that.
        if (key.indexOf('[') < 0 && key.indexOf(']') < 0) {
            assertThat(FieldPath.parent(p)).isEqualTo("spec.config");
        }
    }
}
