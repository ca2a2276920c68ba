package files

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
)

const uploadDir = "/var/app/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: sast/go-path-traversal
	data, err := os.ReadFile(filepath.Join(uploadDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func Avatar(w http.ResponseWriter, r *http.Request) {
	// ruleid: sast/go-path-traversal
	http.ServeFile(w, r, "/srv/avatars/"+r.FormValue("user")+".png")
}

func Upload(w http.ResponseWriter, r *http.Request) {
	dest := uploadDir + "/" + r.Header.Get("X-Filename")
	// ruleid: sast/go-path-traversal
	f, err := os.Create(dest)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer f.Close()
}

func Report(c *gin.Context) {
	report := c.Param("name")
	// ruleid: sast/go-path-traversal
	c.File("reports/" + report)
}

func DownloadBase(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: sast/go-path-traversal
	data, err := os.ReadFile(filepath.Join(uploadDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func DownloadChecked(w http.ResponseWriter, r *http.Request) {
	full := filepath.Join(uploadDir, r.URL.Query().Get("file"))
	if !strings.HasPrefix(full, uploadDir+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: sast/go-path-traversal
	http.ServeFile(w, r, full)
}

func DownloadRooted(w http.ResponseWriter, r *http.Request) {
	clean := filepath.Clean("/" + r.URL.Query().Get("file"))
	// ok: sast/go-path-traversal
	f, err := os.Open(filepath.Join(uploadDir, clean))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
}

func Static(w http.ResponseWriter, r *http.Request) {
	theme := os.Getenv("THEME")
	// ok: sast/go-path-traversal
	http.ServeFile(w, r, filepath.Join("static", theme, "index.html"))
}

func Logs(c *gin.Context) {
	if c.Query("day") == "today" {
		// ok: sast/go-path-traversal
		c.File("/var/log/app/today.log")
		return
	}
	// ok: sast/go-path-traversal
	data, _ := os.ReadFile("/var/log/app/app.log")
	c.Data(200, "text/plain", data)
}
