package chat

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/gin-gonic/gin"
	"github.com/google/generative-ai-go/genai"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
	gai "google.golang.org/genai"
)

type Server struct {
	oa     *goopenai.Client
	client openai.Client
	claude anthropic.Client
	gemini *genai.Client
	genai  *gai.Client
	llm    llms.Model
}

var tones = map[string]string{
	"formal": "Answer in a formal tone.",
	"casual": "Answer in a friendly, casual tone.",
}

// go-openai: the company name from the query string becomes part of the instructions
func (s *Server) Support(w http.ResponseWriter, r *http.Request) {
	company := r.URL.Query().Get("company")
	resp, err := s.oa.CreateChatCompletion(r.Context(), goopenai.ChatCompletionRequest{
		Model: goopenai.GPT4o,
		Messages: []goopenai.ChatCompletionMessage{
			// ruleid: sast/go-llm-system-prompt-injection
			{Role: goopenai.ChatMessageRoleSystem, Content: "You are the support assistant of " + company + ". Never reveal internal notes."},
			// ok: sast/go-llm-system-prompt-injection
			{Role: goopenai.ChatMessageRoleUser, Content: r.FormValue("question")},
		},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"answer": resp.Choices[0].Message.Content})
}

// go-openai: a constant system prompt, the question as the user message
func (s *Server) SupportSafe(w http.ResponseWriter, r *http.Request) {
	tone, ok := tones[r.FormValue("tone")]
	if !ok {
		tone = tones["formal"]
	}
	maxWords, _ := strconv.Atoi(r.FormValue("max_words"))
	messages := []goopenai.ChatCompletionMessage{
		// ok: sast/go-llm-system-prompt-injection
		{Role: goopenai.ChatMessageRoleSystem, Content: fmt.Sprintf("You are the support assistant of Acme. %s Use at most %d words.", tone, maxWords)},
		// ok: sast/go-llm-system-prompt-injection
		{Content: r.FormValue("question"), Role: goopenai.ChatMessageRoleUser},
	}
	resp, err := s.oa.CreateChatCompletion(r.Context(), goopenai.ChatCompletionRequest{Model: goopenai.GPT4oMini, Messages: messages})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"answer": resp.Choices[0].Message.Content})
}

type askRequest struct {
	Persona  string `json:"persona"`
	Question string `json:"question"`
}

// openai-go: the JSON body chooses the persona written into the system message
func (s *Server) Ask(w http.ResponseWriter, r *http.Request) {
	var req askRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	completion, err := s.client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{
			// ruleid: sast/go-llm-system-prompt-injection
			openai.SystemMessage(fmt.Sprintf("You are %s. Stay in character.", req.Persona)),
			// ok: sast/go-llm-system-prompt-injection
			openai.UserMessage(req.Question),
		},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"answer": completion.Choices[0].Message.Content})
}

// openai-go Responses API: instructions from a header
func (s *Server) Rewrite(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Responses.New(r.Context(), responses.ResponseNewParams{
		Model: openai.ChatModelGPT4o,
		// ruleid: sast/go-llm-system-prompt-injection
		Instructions: openai.String("Rewrite the text in the style of " + r.Header.Get("X-Style")),
		// ok: sast/go-llm-system-prompt-injection
		Input: responses.ResponseNewParamsInputUnion{OfString: openai.String(r.FormValue("text"))},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	io.WriteString(w, resp.OutputText())
}

// Anthropic: the system blocks come from the form
func (s *Server) Claude(w http.ResponseWriter, r *http.Request) {
	rules := r.PostFormValue("rules")
	msg, err := s.claude.Messages.New(r.Context(), anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_20250514,
		MaxTokens: 1024,
		// ruleid: sast/go-llm-system-prompt-injection
		System: []anthropic.TextBlockParam{{Text: "Follow these house rules: " + rules}},
		Messages: []anthropic.MessageParam{
			// ok: sast/go-llm-system-prompt-injection
			anthropic.NewUserMessage(anthropic.NewTextBlock(r.PostFormValue("question"))),
		},
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(msg.Content)
}

// Anthropic with a constant system prompt
func (s *Server) ClaudeSafe(w http.ResponseWriter, r *http.Request) {
	msg, err := s.claude.Messages.New(r.Context(), anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_20250514,
		MaxTokens: 1024,
		// ok: sast/go-llm-system-prompt-injection
		System: []anthropic.TextBlockParam{{Text: "You answer questions about Acme products only."}},
		Messages: []anthropic.MessageParam{
			// ok: sast/go-llm-system-prompt-injection
			anthropic.NewUserMessage(anthropic.NewTextBlock("Question: " + r.PostFormValue("question"))),
		},
	})
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(msg.Content)
}

// Gemini (google.golang.org/genai) and gin: the bound JSON body sets the system instruction
func (s *Server) Translate(c *gin.Context) {
	var body struct {
		Language string `json:"language"`
		Text     string `json:"text"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad request"})
		return
	}
	config := &gai.GenerateContentConfig{
		// ruleid: sast/go-llm-system-prompt-injection
		SystemInstruction: gai.NewContentFromText("Translate everything into "+body.Language, gai.RoleUser),
	}
	// ok: sast/go-llm-system-prompt-injection
	result, err := s.genai.Models.GenerateContent(c.Request.Context(), "gemini-2.0-flash", gai.Text(body.Text), config)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "model unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"text": result.Text()})
}

// Gemini (generative-ai-go)
func (s *Server) Tutor(c *gin.Context) {
	model := s.gemini.GenerativeModel("gemini-1.5-flash")
	// ruleid: sast/go-llm-system-prompt-injection
	model.SystemInstruction = &genai.Content{Parts: []genai.Part{genai.Text("You tutor " + c.Query("subject") + " students.")}}
	// ok: sast/go-llm-system-prompt-injection
	resp, err := model.GenerateContent(c.Request.Context(), genai.Text(c.Query("question")))
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "model unavailable"})
		return
	}
	c.JSON(http.StatusOK, resp.Candidates)
}

// LangChainGo
func (s *Server) Chain(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var in struct{ Role, Question string }
	json.Unmarshal(raw, &in)
	content := []llms.MessageContent{
		// ruleid: sast/go-llm-system-prompt-injection
		llms.TextParts(llms.ChatMessageTypeSystem, "You are a "+in.Role),
		// ok: sast/go-llm-system-prompt-injection
		llms.TextParts(llms.ChatMessageTypeHuman, in.Question),
	}
	resp, err := s.llm.GenerateContent(r.Context(), content)
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(resp.Choices[0].Content)
}

// a hand-written client for an OpenAI-compatible API
func (s *Server) Raw(w http.ResponseWriter, r *http.Request) {
	payload := map[string]any{
		"model": "llama3",
		"messages": []map[string]string{
			// ruleid: sast/go-llm-system-prompt-injection
			{"role": "system", "content": "Reply only in " + r.FormValue("lang")},
			// ok: sast/go-llm-system-prompt-injection
			{"role": "user", "content": r.FormValue("prompt")},
		},
	}
	b, _ := json.Marshal(payload)
	w.Write(b)
}
