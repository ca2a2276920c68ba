package com.example.orders;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class OrderController extends HttpServlet {
    private Connection conn;

    /** Lists a customer's orders. */
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        try (Statement stmt = conn.createStatement()) {
            ResultSet rs = stmt.executeQuery("SELECT id, total FROM orders WHERE customer = '" + customer + "'");
            while (rs.next()) response.getWriter().println(rs.getString("id"));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Imports an order sent by the legacy desktop client as a serialized Java object. */
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            Object order = in.readObject();
            response.getWriter().println("imported " + order);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
