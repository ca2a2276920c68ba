package com.example.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

public class ImportServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // ruleid: sast/java-xxe-parser
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            DocumentBuilder builder = dbf.newDocumentBuilder();
            Document doc = builder.parse(request.getInputStream());
            response.getWriter().println(doc.getDocumentElement().getNodeName());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // ruleid: sast/java-xxe-parser
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            // looks like hardening, but leaves DOCTYPEs and external entities on
            dbf.setNamespaceAware(true);
            dbf.setValidating(false);
            Document doc = dbf.newDocumentBuilder().parse(request.getInputStream());
            response.getWriter().println(doc.getXmlVersion());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}

class FeedParser {
    void parse(InputStream in) throws Exception {
        // ruleid: sast/java-xxe-parser
        SAXParserFactory spf = SAXParserFactory.newInstance();
        SAXParser parser = spf.newSAXParser();
        parser.parse(in, new DefaultHandler());
    }

    XMLStreamReader stream(InputStream in) throws Exception {
        // ruleid: sast/java-xxe-parser
        XMLInputFactory xif = XMLInputFactory.newInstance();
        return xif.createXMLStreamReader(in);
    }

    Transformer transformer(InputStream xslt) throws Exception {
        // ruleid: sast/java-xxe-parser
        TransformerFactory tf = TransformerFactory.newInstance();
        return tf.newTransformer(new StreamSource(xslt));
    }
}

class SafeParsers {
    private final DocumentBuilderFactory shared;
    // ok: sast/java-xxe-parser
    private static final XMLInputFactory STAX = XMLInputFactory.newInstance();

    static {
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    Document unsafeToo(InputStream in) throws Exception {
        // ruleid: sast/java-xxe-parser
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    SafeParsers() throws Exception {
        // ok: sast/java-xxe-parser
        shared = DocumentBuilderFactory.newInstance();
        shared.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    }

    Document dom(InputStream in) throws Exception {
        // ok: sast/java-xxe-parser
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    void sax(InputStream in) throws Exception {
        // ok: sast/java-xxe-parser
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        spf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        spf.newSAXParser().parse(in, new DefaultHandler());
    }

    XMLStreamReader stax(InputStream in) throws Exception {
        // ok: sast/java-xxe-parser
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(in);
    }

    Transformer xslt(InputStream xsl) throws Exception {
        // ok: sast/java-xxe-parser
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return tf.newTransformer(new StreamSource(xsl));
    }

    Document secure(InputStream in) throws Exception {
        // ok: sast/java-xxe-parser
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return dbf.newDocumentBuilder().parse(in);
    }
}

class XmlWriter {
    String write(java.util.Map<String, String> values) throws Exception {
        // ok: sast/java-xxe-parser
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        Document doc = dbf.newDocumentBuilder().newDocument();
        org.w3c.dom.Element root = doc.createElement("values");
        doc.appendChild(root);
        // ok: sast/java-xxe-parser
        Transformer t = TransformerFactory.newInstance().newTransformer();
        java.io.StringWriter out = new java.io.StringWriter();
        t.transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }
}

class Cached {
    // ruleid: sast/java-xxe-parser
    private static final DocumentBuilderFactory DBF = DocumentBuilderFactory.newInstance();

    Document read(InputStream in) throws Exception {
        return DBF.newDocumentBuilder().parse(in);
    }
}
