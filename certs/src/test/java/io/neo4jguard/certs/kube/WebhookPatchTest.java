package io.neo4jguard.certs.kube;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPatchTest {
    @Test
    void everyEntryWithAnotherBundleGetsANameTestAndAnAdd() {
        List<WebhookPatch.Operation> ops = WebhookPatch.build(List.of(
                new WebhookPatch.Webhook("validate.neo4j-guard.io", null),
                new WebhookPatch.Webhook("validate-clusters.neo4j-guard.io", "TkVX"),
                new WebhookPatch.Webhook("validate-old.neo4j-guard.io", "T0xE")), "TkVX");
        assertThat(WebhookPatch.toJson(ops)).isEqualTo("["
                + "{\"op\":\"test\",\"path\":\"/webhooks/0/name\",\"value\":\"validate.neo4j-guard.io\"},"
                + "{\"op\":\"add\",\"path\":\"/webhooks/0/clientConfig/caBundle\",\"value\":\"TkVX\"},"
                + "{\"op\":\"test\",\"path\":\"/webhooks/2/name\",\"value\":\"validate-old.neo4j-guard.io\"},"
                + "{\"op\":\"add\",\"path\":\"/webhooks/2/clientConfig/caBundle\",\"value\":\"TkVX\"}]");
        assertThat(WebhookPatch.changes(ops)).isEqualTo(2);
    }

    @Test
    void nothingToChangeMeansNoPatch() {
        assertThat(WebhookPatch.build(List.of(new WebhookPatch.Webhook("a", "X"), new WebhookPatch.Webhook("b", "X")), "X"))
                .isEmpty();
        assertThat(WebhookPatch.build(List.of(), "X")).isEmpty();
    }
}
