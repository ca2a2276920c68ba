package com.example.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

public class UserServlet extends HttpServlet {
    private Connection conn;

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        try (Statement stmt = conn.createStatement()) {
            // ruleid: sast/java-jdbc-sql-injection
            ResultSet rs = stmt.executeQuery("SELECT id, email FROM users WHERE name = '" + name + "'");
            response.getWriter().println(rs.next());
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder sql = new StringBuilder("UPDATE accounts SET plan = '");
        sql.append(request.getParameter("plan")).append("' WHERE id = 1");
        try (Statement stmt = conn.createStatement()) {
            // ruleid: sast/java-jdbc-sql-injection
            stmt.executeUpdate(sql.toString());
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = String.format("DELETE FROM sessions WHERE token = '%s'", request.getHeader("X-Token"));
        try {
            // ruleid: sast/java-jdbc-sql-injection
            PreparedStatement ps = conn.prepareStatement(query);
            ps.execute();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM users WHERE name = ?")) {
            ps.setString(1, request.getParameter("name"));
            // ok: sast/java-jdbc-sql-injection
            ResultSet rs = ps.executeQuery();
            response.getWriter().println(rs.next());
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int limit = Integer.parseInt(request.getParameter("limit"));
        try (Statement stmt = conn.createStatement()) {
            // ok: sast/java-jdbc-sql-injection
            stmt.executeQuery("SELECT * FROM posts LIMIT " + limit);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String column = "title".equals(request.getParameter("sort")) ? "title" : "created_at";
        try (Statement stmt = conn.createStatement()) {
            // ok: sast/java-jdbc-sql-injection
            stmt.executeQuery("SELECT * FROM posts ORDER BY " + column);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}

class OrderRepository {
    private Connection conn;

    int countFor(String customer) throws SQLException {
        try (Statement stmt = conn.createStatement()) {
            // ruleid: sast/java-jdbc-sql-injection
            ResultSet rs = stmt.executeQuery("SELECT count(*) FROM orders WHERE customer = '" + customer + "'");
            rs.next();
            return rs.getInt(1);
        }
    }

    @GetMapping("/orders/{customer}")
    int orders(@PathVariable String customer) throws SQLException {
        return countFor(customer);
    }

    int total() throws SQLException {
        try (Statement stmt = conn.createStatement()) {
            // ok: sast/java-jdbc-sql-injection
            ResultSet rs = stmt.executeQuery("SELECT count(*) FROM orders");
            rs.next();
            return rs.getInt(1);
        }
    }
}

abstract class UploadBase {
    abstract String execute(String file, String name);
}

class Upload extends UploadBase {
    String execute(String file, String name) {
        return file + name;
    }

    @org.springframework.web.bind.annotation.PostMapping("/upload")
    String upload(@org.springframework.web.bind.annotation.RequestParam String name) {
        // ok: sast/java-jdbc-sql-injection
        return super.execute("avatar.png", name);
    }

    String direct(HttpServletRequest request, Connection conn) throws SQLException {
        // ruleid: sast/java-jdbc-sql-injection
        conn.createStatement().executeQuery("SELECT * FROM t WHERE a = '" + request.getParameter("a") + "'");
        return "ok";
    }
}
