package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

type Server struct {
	db     *sql.DB
	client *http.Client
	cache  interface {
		Get(ctx context.Context, key string) (string, error)
	}
}

func (s *Server) User(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	query := fmt.Sprintf("SELECT id, email FROM users WHERE id = '%s'", id)
	// ruleid: sast/go-sql-injection
	rows, err := s.db.Query(query)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer rows.Close()
}

func (s *Server) Search(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("SELECT id FROM products WHERE name LIKE '%")
	b.WriteString(r.FormValue("q"))
	b.WriteString("%'")
	// ruleid: sast/go-sql-injection
	rows, _ := s.db.QueryContext(r.Context(), b.String())
	defer rows.Close()
}

func (s *Server) deleteOrder(ref string) error {
	// ruleid: sast/go-sql-injection
	_, err := s.db.Exec("DELETE FROM orders WHERE ref = '" + ref + "'")
	return err
}

func (s *Server) Cancel(w http.ResponseWriter, r *http.Request) {
	if err := s.deleteOrder(r.PostFormValue("ref")); err != nil {
		http.Error(w, err.Error(), 500)
	}
}

func (s *Server) UserSafe(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-sql-injection
	row := s.db.QueryRow("SELECT id, email FROM users WHERE id = $1", r.URL.Query().Get("id"))
	var id, email string
	row.Scan(&id, &email)
	json.NewEncoder(w).Encode(map[string]string{"id": id, "email": email})
}

func (s *Server) Page(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		limit = 20
	}
	// ok: sast/go-sql-injection
	rows, _ := s.db.Query(fmt.Sprintf("SELECT * FROM posts LIMIT %d", limit))
	defer rows.Close()
}

func (s *Server) Sorted(w http.ResponseWriter, r *http.Request) {
	column := "created_at"
	if r.URL.Query().Get("sort") == "title" {
		column = "title"
	}
	// ok: sast/go-sql-injection
	rows, _ := s.db.Query("SELECT * FROM posts ORDER BY " + column)
	defer rows.Close()
}

func (s *Server) Count(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-sql-injection
	row := s.db.QueryRowContext(r.Context(), "SELECT count(*) FROM posts WHERE author = ?", r.FormValue("author"))
	var n int
	row.Scan(&n)
}

func (s *Server) Avatar(w http.ResponseWriter, r *http.Request) {
	// ok: sast/go-sql-injection
	resp, err := s.client.Get("https://avatars.example.com/" + r.URL.Query().Get("user"))
	if err == nil {
		resp.Body.Close()
	}
	// ok: sast/go-sql-injection
	v, _ := s.cache.Get(r.Context(), "profile:"+r.FormValue("id"))
	w.Write([]byte(v))
}

func (s *Server) DeleteComment(w http.ResponseWriter, r *http.Request) {
	stmt, err := s.db.PrepareContext(r.Context(), "DELETE FROM comments WHERE id = $1 AND author = $2")
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer stmt.Close()
	// ok: sast/go-sql-injection
	if _, err := stmt.ExecContext(r.Context(), r.FormValue("id"), r.FormValue("author")); err != nil {
		http.Error(w, err.Error(), 500)
	}
}

func (s *Server) Lookup(w http.ResponseWriter, r *http.Request) {
	lookup, err := s.db.Prepare("SELECT email FROM users WHERE name = ?")
	if err != nil {
		return
	}
	defer lookup.Close()
	var email string
	// ok: sast/go-sql-injection
	lookup.QueryRow(r.URL.Query().Get("name")).Scan(&email)
	// ok: sast/go-sql-injection
	rows, _ := lookup.Query(r.URL.Query().Get("name"))
	defer rows.Close()
}

type Queries struct {
	db          *sql.DB
	getUserStmt *sql.Stmt
	tagStmt     *sql.Stmt
}

func (q *Queries) GetUser(w http.ResponseWriter, r *http.Request) {
	var email string
	// ok: sast/go-sql-injection
	q.getUserStmt.QueryRowContext(r.Context(), r.PathValue("id")).Scan(&email)
	tx, _ := q.db.BeginTx(r.Context(), nil)
	// ok: sast/go-sql-injection
	tx.StmtContext(r.Context(), q.tagStmt).ExecContext(r.Context(), r.FormValue("tag"))
	// ruleid: sast/go-sql-injection
	tx.ExecContext(r.Context(), "DELETE FROM tags WHERE name = '"+r.FormValue("tag")+"'")
	tx.Commit()
}

func insertAll(st *sql.Stmt, names []string) {
	for _, n := range names {
		// ok: sast/go-sql-injection
		st.Exec(n)
	}
}

func (s *Server) Import(w http.ResponseWriter, r *http.Request) {
	insertAll(nil, r.Form["name"])
	var ins *sql.Stmt
	ins, _ = s.db.Prepare("INSERT INTO names (name) VALUES (?)")
	// ok: sast/go-sql-injection
	ins.Exec(r.FormValue("name"))
}

func (s *Server) Archive(w http.ResponseWriter, r *http.Request) {
	// ruleid: sast/go-sql-injection
	stmt, err := s.db.Prepare("UPDATE posts SET archived = true WHERE slug = '" + r.FormValue("slug") + "'")
	if err != nil {
		return
	}
	defer stmt.Close()
	// ok: sast/go-sql-injection
	stmt.Exec()
}
