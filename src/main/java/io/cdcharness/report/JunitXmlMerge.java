package io.cdcharness.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins Cucumber's JUnit XML reports ({@code <testsuite>} with a {@code <testcase>} per scenario) into one
 * {@code <testsuite>}: every test case, the counts added up, the time summed, the earliest timestamp.
 */
final class JunitXmlMerge {
    private static final String[] COUNTS = {"tests", "skipped", "failures", "errors"};

    private JunitXmlMerge() {
    }

    static Document read(Path file) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // thrown, not also printed on stderr
                }
            });
            document = builder.parse(file.toFile());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException(file + " is not XML (expected Cucumber's JUnit XML report, a <testsuite>): " + e.getMessage(), e);
        }
        String root = document.getDocumentElement().getTagName();
        if (!root.equals("testsuite") && !root.equals("testsuites")) {
            throw new IllegalArgumentException(file + " is not a JUnit XML report: expected <testsuite> or <testsuites> at the top, found <" + root + ">");
        }
        return document;
    }

    static String merge(List<Document> reports) {
        try {
            Document merged = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            merged.setXmlStandalone(true); // no standalone="no" in the declaration, as Cucumber writes it
            Element suite = merged.createElement("testsuite");
            merged.appendChild(suite);
            long[] counts = new long[COUNTS.length];
            BigDecimal time = BigDecimal.ZERO;
            String timestamp = null;
            String name = null;
            for (Document report : reports) {
                for (Element source : suites(report)) {
                    name = name != null ? name : source.getAttribute("name");
                    for (int i = 0; i < COUNTS.length; i++) {
                        counts[i] += number(source.getAttribute(COUNTS[i]));
                    }
                    time = time.add(decimal(source.getAttribute("time")));
                    String began = source.getAttribute("timestamp");
                    if (!began.isEmpty() && (timestamp == null || began.compareTo(timestamp) < 0)) {
                        timestamp = began;
                    }
                    NodeList children = source.getChildNodes();
                    for (int i = 0; i < children.getLength(); i++) {
                        Node child = children.item(i);
                        if (child.getNodeType() == Node.ELEMENT_NODE) {
                            suite.appendChild(merged.importNode(child, true));
                            suite.appendChild(merged.createTextNode("\n"));
                        }
                    }
                }
            }
            suite.setAttribute("name", name == null || name.isEmpty() ? "Cucumber" : name);
            suite.setAttribute("time", time.setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
            for (int i = 0; i < COUNTS.length; i++) {
                suite.setAttribute(COUNTS[i], String.valueOf(counts[i]));
            }
            if (timestamp != null) {
                suite.setAttribute("timestamp", timestamp);
            }
            suite.insertBefore(merged.createTextNode("\n"), suite.getFirstChild());
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(merged), new StreamResult(out));
            return out.toString().replaceFirst("\\?><testsuite", "?>\n<testsuite") + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JUnit XML report could not be written: " + e.getMessage(), e);
        }
    }

    private static List<Element> suites(Document report) {
        Element root = report.getDocumentElement();
        if (root.getTagName().equals("testsuite")) {
            return List.of(root);
        }
        List<Element> suites = new ArrayList<>();
        NodeList children = root.getElementsByTagName("testsuite");
        for (int i = 0; i < children.getLength(); i++) {
            suites.add((Element) children.item(i));
        }
        return suites;
    }

    private static long number(String value) {
        try {
            return value.isBlank() ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
