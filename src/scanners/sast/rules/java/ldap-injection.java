package com.example.auth;

import java.io.IOException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class DirectoryServlet extends HttpServlet {
    private DirContext ctx;
    private final SearchControls controls = new SearchControls();

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        try {
            // ruleid: sast/java-ldap-injection
            NamingEnumeration<SearchResult> results = ctx.search("ou=people,dc=example,dc=com", filter, controls);
            response.getWriter().println(results.hasMore());
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // ruleid: sast/java-ldap-injection
            ctx.search("ou=groups,dc=example,dc=com", "(cn=" + request.getHeader("X-Group") + ")", controls);
            // ok: sast/java-ldap-injection
            ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {request.getParameter("user")}, controls);
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String safe = LdapEncoder.filterEncode(request.getParameter("user"));
        try {
            // ok: sast/java-ldap-injection
            ctx.search("ou=people,dc=example,dc=com", "(uid=" + safe + ")", controls);
            // ok: sast/java-ldap-injection
            ctx.search("ou=people,dc=example,dc=com", "(objectClass=person)", controls);
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }
}

@RestController
class PeopleController {
    private LdapTemplate ldapTemplate;

    @GetMapping("/people")
    Object people(@RequestParam String mail) {
        // ruleid: sast/java-ldap-injection
        return ldapTemplate.search("ou=people", "(mail=" + mail + ")", (org.springframework.ldap.core.AttributesMapper<String>) a -> a.toString());
    }

    @GetMapping("/people/count")
    Object count(@RequestParam String dept) {
        int id = Integer.parseInt(dept);
        // ok: sast/java-ldap-injection
        return ldapTemplate.search("ou=people", "(departmentNumber=" + id + ")", (org.springframework.ldap.core.AttributesMapper<String>) a -> a.toString());
    }
}
