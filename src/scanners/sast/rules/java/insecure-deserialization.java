package com.example.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

public class RpcServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: sast/java-insecure-deserialization
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            Object command = in.readObject();
            response.getWriter().println(command);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectInputFilter filter = ObjectInputFilter.Config.createFilter("com.example.dto.*;java.base/*;!*");
        // ok: sast/java-insecure-deserialization
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            in.setObjectInputFilter(filter);
            response.getWriter().println(in.readObject());
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}

class Listener {
    void serve(ServerSocket server) throws IOException, ClassNotFoundException {
        Socket socket = server.accept();
        InputStream raw = socket.getInputStream();
        // ruleid: sast/java-insecure-deserialization
        ObjectInputStream in = new ObjectInputStream(raw);
        System.out.println(in.readObject());
    }

    Object loadCache() throws IOException, ClassNotFoundException {
        // ok: sast/java-insecure-deserialization
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Paths.get("/var/cache/app/state.bin")))) {
            return in.readObject();
        }
    }
}

@RestController
class ImportController {
    @PostMapping("/import")
    Object importData(@RequestBody byte[] body) throws IOException, ClassNotFoundException {
        // ruleid: sast/java-insecure-deserialization
        ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(body));
        return in.readObject();
    }

    @PostMapping("/import/json")
    Object importJson(@RequestBody String body) throws IOException {
        // ok: sast/java-insecure-deserialization
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }
}
