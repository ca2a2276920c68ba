package com.example.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

class TokenCipher {
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private SecretKey key;

    byte[] legacy(byte[] data) throws GeneralSecurityException {
        // ruleid: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("DES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    byte[] bareAes(byte[] data) throws GeneralSecurityException {
        // ruleid: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    byte[] ecb(byte[] data) throws GeneralSecurityException {
        // ruleid: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding", "BC");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    byte[] tripleDes(byte[] data) throws GeneralSecurityException {
        // ruleid: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("DESede");
        // ruleid: sast/java-weak-cipher
        Cipher rc4 = Cipher.getInstance("RC4");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return rc4.update(cipher.doFinal(data));
    }

    byte[] gcm(byte[] data) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        // ok: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }

    byte[] rsa(byte[] data, java.security.PublicKey pub) throws GeneralSecurityException {
        // ok: sast/java-weak-cipher
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, pub);
        return cipher.doFinal(data);
    }

    Cipher configured() throws GeneralSecurityException {
        // ok: sast/java-weak-cipher
        return Cipher.getInstance(ALGORITHM);
    }

    Cipher chacha() throws GeneralSecurityException {
        // ok: sast/java-weak-cipher
        return Cipher.getInstance("ChaCha20-Poly1305");
    }

    Cipher aesPrefixed() throws GeneralSecurityException {
        // ok: sast/java-weak-cipher
        return Cipher.getInstance("AESWrap");
    }
}
