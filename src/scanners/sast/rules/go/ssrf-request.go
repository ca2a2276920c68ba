package proxy

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type Service struct {
	client *http.Client
	base   string
}

func Fetch(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: sast/go-ssrf-request
	resp, err := http.Get(target)
	if err != nil {
		http.Error(w, err.Error(), 502)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func (s *Service) Webhook(w http.ResponseWriter, r *http.Request) {
	callback := r.FormValue("callback")
	// ruleid: sast/go-ssrf-request
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, callback, nil)
	resp, err := s.client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

func (s *Service) Preview(c *gin.Context) {
	host := c.Query("host")
	// ruleid: sast/go-ssrf-request
	resp, err := s.client.Get(fmt.Sprintf("http://%s/status", host))
	if err != nil {
		c.String(502, err.Error())
		return
	}
	defer resp.Body.Close()
}

func Image(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 5 * time.Second}
	// ruleid: sast/go-ssrf-request
	resp, _ := client.Get(r.Header.Get("X-Image-Source"))
	defer resp.Body.Close()
}

func (s *Service) User(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ok: sast/go-ssrf-request
	resp, err := http.Get("https://api.partner.example/v1/users/" + url.PathEscape(id))
	if err == nil {
		resp.Body.Close()
	}
}

func (s *Service) Repo(c *gin.Context) {
	// ok: sast/go-ssrf-request
	resp, err := s.client.Get(fmt.Sprintf("https://api.github.com/repos/%s", c.Param("name")))
	if err == nil {
		resp.Body.Close()
	}
}

func (s *Service) Health(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-ssrf-request
	resp, err := s.client.Get(s.base + "/healthz")
	if err == nil {
		resp.Body.Close()
	}
}

func Search(w http.ResponseWriter, r *http.Request) {
	q := url.Values{}
	q.Set("q", r.URL.Query().Get("q"))
	// ok: sast/go-ssrf-request
	req, _ := http.NewRequest("GET", "https://search.internal.example/api?"+q.Encode(), nil)
	http.DefaultClient.Do(req)
}

func Session(c *gin.Context) {
	// ok: sast/go-ssrf-request
	user, _ := c.Get("user")
	c.JSON(200, user)
}

func (s *Service) Avatar(c echo.Context) error {
	// ruleid: sast/go-ssrf-request
	resp, err := s.client.Get(c.QueryParam("avatar_url"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// ok: sast/go-ssrf-request
	meta, err := s.client.Get(s.base + "/avatars/meta")
	if err == nil {
		meta.Body.Close()
	}
	return err
}
