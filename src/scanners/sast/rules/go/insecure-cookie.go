package session

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type Config struct{ SecureCookies bool }

func Login(w http.ResponseWriter, r *http.Request, token string) {
	// ruleid: sast/go-insecure-cookie
	http.SetCookie(w, &http.Cookie{
		Name:    "session",
		Value:   token,
		Path:    "/",
		Expires: time.Now().Add(24 * time.Hour),
	})
}

func Remember(w http.ResponseWriter, id string) {
	// ruleid: sast/go-insecure-cookie
	c := http.Cookie{Name: "remember_me", Value: id, HttpOnly: true, Secure: false}
	http.SetCookie(w, &c)
}

func GinLogin(c *gin.Context, token string) {
	// ruleid: sast/go-insecure-cookie
	c.SetCookie("session", token, 3600, "/", "example.com", false, true)
	// ruleid: sast/go-insecure-cookie
	c.SetCookie("auth", token, 3600, "/", "example.com", true, false)
}

func LoginSafe(w http.ResponseWriter, token string) {
	// ok: sast/go-insecure-cookie
	http.SetCookie(w, &http.Cookie{
		Name: "session", Value: token, Path: "/",
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

func (cfg *Config) Set(w http.ResponseWriter, token string) {
	// ok: sast/go-insecure-cookie
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Secure: cfg.SecureCookies, HttpOnly: true})
}

func CSRF(w http.ResponseWriter, token string) {
	// ok: sast/go-insecure-cookie
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: token, Path: "/", Secure: true, SameSite: http.SameSiteStrictMode})
}

func Logout(w http.ResponseWriter) {
	// ok: sast/go-insecure-cookie
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/", MaxAge: -1})
}

func GinSafe(c *gin.Context, token string) {
	// ok: sast/go-insecure-cookie
	c.SetCookie("session", token, 3600, "/", "example.com", true, true)
}

func Later(w http.ResponseWriter, token string) {
	// ok: sast/go-insecure-cookie
	c := &http.Cookie{Name: "session", Value: token, Path: "/"}
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)
}

func HalfLater(w http.ResponseWriter, token string) {
	// ruleid: sast/go-insecure-cookie
	c := &http.Cookie{Name: "session", Value: token, Path: "/"}
	c.HttpOnly = true
	http.SetCookie(w, c)
}
