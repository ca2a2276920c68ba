package com.example.xml;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;

public class UserLookupServlet extends HttpServlet {
    private Document users;

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = request.getParameter("name");
        String pass = request.getParameter("password");
        try {
            // ruleid: sast/java-xpath-injection
            String id = xpath.evaluate("/users/user[@name='" + name + "' and @password='" + pass + "']/@id", users);
            response.getWriter().println(id);
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = String.format("//product[sku='%s']/price", request.getHeader("X-Sku"));
        try {
            // ruleid: sast/java-xpath-injection
            XPathExpression compiled = xpath.compile(expr);
            response.getWriter().println(compiled.evaluate(users));
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = request.getParameter("name");
        xpath.setXPathVariableResolver(v -> "name".equals(v.getLocalPart()) ? name : null);
        try {
            // ok: sast/java-xpath-injection
            String email = xpath.evaluate("/users/user[@name=$name]/email", users);
            int index = Integer.parseInt(request.getParameter("index"));
            // ok: sast/java-xpath-injection
            String nth = xpath.evaluate("/users/user[" + index + "]/email", users);
            response.getWriter().println(email + nth);
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }
}

@RestController
class CatalogController {
    private Document catalog;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @GetMapping("/catalog")
    String find(@RequestParam String category) throws XPathExpressionException {
        // ruleid: sast/java-xpath-injection
        return xpath.evaluate("//book[@category='" + category + "']/title", catalog);
    }

    @GetMapping("/catalog/all")
    String all(@RequestParam String format) throws XPathExpressionException {
        // ok: sast/java-xpath-injection
        String titles = xpath.evaluate("//book/title", catalog);
        return format + titles;
    }
}
