package assistant

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/gin-gonic/gin"
	"github.com/google/generative-ai-go/genai"
	"github.com/microcosm-cc/bluemonday"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/chains"
	"github.com/tmc/langchaingo/llms"
	gai "google.golang.org/genai"
)

type Server struct {
	db       *sql.DB
	oa       *goopenai.Client
	client   openai.Client
	claude   anthropic.Client
	gemini   *genai.GenerativeModel
	genai    *gai.Client
	llm      llms.Model
	sqlChain chains.Chain
	notesDir string
	policy   *bluemonday.Policy
}

// go-openai: the model suggests a shell command
func (s *Server) RunTask(w http.ResponseWriter, r *http.Request) {
	resp, err := s.oa.CreateChatCompletion(r.Context(), goopenai.ChatCompletionRequest{
		Model: goopenai.GPT4o,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: "Reply with one shell command that answers the question."},
			{Role: goopenai.ChatMessageRoleUser, Content: r.FormValue("q")},
		},
	})
	if err != nil {
		// ok: sast/go-llm-output-injection
		fmt.Fprintf(w, "model error: %v", err)
		return
	}
	command := resp.Choices[0].Message.Content
	// ruleid: sast/go-llm-output-injection
	out, _ := exec.CommandContext(r.Context(), "sh", "-c", command).CombinedOutput()
	json.NewEncoder(w).Encode(map[string]string{"output": string(out)})
}

// the model's answer picks one of a fixed set of commands
func (s *Server) RunAction(w http.ResponseWriter, r *http.Request) {
	resp, err := s.oa.CreateChatCompletion(r.Context(), goopenai.ChatCompletionRequest{
		Model: goopenai.GPT4oMini,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: "Answer with disk, uptime or nothing."},
			{Role: goopenai.ChatMessageRoleUser, Content: r.FormValue("q")},
		},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	var cmd *exec.Cmd
	switch strings.TrimSpace(resp.Choices[0].Message.Content) {
	case "disk":
		// ok: sast/go-llm-output-injection
		cmd = exec.Command("df", "-h")
	case "uptime":
		cmd = exec.Command("uptime")
	default:
		http.Error(w, "no such action", http.StatusBadRequest)
		return
	}
	out, _ := cmd.Output()
	w.Write(out)
	// ok: sast/go-llm-output-injection
	fmt.Fprintf(w, "\n(%d tokens)", resp.Usage.TotalTokens)
}

// an agent that runs whatever program the model names
func (s *Server) Agent(ctx context.Context, goal string) ([]byte, error) {
	plan, err := llms.GenerateFromSinglePrompt(ctx, s.llm, "Give one command line to "+goal)
	if err != nil {
		return nil, err
	}
	fields := strings.Fields(plan)
	// ruleid: sast/go-llm-output-injection
	return exec.CommandContext(ctx, fields[0], fields[1:]...).Output()
}

// structured output parsed from JSON is still the model's text
func (s *Server) Plan(ctx context.Context, goal string) error {
	completion, err := s.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(`Reply as JSON: {"command": "..."}`),
			openai.UserMessage(goal),
		},
	})
	if err != nil {
		return err
	}
	var step struct {
		Command string `json:"command"`
	}
	if err := json.Unmarshal([]byte(completion.Choices[0].Message.Content), &step); err != nil {
		return err
	}
	// ruleid: sast/go-llm-output-injection
	return exec.Command("bash", "-c", step.Command).Run()
}

// text-to-SQL: the generated statement is run as written
func (s *Server) Ask(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	completion, err := s.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("Translate the question into one PostgreSQL SELECT statement."),
			openai.UserMessage(r.FormValue("question")),
		},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	query := strings.TrimSpace(completion.Choices[0].Message.Content)
	// ruleid: sast/go-llm-output-injection
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		http.Error(w, "query failed", http.StatusBadRequest)
		return
	}
	defer rows.Close()
}

// the model only picks a value; the SQL text stays constant
func (s *Server) Recommend(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	completion, err := s.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4oMini,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("Name the product category that fits the request."),
			openai.UserMessage(r.FormValue("need")),
		},
	})
	if err != nil {
		return
	}
	category := completion.Choices[0].Message.Content
	// ok: sast/go-llm-output-injection
	rows, _ := s.db.QueryContext(ctx, "SELECT id, name FROM products WHERE category = $1", category)
	defer rows.Close()
	stmt, _ := s.db.PrepareContext(ctx, "INSERT INTO suggestions (category) VALUES ($1)")
	// ok: sast/go-llm-output-injection
	stmt.ExecContext(ctx, category)
	// ruleid: sast/go-llm-output-injection
	s.db.Exec("INSERT INTO audit (note) VALUES ('" + category + "')")
}

// Anthropic: the model names the file
func (s *Server) SaveNote(ctx context.Context, text string) error {
	msg, err := s.claude.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_20250514,
		MaxTokens: 64,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Suggest a file name for: " + text))},
	})
	if err != nil {
		return err
	}
	name := strings.TrimSpace(msg.Content[0].Text)
	// ruleid: sast/go-llm-output-injection
	if err := os.WriteFile(filepath.Join(s.notesDir, name), []byte(text), 0o600); err != nil {
		return err
	}
	// ok: sast/go-llm-output-injection
	return os.WriteFile(filepath.Join(s.notesDir, filepath.Base(name)+".bak"), []byte(text), 0o600)
}

// Gemini (generative-ai-go): the answer is written into an HTML page
func (s *Server) Explain(w http.ResponseWriter, r *http.Request) {
	resp, err := s.gemini.GenerateContent(r.Context(), genai.Text("Explain: "+r.FormValue("topic")))
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	answer := fmt.Sprint(resp.Candidates[0].Content.Parts[0])
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// ruleid: sast/go-llm-output-injection
	fmt.Fprintf(w, "<article>%s</article>", answer)
	// ok: sast/go-llm-output-injection
	fmt.Fprintf(w, "<article>%s</article>", html.EscapeString(answer))
	// ok: sast/go-llm-output-injection
	fmt.Fprintf(w, "<aside>%s</aside>", s.policy.Sanitize(answer))
	// ok: sast/go-llm-output-injection
	fmt.Fprintf(w, "<footer>%d characters</footer>", len(answer))
	body, _ := json.Marshal(map[string]string{"answer": answer})
	// ok: sast/go-llm-output-injection
	w.Write(body)
	// ruleid: sast/go-llm-output-injection
	w.Write([]byte(answer))
}

// Gemini (google.golang.org/genai): model Markdown rendered as trusted HTML
func (s *Server) Summary(w http.ResponseWriter, r *http.Request) {
	result, err := s.genai.Models.GenerateContent(r.Context(), "gemini-2.0-flash", gai.Text("Summarise: "+r.FormValue("doc")), nil)
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	page := template.Must(template.New("s").Parse(`<main>{{.}}</main>`))
	// ruleid: sast/go-llm-output-injection
	page.Execute(w, template.HTML(result.Text()))
	// ok: sast/go-llm-output-injection
	page.Execute(w, result.Text())
}

// OpenAI Responses API
func (s *Server) Describe(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Responses.New(r.Context(), responses.ResponseNewParams{
		Model: openai.ChatModelGPT4o,
		Input: responses.ResponseNewParamsInputUnion{OfString: openai.String("Describe " + r.FormValue("item"))},
	})
	if err != nil {
		return
	}
	// ruleid: sast/go-llm-output-injection
	io.WriteString(w, "<p>"+resp.OutputText()+"</p>")
}

// streaming tokens as server-sent events: not an HTML page
func (s *Server) Stream(w http.ResponseWriter, r *http.Request) {
	stream, err := s.oa.CreateChatCompletionStream(r.Context(), goopenai.ChatCompletionRequest{
		Model:    goopenai.GPT4o,
		Messages: []goopenai.ChatCompletionMessage{{Role: goopenai.ChatMessageRoleUser, Content: r.FormValue("q")}},
		Stream:   true,
	})
	if err != nil {
		return
	}
	defer stream.Close()
	w.Header().Set("Content-Type", "text/event-stream")
	for {
		chunk, err := stream.Recv()
		if err != nil {
			return
		}
		// ok: sast/go-llm-output-injection
		fmt.Fprintf(w, "data: %s\n\n", chunk.Choices[0].Delta.Content)
		w.(http.Flusher).Flush()
	}
}

// LangChainGo chain and gin
func (s *Server) Report(c *gin.Context) {
	out, err := chains.Run(c.Request.Context(), s.sqlChain, c.Query("question"))
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "chain failed"})
		return
	}
	// ruleid: sast/go-llm-output-injection
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<pre>"+out+"</pre>"))
	// ok: sast/go-llm-output-injection
	c.String(http.StatusOK, out)
	// ok: sast/go-llm-output-injection
	c.JSON(http.StatusOK, gin.H{"answer": out})
}

// a prompt that only looks like model output: nothing was generated
func (s *Server) Preview(w http.ResponseWriter, r *http.Request) {
	prompt := "Summarise the release notes"
	// ok: sast/go-llm-output-injection
	out, _ := exec.Command("git", "log", "--oneline", "-n", "20").Output()
	// ok: sast/go-llm-output-injection
	fmt.Fprintf(w, "<h1>%s</h1><pre>%s</pre>", prompt, html.EscapeString(string(out)))
}
