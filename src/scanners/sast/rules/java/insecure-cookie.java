package com.example.web;

import java.io.IOException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class SessionServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie cookie = new Cookie("session", newToken());
        cookie.setPath("/");
        // ruleid: sast/java-insecure-cookie
        response.addCookie(cookie);
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie remember = new Cookie("remember_me", newToken());
        remember.setHttpOnly(true);
        remember.setSecure(false);
        // ruleid: sast/java-insecure-cookie
        response.addCookie(remember);
    }

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie auth = new Cookie("auth", newToken());
        auth.setSecure(true);
        // ruleid: sast/java-insecure-cookie
        response.addCookie(auth);
    }

    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie cookie = new Cookie("session", newToken());
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        // ok: sast/java-insecure-cookie
        response.addCookie(cookie);
    }

    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie csrf = new Cookie("XSRF-TOKEN", newToken());
        csrf.setSecure(true);
        // ok: sast/java-insecure-cookie
        response.addCookie(csrf);
    }

    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie cookie = new Cookie("session", "");
        cookie.setMaxAge(0);
        cookie.setPath("/");
        // ok: sast/java-insecure-cookie
        response.addCookie(cookie);
    }

    void login(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie("session", newToken());
        cookie.setSecure(request.isSecure());
        cookie.setHttpOnly(true);
        // ok: sast/java-insecure-cookie
        response.addCookie(cookie);
    }

    void remember(HttpServletResponse response, String userId) {
        // ruleid: sast/java-insecure-cookie
        response.addCookie(new Cookie("remember", userId));
    }

    private String newToken() {
        return java.util.UUID.randomUUID().toString();
    }
}
