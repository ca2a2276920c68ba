package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class DownloadServlet extends HttpServlet {
    private static final String UPLOAD_DIR = "/var/app/uploads";

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        // ruleid: sast/java-path-traversal
        File file = new File(UPLOAD_DIR, name);
        // ok: sast/java-path-traversal
        try (InputStream in = Files.newInputStream(file.toPath())) {
            in.transferTo(response.getOutputStream());
        }
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: sast/java-path-traversal
        try (FileInputStream in = new FileInputStream(UPLOAD_DIR + "/" + request.getHeader("X-File"))) {
            in.transferTo(response.getOutputStream());
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = FilenameUtils.getName(request.getParameter("file"));
        // ok: sast/java-path-traversal
        File file = new File(UPLOAD_DIR, name);
        response.getWriter().println(file.length());
    }

    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Path base = Paths.get(UPLOAD_DIR).toAbsolutePath().normalize();
        Path target = base.resolve(request.getParameter("file")).normalize();
        if (!target.startsWith(base)) {
            response.sendError(400);
            return;
        }
        // ok: sast/java-path-traversal
        Files.deleteIfExists(target);
    }
}

@RestController
class ReportController {
    private final Path reportDir = Paths.get("/srv/reports");

    @GetMapping("/reports/{name}")
    byte[] report(@PathVariable String name) throws IOException {
        // ruleid: sast/java-path-traversal
        return Files.readAllBytes(Paths.get("/srv/reports", name + ".pdf"));
    }

    @GetMapping("/exports")
    String export(@RequestParam String file) throws IOException {
        // ruleid: sast/java-path-traversal
        return Files.readString(reportDir.resolve(file));
    }

    @GetMapping("/exports/safe")
    String exportSafe(@RequestParam String file) throws IOException {
        Path name = Paths.get(file).getFileName();
        // ok: sast/java-path-traversal
        return Files.readString(reportDir.resolve(name));
    }

    @GetMapping("/exports/latest")
    String latest(@RequestParam String format) throws IOException {
        // ok: sast/java-path-traversal
        return format + Files.readString(reportDir.resolve("latest.csv"));
    }
}
