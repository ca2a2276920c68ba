package com.example.users;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UserService {
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    String hashPassword(String password) throws NoSuchAlgorithmException {
        // ruleid: sast/java-weak-password-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, digest).toString(16);
    }

    boolean checkLogin(String user, String pwd, String stored) {
        // ruleid: sast/java-weak-password-hash
        return DigestUtils.sha1Hex(user + pwd).equals(stored);
    }

    void register(String email, String rawPassword) throws NoSuchAlgorithmException {
        // ruleid: sast/java-weak-password-hash
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        save(email, sha.digest(rawPassword.getBytes(StandardCharsets.UTF_8)));
    }

    String encode(String password) {
        // ok: sast/java-weak-password-hash
        return encoder.encode(password);
    }

    byte[] passwordSha256(String password) throws NoSuchAlgorithmException {
        // ok: sast/java-weak-password-hash
        return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    }

    String etag(byte[] body) throws NoSuchAlgorithmException {
        // ok: sast/java-weak-password-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return new BigInteger(1, md.digest(body)).toString(16);
    }

    String checksum(InputStream in) throws java.io.IOException {
        // ok: sast/java-weak-password-hash
        return DigestUtils.md5Hex(in);
    }

    private void save(String email, byte[] hash) {}
}
