package web

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var destinations = map[string]string{
	"docs":    "https://docs.example.com",
	"billing": "/account/billing",
}

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: sast/go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func Logout(c *gin.Context) {
	// ruleid: sast/go-open-redirect
	c.Redirect(http.StatusFound, c.Query("return_to"))
}

func Out(c echo.Context) error {
	target := c.QueryParam("url")
	// ruleid: sast/go-open-redirect
	return c.Redirect(http.StatusTemporaryRedirect, target)
}

func Back(w http.ResponseWriter, r *http.Request) {
	ref := r.Header.Get("Referer")
	// ruleid: sast/go-open-redirect
	http.Redirect(w, r, ref+"#done", http.StatusSeeOther)
}

func Profile(w http.ResponseWriter, r *http.Request) {
	tab := r.URL.Query().Get("tab")
	// ok: sast/go-open-redirect
	http.Redirect(w, r, "/profile?tab="+url.QueryEscape(tab), http.StatusFound)
}

func Item(c *gin.Context) {
	// ok: sast/go-open-redirect
	c.Redirect(http.StatusMovedPermanently, fmt.Sprintf("/items/%s", c.Param("id")))
}

func Home(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-open-redirect
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}

func Search(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-open-redirect
	http.Redirect(w, r, "https://search.example.com/?q="+url.QueryEscape(r.FormValue("q")), http.StatusFound)
}

func Go(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("to")
	dest, ok := destinations[key]
	if !ok {
		dest = "/"
	}
	// ok: sast/go-open-redirect
	http.Redirect(w, r, dest, http.StatusFound)
}
