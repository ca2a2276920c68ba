package com.example.repo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.hibernate.SessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {
    private final JdbcTemplate jdbcTemplate;
    @PersistenceContext
    private EntityManager em;
    private SessionFactory sessionFactory;

    ReportController(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @GetMapping("/orders")
    List<Map<String, Object>> orders(@RequestParam String status) {
        // ruleid: sast/java-orm-sql-injection
        return jdbcTemplate.queryForList("SELECT * FROM orders WHERE status = '" + status + "'");
    }

    @GetMapping("/users/{name}")
    List<?> users(@PathVariable("name") String name) {
        String jpql = "SELECT u FROM User u WHERE u.name = '" + name + "'";
        // ruleid: sast/java-orm-sql-injection
        return em.createQuery(jpql).getResultList();
    }

    @GetMapping("/audit")
    List<?> audit(HttpServletRequest request) {
        String sql = String.format("SELECT * FROM audit WHERE actor = '%s'", request.getParameter("actor"));
        // ruleid: sast/java-orm-sql-injection
        return em.createNativeQuery(sql).getResultList();
    }

    @GetMapping("/purge")
    void purge(@RequestParam String table) {
        // ruleid: sast/java-orm-sql-injection
        jdbcTemplate.execute("TRUNCATE TABLE " + table);
    }

    @GetMapping("/hql")
    List<?> hql(@RequestParam String sku) {
        // ruleid: sast/java-orm-sql-injection
        return sessionFactory.getCurrentSession().createQuery("from Product where sku = '" + sku + "'").list();
    }

    @GetMapping("/orders/safe")
    List<Map<String, Object>> ordersSafe(@RequestParam String status) {
        // ok: sast/java-orm-sql-injection
        return jdbcTemplate.queryForList("SELECT * FROM orders WHERE status = ?", status);
    }

    @GetMapping("/users/safe/{name}")
    List<?> usersSafe(@PathVariable("name") String name) {
        // ok: sast/java-orm-sql-injection
        return em.createQuery("SELECT u FROM User u WHERE u.name = :name").setParameter("name", name).getResultList();
    }

    @GetMapping("/page")
    List<Map<String, Object>> page(@RequestParam String size) {
        int limit = Integer.parseInt(size);
        // ok: sast/java-orm-sql-injection
        return jdbcTemplate.queryForList("SELECT * FROM orders LIMIT " + limit);
    }

    @GetMapping("/sorted")
    List<?> sorted(@RequestParam String sort) {
        String column = "date".equals(sort) ? "createdAt" : "id";
        // ok: sast/java-orm-sql-injection
        return em.createQuery("SELECT o FROM Order o ORDER BY o." + column).getResultList();
    }

    int count() {
        // ok: sast/java-orm-sql-injection
        return jdbcTemplate.queryForObject("SELECT count(*) FROM orders", Integer.class);
    }
}
