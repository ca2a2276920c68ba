package com.example.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class ToolsServlet extends HttpServlet {
    private final Runtime runtime = Runtime.getRuntime();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // ruleid: sast/java-command-injection
        Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
        response.getWriter().println(p.isAlive());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getHeader("X-File");
        String[] cmd = {"sh", "-c", "convert " + file + " out.png"};
        // ruleid: sast/java-command-injection
        runtime.exec(cmd);
    }

    private void archive(String path) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("tar");
        command.add("czf");
        command.add(path);
        // ruleid: sast/java-command-injection
        new ProcessBuilder(command).start();
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        archive(request.getPathInfo());
    }

    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: sast/java-command-injection
        Runtime.getRuntime().exec("uptime");
        int pid = Integer.parseInt(request.getParameter("pid"));
        // ok: sast/java-command-injection
        Runtime.getRuntime().exec("kill -9 " + pid);
    }

    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String mode = "true".equals(request.getParameter("verbose")) ? "-v" : "-q";
        // ok: sast/java-command-injection
        new ProcessBuilder("git", "status", mode).start();
    }
}

@RestController
class DiagnosticsController {
    @GetMapping("/lookup")
    String lookup(@RequestParam String domain) throws IOException {
        // ruleid: sast/java-command-injection
        Process p = new ProcessBuilder("sh", "-c", "nslookup " + domain).start();
        return String.valueOf(p.pid());
    }

    @GetMapping("/time")
    String time(String zone) throws IOException {
        // ok: sast/java-command-injection
        Process p = new ProcessBuilder("date", "-u").start();
        return zone + p.pid();
    }
}
