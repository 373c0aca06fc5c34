package io.neo4jguard.core.rules.plugin;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PluginSourceCheckTest {
    private static final String SHA256 = "sha256:" + "a".repeat(64);
    private static final String SHA512 = "sha512:" + "0123456789abcdef".repeat(8);

    private final PluginSourceCheck check = new PluginSourceCheck();

    private List<String> findings(String spec) {
        return ids(run(check, object(Kinds.PLUGIN, "p", "clusterRef: graph\nname: x\nversion: \"1.0.0\"\n" + spec)));
    }

    private static List<String> expected(String ids) {
        return ids == null ? List.of() : Arrays.asList(ids.split("\\s*,\\s*"));
    }

    // NV = plugin.checksum-not-verified: a checksum in Managed mode (the default) is recorded, never verified.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
            "source: {type: official}                                  | -",
            "source: {type: community}                                 | -",
            "source: {type: Official}                                  | plugin.source-invalid",
            "source: {type: registry}                                  | plugin.source-invalid",
            "source: {type: url, url: 'https://h/p.jar', checksum: CS} | NV",
            "source: {type: custom, url: 'https://h/p.jar', checksum: CS512} | NV",
            "source: {type: url, checksum: CS}                         | plugin.source-invalid, NV",
            "source: {type: url, url: 'https://h/p.jar'}               | plugin.source-invalid",
            "source: {type: url, url: 'http://h/p.jar', checksum: CS}  | plugin.source-invalid, NV",
            "source: {type: url, url: 'HTTPS://h/p.jar', checksum: CS} | NV",
            "source: {type: url, url: 'https:///p.jar', checksum: CS}  | plugin.source-invalid, NV",
            "source: {type: url, url: 'h/p.jar', checksum: CS}         | plugin.source-invalid, NV",
            "source: {type: url, url: 'https://h/p.jar', checksum: 'sha256:abc'} | plugin.source-invalid, NV",
            "source: {type: url, url: 'https://h/p.jar', checksum: 'md5:0123456789abcdef0123456789abcdef'} | plugin.source-invalid, NV",
            "source: {type: official, checksum: CS}                    | NV",
            "source: {type: official, registry: {url: 'https://r'}}    | plugin.source-ignored",
            // installMode
            "installMode: Verified                                     | plugin.install-mode-invalid",
            "installMode: managed                                      | plugin.install-mode-invalid",
            "installMode: PreBaked                                     | -",
            "installMode: PreBaked\\nsource: {type: official}         | plugin.source-ignored",
            "installMode: VerifiedDownload\\nsource: {type: url, url: 'https://h/p.jar', checksum: CS} | -",
            "installMode: VerifiedDownload\\nsource: {type: official} | plugin.install-mode-invalid, plugin.install-mode-invalid, plugin.install-mode-invalid",
            "installMode: VerifiedDownload\\nsource: {type: url, url: 'https://h/p.jar', checksum: CS}\\ndependencies: [{name: apoc}] | plugin.install-mode-invalid",
    })
    void sourceAndInstallMode(String spec, String ids) {
        String s = spec.replace("\\n", "\n").replace("CS512", SHA512).replace("CS", SHA256);
        assertThat(findings(s)).containsExactlyInAnyOrderElementsOf(expected(ids == null ? null
                : ids.replace("NV", "plugin.checksum-not-verified")));
    }

    @Test
    void urlBoundaryIs2048Characters() {
        String base = "https://h/";
        String ok = base + "a".repeat(2048 - base.length());
        String tooLong = ok + "a";
        assertThat(findings("installMode: VerifiedDownload\nsource: {type: url, url: '" + ok + "', checksum: "
                + SHA256 + "}")).isEmpty();
        assertThat(findings("installMode: VerifiedDownload\nsource: {type: url, url: '" + tooLong + "', checksum: "
                + SHA256 + "}")).containsExactly("plugin.source-invalid");
    }

    @Test
    void checksumDigestLengthBoundaries() {
        for (int n : new int[] {63, 65}) {
            assertThat(findings("installMode: VerifiedDownload\nsource: {type: url, url: 'https://h/x.jar', checksum: "
                    + "sha256:" + "a".repeat(n) + "}")).as("%d hex digits", n).containsExactly("plugin.source-invalid");
        }
        List<Finding> f = run(check, object(Kinds.PLUGIN, "p", "installMode: VerifiedDownload\nsource: {type: url, "
                + "url: 'https://h/x.jar', checksum: 'sha256:" + "a".repeat(63) + "'}"));
        assertThat(f.get(0).message()).contains("64 hex digits, got 63");
    }

    @Test
    void credentialsInUrlsAreNotEchoed() {
        Finding f = run(check, object(Kinds.PLUGIN, "p", "source: {type: url, url: 'http://u:tok3n@h/x.jar', "
                + "checksum: " + SHA256 + "}")).get(0);
        assertThat(f.message()).doesNotContain("tok3n");
    }
}
