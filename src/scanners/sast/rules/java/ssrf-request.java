package com.example.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

public class FetchServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URL url = new URL(request.getParameter("url"));
        // ruleid: sast/java-ssrf-request
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        conn.getInputStream().transferTo(response.getOutputStream());
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String image = request.getHeader("X-Image");
        // ruleid: sast/java-ssrf-request
        try (InputStream in = new URL(image).openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = URLEncoder.encode(request.getParameter("q"), StandardCharsets.UTF_8);
        // ok: sast/java-ssrf-request
        try (InputStream in = new URL("https://search.example.com/api?q=" + q).openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}

@RestController
class PreviewController {
    private final RestTemplate restTemplate = new RestTemplate();
    private final HttpClient client = HttpClient.newHttpClient();
    private String partnerBase = "https://partner.example";

    @GetMapping("/preview")
    String preview(@RequestParam String target) {
        // ruleid: sast/java-ssrf-request
        return restTemplate.getForObject(target, String.class);
    }

    @GetMapping("/webhook")
    String webhook(@RequestParam String callback) throws Exception {
        // ruleid: sast/java-ssrf-request
        HttpRequest req = HttpRequest.newBuilder().uri(URI.create(callback)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    @GetMapping("/user")
    String user(@RequestParam String id) {
        // ok: sast/java-ssrf-request
        return restTemplate.getForObject("https://api.partner.example/v1/users/" + id, String.class);
    }

    @GetMapping("/repo")
    String repo(@RequestParam String name) {
        // ok: sast/java-ssrf-request
        return restTemplate.getForObject(String.format("https://api.github.com/repos/%s", name), String.class);
    }

    @GetMapping("/cache/evict")
    void evict(@RequestParam String key, org.springframework.data.redis.core.StringRedisTemplate redis) {
        // ok: sast/java-ssrf-request
        redis.delete(key);
    }

    @GetMapping("/health")
    String health(@RequestParam String verbose) {
        // ok: sast/java-ssrf-request
        return restTemplate.getForObject(partnerBase + "/health", String.class);
    }
}
