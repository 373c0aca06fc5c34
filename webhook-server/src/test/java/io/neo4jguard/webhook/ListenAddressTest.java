package io.neo4jguard.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListenAddressTest {
    /** Wildcards are dialled on the loopback of their family; in URLs, IPv6 literals are bracketed. */
    @ParameterizedTest(name = "bind {0}: dial {1}, URL host {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            0.0.0.0    | 127.0.0.1 | 127.0.0.1
                       | 127.0.0.1 | 127.0.0.1
            ::         | ::1       | [::1]
            [::]       | ::1       | [::1]
            10.1.2.3   | 10.1.2.3  | 10.1.2.3
            fd00::1    | fd00::1   | [fd00::1]
            [fd00::1]  | fd00::1   | [fd00::1]
            localhost  | localhost | localhost
            """)
    void dialableAndInUrl(String bind, String dialable, String inUrl) {
        assertThat(ListenAddress.dialable(bind)).isEqualTo(dialable);
        assertThat(ListenAddress.inUrl(bind)).isEqualTo(inUrl);
    }
}
