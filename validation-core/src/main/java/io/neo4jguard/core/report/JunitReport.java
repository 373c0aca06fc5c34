package io.neo4jguard.core.report;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure): one test case per object
 * ({@code classname} = file, {@code name} = kind/namespace/name), one {@code <failure>} per error, the
 * warnings in {@code <system-out>}. Text goes through the JDK's XML writer (escaping) after characters
 * that XML 1.0 cannot carry at all (control characters, lone surrogates) are replaced. No timings, so
 * the same input gives the same bytes.
 */
public final class JunitReport {
    public String render(Report report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            newline(w, 0);
            long failed = report.objects().stream().filter(o -> o.count(Severity.ERROR) > 0).count();
            String tests = Integer.toString(report.objects().size());
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "neo4j-guard");
            w.writeAttribute("tests", tests);
            w.writeAttribute("failures", Long.toString(failed));
            w.writeAttribute("errors", "0");
            newline(w, 1);
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "neo4j-guard check");
            w.writeAttribute("tests", tests);
            w.writeAttribute("failures", Long.toString(failed));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            for (ObjectReport o : report.objects()) {
                newline(w, 2);
                testcase(w, o);
            }
            newline(w, 1);
            w.writeEndElement();
            newline(w, 0);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static void testcase(XMLStreamWriter w, ObjectReport o) throws XMLStreamException {
        List<Finding> errors = o.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        List<Finding> warnings = o.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
        w.writeStartElement("testcase");
        w.writeAttribute("classname", clean(o.resource().file().isEmpty() ? "<input>" : o.resource().file()));
        w.writeAttribute("name", clean(o.qualifiedName()));
        for (Finding f : errors) {
            newline(w, 3);
            w.writeStartElement("failure");
            w.writeAttribute("type", clean(f.rule()));
            w.writeAttribute("message", clean(headline(f)));
            w.writeCharacters(clean(detail(o, f)));
            w.writeEndElement();
        }
        if (!warnings.isEmpty()) {
            newline(w, 3);
            w.writeStartElement("system-out");
            StringBuilder b = new StringBuilder();
            for (Finding f : warnings) {
                b.append("warning ").append(detail(o, f).replace('\n', ' ')).append('\n');
            }
            w.writeCharacters(clean(b.toString()));
            w.writeEndElement();
        }
        if (!errors.isEmpty() || !warnings.isEmpty()) {
            newline(w, 2);
        }
        w.writeEndElement();
    }

    private static String headline(Finding f) {
        return f.rule() + ": " + (f.field().isEmpty() ? "" : f.field() + ": ") + f.message().replace('\n', ' ');
    }

    private static String detail(ObjectReport o, Finding f) {
        Location l = f.location();
        String where = (l.file().isEmpty() ? o.resource().file() : l.file())
                + (l.known() ? ":" + l.line() + ":" + l.column() : "");
        return where + " " + f.rule() + " " + (f.field().isEmpty() ? "" : f.field() + ": ") + f.message()
                + (f.hint().isEmpty() ? "" : "\nhint: " + f.hint());
    }

    private static void newline(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Replaces what XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE/U+FFFF; unpaired surrogates. */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                ok = true;
                width = 2;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) {
                if (ok) {
                    b.append(s, i, i + width);
                } else {
                    b.append('\uFFFD');
                }
            }
            i += width - 1;
        }
        return b == null ? s : b.toString();
    }
}
