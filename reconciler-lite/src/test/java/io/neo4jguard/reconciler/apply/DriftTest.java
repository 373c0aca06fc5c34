package io.neo4jguard.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode j(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void serverDefaultsAndOtherManagersFieldsAreNotDrift() {
        JsonNode desired = j("{'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'neo4j','image':'neo4j:5'}]}}}}");
        JsonNode live = j("{'metadata':{'resourceVersion':'9'},'spec':{'replicas':3,'revisionHistoryLimit':10,"
                + "'template':{'spec':{'containers':[{'name':'neo4j','image':'neo4j:5','terminationMessagePath':'/dev/x'},"
                + "{'name':'sidecar','image':'envoy'}]}}},'status':{'readyReplicas':1}}");
        assertThat(Drift.covers(desired, live)).isTrue();
    }

    @Test
    void aChangedOrMissingFieldIsDriftAndNamedByPath() {
        JsonNode desired = j("{'spec':{'replicas':5,'serviceName':'g-headless'}}");
        assertThat(Drift.firstDifference(desired, j("{'spec':{'replicas':3,'serviceName':'g-headless'}}")))
                .contains("/spec/replicas");
        assertThat(Drift.firstDifference(desired, j("{'spec':{'replicas':5}}"))).contains("/spec/serviceName");
    }

    @Test
    void scalarListsMustMatchInOrderObjectListsByElement() {
        assertThat(Drift.covers(j("{'args':['a','b']}"), j("{'args':['a','b']}"))).isTrue();
        assertThat(Drift.covers(j("{'args':['a','b']}"), j("{'args':['b','a']}"))).isFalse();
        assertThat(Drift.covers(j("{'args':['a']}"), j("{'args':['a','b']}"))).isFalse();
        assertThat(Drift.covers(j("{'env':[{'name':'A','value':'1'}]}"), j("{'env':[{'name':'B','value':'2'},{'name':'A','value':'1'}]}")))
                .isTrue();
        assertThat(Drift.covers(j("{'env':[{'name':'A','value':'1'}]}"), j("{'env':[{'name':'A','value':'2'}]}")))
                .isFalse();
    }

    @Test
    void quantitiesCompareByAmountWhereTheyAreQuantities() {
        assertThat(Drift.covers(j("{'resources':{'limits':{'cpu':'0.5','memory':'1024Mi'}}}"),
                j("{'resources':{'limits':{'cpu':'500m','memory':'1Gi'}}}"))).isTrue();
        assertThat(Drift.covers(j("{'resources':{'requests':{'storage':'10Gi'}}}"),
                j("{'resources':{'requests':{'storage':'20Gi'}}}"))).isFalse();
        // Not a quantity field: '1Gi' and '1024Mi' are different strings (an image tag, a label).
        assertThat(Drift.covers(j("{'labels':{'size':'1Gi'}}"), j("{'labels':{'size':'1024Mi'}}"))).isFalse();
    }

    @Test
    void numbersByValue() {
        assertThat(Drift.covers(j("{'a':1}"), j("{'a':1.0}"))).isTrue();
        assertThat(Drift.covers(j("{'a':1}"), j("{'a':'1'}"))).isFalse();
    }
}
