package handlers

import (
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ruleid: sast/go-command-injection
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output()
	w.Write(out)
}

func Convert(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	cmd := fmt.Sprintf("convert %s out.png", name)
	// ruleid: sast/go-command-injection
	if err := exec.CommandContext(r.Context(), "/bin/bash", "-c", cmd).Run(); err != nil {
		http.Error(w, err.Error(), 500)
	}
}

func runScript(script string) ([]byte, error) {
	// ruleid: sast/go-command-injection
	return exec.Command("sh", "-c", script).CombinedOutput()
}

func Deploy(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	parts := []string{"deploy.sh", vars["env"]}
	out, _ := runScript(strings.Join(parts, " "))
	w.Write(out)
}

func Uptime(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-command-injection
	out, _ := exec.Command("sh", "-c", "uptime").Output()
	w.Write(out)
}

func PingSafe(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ok: sast/go-command-injection
	out, _ := exec.Command("ping", "-c", "1", host).Output()
	w.Write(out)
}

func Kill(w http.ResponseWriter, r *http.Request) {
	pid, err := strconv.Atoi(r.FormValue("pid"))
	if err != nil {
		http.Error(w, "bad pid", 400)
		return
	}
	// ok: sast/go-command-injection
	exec.Command("sh", "-c", fmt.Sprintf("kill -9 %d", pid)).Run()
}

func Logs(w http.ResponseWriter, r *http.Request) {
	level := "info"
	if r.URL.Query().Get("verbose") == "1" {
		level = "debug"
	}
	// ok: sast/go-command-injection
	out, _ := exec.Command("sh", "-c", "journalctl -p "+level).Output()
	w.Write(out)
}

func Greet(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-command-injection
	out, _ := exec.Command("sh", "-c", `printf 'hello %s\n' "$1"`, "sh", r.FormValue("name")).Output()
	w.Write(out)
}
