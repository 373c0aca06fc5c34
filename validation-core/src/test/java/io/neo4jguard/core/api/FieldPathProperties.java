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
        assertThat(FieldPath.parent(p)).isEqualTo("spec.config");
    }
}
