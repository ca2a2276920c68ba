package com.example.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

public class LoginServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: sast/java-open-redirect
        response.sendRedirect(next);
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(302);
        // ruleid: sast/java-open-redirect
        response.setHeader("Location", request.getParameter("returnUrl"));
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String tab = URLEncoder.encode(request.getParameter("tab"), StandardCharsets.UTF_8);
        // ok: sast/java-open-redirect
        response.sendRedirect("/profile?tab=" + tab);
        // ok: sast/java-open-redirect
        response.sendRedirect("/home");
    }
}

@Controller
class AuthController {
    private static final Map<String, String> TARGETS = Map.of("docs", "https://docs.example.com");

    @GetMapping("/logout")
    String logout(@RequestParam("return_to") String returnTo) {
        // ruleid: sast/java-open-redirect
        return "redirect:" + returnTo;
    }

    @GetMapping("/out")
    RedirectView out(@RequestParam String url) {
        // ruleid: sast/java-open-redirect
        return new RedirectView(url);
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id) {
        // ok: sast/java-open-redirect
        return "redirect:/items/" + id;
    }

    @GetMapping("/go")
    String go(@RequestParam String to) {
        String target = "docs".equals(to) ? "https://docs.example.com" : "/";
        // ok: sast/java-open-redirect
        return "redirect:" + target;
    }

    @GetMapping("/search")
    String search(@RequestParam String q) {
        // ok: sast/java-open-redirect
        return "redirect:https://search.example.com/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
