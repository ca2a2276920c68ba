package com.example.web;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class PreferencesServlet extends HttpServlet {
    private static final Set<String> LANGS = Set.of("en", "de", "fr");

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        String role = request.getParameter("role");
        // ruleid: sast/java-trust-boundary-violation
        session.setAttribute("role", role);
        // ruleid: sast/java-trust-boundary-violation
        request.getSession().setAttribute("returnTo", request.getHeader("Referer"));
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(true);
        String lang = request.getParameter("lang");
        // ok: sast/java-trust-boundary-violation
        session.setAttribute("lang", LANGS.contains(lang) ? "x" : "en");
        int pageSize = Integer.parseInt(request.getParameter("pageSize"));
        // ok: sast/java-trust-boundary-violation
        session.setAttribute("pageSize", pageSize);
        // ok: sast/java-trust-boundary-violation
        session.setAttribute("visited", Boolean.TRUE);
        // ok: sast/java-trust-boundary-violation
        request.setAttribute("lang", lang);
    }
}

@RestController
class CartController {
    @PostMapping("/cart/coupon")
    String coupon(@RequestParam String code, HttpSession session) {
        // ruleid: sast/java-trust-boundary-violation
        session.setAttribute("coupon", code);
        return "ok";
    }

    @PostMapping("/cart/clear")
    String clear(@RequestParam String reason, HttpSession session) {
        // ok: sast/java-trust-boundary-violation
        session.setAttribute("cart", null);
        return reason;
    }
}
