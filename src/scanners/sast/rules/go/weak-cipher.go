package crypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/rc4"

	"golang.org/x/crypto/chacha20poly1305"
)

func legacyEncrypt(key, data []byte) ([]byte, error) {
	// ruleid: sast/go-weak-cipher
	block, err := des.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	block.Encrypt(out, data)
	return out, nil
}

func tripleDES(key []byte) (cipher.Block, error) {
	// ruleid: sast/go-weak-cipher
	return des.NewTripleDESCipher(key)
}

func obfuscate(key, data []byte) []byte {
	// ruleid: sast/go-weak-cipher
	c, _ := rc4.NewCipher(key)
	c.XORKeyStream(data, data)
	return data
}

func seal(key, plaintext []byte) ([]byte, error) {
	// ok: sast/go-weak-cipher
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	// ok: sast/go-weak-cipher
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	rand.Read(nonce)
	return gcm.Seal(nonce, nonce, plaintext, nil), nil
}

func sealChaCha(key, plaintext, nonce []byte) ([]byte, error) {
	// ok: sast/go-weak-cipher
	aead, err := chacha20poly1305.New(key)
	if err != nil {
		return nil, err
	}
	return aead.Seal(nil, nonce, plaintext, nil), nil
}
