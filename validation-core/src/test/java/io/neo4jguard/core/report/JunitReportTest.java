package io.neo4jguard.core.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneTestcasePerObjectAFailurePerErrorWarningsInSystemOut() throws Exception {
        Document doc = parse(new JunitReport().render(ReportFixture.report()));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("2");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element graph = (Element) cases.item(0);
        assertThat(graph.getAttribute("classname")).isEqualTo("k8s/cluster.yaml");
        assertThat(graph.getAttribute("name")).isEqualTo("Neo4jEnterpriseCluster/prod/graph");
        NodeList failures = graph.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        Element heap = (Element) failures.item(0);
        assertThat(heap.getAttribute("type")).isEqualTo("memory.test-heap-syntax");
        assertThat(heap.getAttribute("message"))
                .startsWith("memory.test-heap-syntax: spec.config[server.memory.heap.max_size]: Invalid value");
        assertThat(heap.getTextContent()).startsWith("k8s/cluster.yaml:10:5 memory.test-heap-syntax")
                .endsWith("hint: write 4g");
        assertThat(graph.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("warning k8s/cluster.yaml:")
                .contains("memory.test-no-limit spec.resources: Required value");
        Element fine = (Element) cases.item(1);
        assertThat(fine.getAttribute("name")).isEqualTo("Neo4jEnterpriseCluster/default/fine");
        assertThat(fine.getChildNodes().getLength()).isZero();
    }

    @Test
    void escapesMarkupAndDropsWhatXmlCannotCarry() throws Exception {
        String xml = new JunitReport().render(ReportFixture.hostile());
        Document doc = parse(xml);
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("classname")).isEqualTo("dir with space/<&>\"'.yaml");
        String failure = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertThat(failure).contains("a <tag> & \"quote\" 'apos' \uFFFDctl \uFFFDnul \uFFFDlone ]]> \u00e9\u4e2d\uD83D\uDE00");
        assertThat(((Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .doesNotContain("\n");
    }

    @Test
    void emptyRunIsAValidEmptySuite() throws Exception {
        Document doc = parse(new JunitReport().render(Report.of(List.of(), 0, 3)));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    }

    @Test
    void cleanKeepsValidTextAndReplacesTheRest() {
        assertThat(JunitReport.clean("ok\t\n\r\u00e9\uD83D\uDE00")).isEqualTo("ok\t\n\r\u00e9\uD83D\uDE00");
        assertThat(JunitReport.clean("\u0000\u001f\uFFFE\uDC00x\uD800")).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD");
    }
}
