package views

import (
	"bytes"
	"net/http"
	"os"
	"text/template"

	"github.com/gin-gonic/gin"
)

var profile = template.Must(template.ParseFiles("templates/profile.html"))
var pages = template.Must(template.ParseGlob("templates/*.html"))
var mail = template.Must(template.New("mail").Parse("Hello {{.Name}},\nyour order shipped.\n"))

type Handler struct{}

func Profile(w http.ResponseWriter, r *http.Request) {
	data := map[string]string{"Name": r.URL.Query().Get("name")}
	// ruleid: sast/go-text-template-html
	if err := profile.Execute(w, data); err != nil {
		http.Error(w, err.Error(), 500)
	}
}

func (h *Handler) Comments(rw http.ResponseWriter, req *http.Request) {
	// ruleid: sast/go-text-template-html
	pages.ExecuteTemplate(rw, "comments.html", req.Form)
}

func Register(mux *http.ServeMux) {
	mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		// ruleid: sast/go-text-template-html
		pages.ExecuteTemplate(w, "search.html", r.URL.Query())
	})
}

func Dashboard(c *gin.Context) {
	// ruleid: sast/go-text-template-html
	pages.ExecuteTemplate(c.Writer, "dashboard.html", gin.H{"user": c.Query("user")})
}

func SendMail(name string) (string, error) {
	var buf bytes.Buffer
	// ok: sast/go-text-template-html
	err := mail.Execute(&buf, map[string]string{"Name": name})
	return buf.String(), err
}

func WriteConfig(path string, values map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// ok: sast/go-text-template-html
	return mail.Execute(f, values)
}

func Generate() {
	// ok: sast/go-text-template-html
	pages.ExecuteTemplate(os.Stdout, "readme.md", nil)
}
