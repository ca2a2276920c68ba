package users

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"

	"golang.org/x/crypto/bcrypt"
)

type User struct {
	Email        string
	Password     string
	PasswordHash string
}

func (u *User) SetPassword(pw string) {
	// ruleid: sast/go-weak-password-hash
	sum := md5.Sum([]byte(pw))
	u.PasswordHash = hex.EncodeToString(sum[:])
}

func checkLogin(u *User, password string) bool {
	// ruleid: sast/go-weak-password-hash
	sum := sha1.Sum([]byte(u.Email + password))
	return hex.EncodeToString(sum[:]) == u.PasswordHash
}

func hashPassword(secret string) string {
	// ruleid: sast/go-weak-password-hash
	h := sha1.New()
	io.WriteString(h, secret)
	return hex.EncodeToString(h.Sum(nil))
}

func fileChecksum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	// ok: sast/go-weak-password-hash
	h := md5.New()
	io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), nil
}

func etag(body []byte) string {
	// ok: sast/go-weak-password-hash
	return hex.EncodeToString(sha1.New().Sum(body))
}

func gravatar(email string) string {
	// ok: sast/go-weak-password-hash
	sum := md5.Sum([]byte(email))
	return "https://www.gravatar.com/avatar/" + hex.EncodeToString(sum[:])
}

func (u *User) SetPasswordSafe(pw string) error {
	// ok: sast/go-weak-password-hash
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	u.PasswordHash = string(hash)
	return err
}

func hashPasswordSHA256(password string) [32]byte {
	// ok: sast/go-weak-password-hash
	return sha256.Sum256([]byte(password))
}
