package com.example.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.lang3.RandomStringUtils;

class TokenService {
    private static final Random RNG = new Random();
    private static final SecureRandom SECURE = new SecureRandom();
    private final Random jitter = new Random(42);

    String generateResetToken() {
        byte[] bytes = new byte[24];
        // ruleid: sast/java-insecure-random
        RNG.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    String newOtp() {
        // ruleid: sast/java-insecure-random
        return String.format("%06d", new Random().nextInt(1000000));
    }

    void register(User user) {
        // ruleid: sast/java-insecure-random
        String tempPassword = RandomStringUtils.randomAlphanumeric(12);
        user.setPassword(tempPassword);
        // ruleid: sast/java-insecure-random
        long sessionId = ThreadLocalRandom.current().nextLong();
        user.setSession(sessionId);
    }

    String createApiKey() {
        // ruleid: sast/java-insecure-random
        return Long.toHexString(Double.doubleToLongBits(Math.random()));
    }

    String generateSessionToken() {
        byte[] bytes = new byte[32];
        // ok: sast/java-insecure-random
        SECURE.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    long backoffMillis(int attempt) {
        // ok: sast/java-insecure-random
        return (1L << attempt) * 100 + jitter.nextInt(100);
    }

    String pickServer(List<String> servers) {
        // ok: sast/java-insecure-random
        return servers.get(ThreadLocalRandom.current().nextInt(servers.size()));
    }

    boolean sample() {
        // ok: sast/java-insecure-random
        return Math.random() < 0.01;
    }

    String newSalt() {
        byte[] salt = new byte[16];
        // ok: sast/java-insecure-random
        new SecureRandom().nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    interface User {
        void setPassword(String p);
        void setSession(long id);
    }
}
