package io.neo4jguard.core.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    private static final List<String> SPEC = List.of("image", "topology", "storage", "acceptLicenseAgreement",
            "resources", "env", "config", "tls", "auth", "service", "clusterRef", "readOnly", "mountPath");

    @ParameterizedTest
    @CsvSource({
            "toplogy, topology",            // transposition counts as one edit
            "topolgy, topology",
            "imge, image",
            "storgae, storage",
            "clusterref, clusterRef",       // case only
            "ClusterRef, clusterRef",
            "readOnyl, readOnly",
            "mountpath, mountPath",
            "acceptLicenceAgreement, acceptLicenseAgreement",
            "resource, resources",
            "tsl, tls",
            "confg, config",
    })
    void suggestsTheNearbyField(String typo, String expected) {
        assertThat(Suggestions.closest(typo, SPEC)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "ssl",            // 3 letters, 2 edits from tls: too far for a short name
            "envs_and_more",
            "storageClassName",
            "x",
            "topologies-extra",
    })
    void staysQuietWhenNothingIsClose(String name) {
        assertThat(Suggestions.closest(name, SPEC)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "authentication, auth",
            "storageClassName, storage",
            "imagePullSecrets, image",
            "configuration, config",
    })
    void findsTheFieldASpelledOutNameStartsWith(String name, String expected) {
        assertThat(Suggestions.prefixOf(name, SPEC)).isEqualTo(Optional.of(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "toplogy, topology, 1",
            "abc, abc, 0",
            "abc, '', 3",
            "kitten, sitting, 3",
            "ca, abc, 3",
    })
    void distanceIsOptimalStringAlignment(String a, String b, int expected) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
    }
}
