package io.neo4jguard.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListenAddressTest {
    @Test
    void wildcardsAreDialledOnTheLoopbackOfTheirFamily() {
        assertThat(ListenAddress.dialable("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(ListenAddress.dialable("")).isEqualTo("127.0.0.1");
        assertThat(ListenAddress.dialable("::")).isEqualTo("::1");
        assertThat(ListenAddress.dialable("[::]")).isEqualTo("::1");
        assertThat(ListenAddress.dialable("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ListenAddress.dialable("[fd00::1]")).isEqualTo("fd00::1");
    }

    @Test
    void inUrlsIpv6LiteralsAreBracketed() {
        assertThat(ListenAddress.inUrl("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(ListenAddress.inUrl("::")).isEqualTo("[::1]");
        assertThat(ListenAddress.inUrl("fd00::1")).isEqualTo("[fd00::1]");
        assertThat(ListenAddress.inUrl("[fd00::1]")).isEqualTo("[fd00::1]");
        assertThat(ListenAddress.inUrl("localhost")).isEqualTo("localhost");
    }
}
