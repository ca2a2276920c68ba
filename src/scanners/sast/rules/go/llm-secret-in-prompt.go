package assistant

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/generative-ai-go/genai"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go"
	"github.com/redis/go-redis/v9"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/spf13/viper"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/prompts"
	gomail "gopkg.in/mail.v2"
)

type Config struct {
	DBPassword      string
	RedisPassword   string
	StripeSecretKey string
	Token           string
	MaxTokens       int
	TokenURL        string
	Keyboard        string
}

type Assistant struct {
	cfg    Config
	oa     *goopenai.Client
	client openai.Client
	claude anthropic.Client
	gemini *genai.GenerativeModel
	llm    llms.Model
	db     *sql.DB
}

func New(cfg Config) *Assistant {
	// ok: sast/go-llm-secret-in-prompt
	oa := goopenai.NewClient(os.Getenv("OPENAI_API_KEY"))
	db, _ := sql.Open("postgres", fmt.Sprintf("host=db user=app password=%s", cfg.DBPassword))
	return &Assistant{cfg: cfg, oa: oa, db: db}
}

func (a *Assistant) DebugDeployment(ctx context.Context, question string) (string, error) {
	resp, err := a.oa.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Model: goopenai.GPT4oMini,
		Messages: []goopenai.ChatCompletionMessage{
			// ruleid: sast/go-llm-secret-in-prompt
			{Role: goopenai.ChatMessageRoleSystem, Content: "You debug deployments. DB password: " + os.Getenv("DB_PASSWORD")},
			// ok: sast/go-llm-secret-in-prompt
			{Role: goopenai.ChatMessageRoleUser, Content: question},
		},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

func (a *Assistant) ExplainConfig(ctx context.Context) (*openai.ChatCompletion, error) {
	summary := fmt.Sprintf("stripe=%s db=%s", a.cfg.StripeSecretKey, a.cfg.DBPassword)
	return a.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4oMini,
		Messages: []openai.ChatCompletionMessageParamUnion{
			// ruleid: sast/go-llm-secret-in-prompt
			openai.SystemMessage("Explain this configuration: " + summary),
			// ok: sast/go-llm-secret-in-prompt
			openai.UserMessage("What is misconfigured?"),
		},
	})
}

func (a *Assistant) Billing(ctx context.Context, question string) (*anthropic.Message, error) {
	webhookSecret := viper.GetString("stripe.webhook_secret")
	return a.claude.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		// ruleid: sast/go-llm-secret-in-prompt
		System: []anthropic.TextBlockParam{{Text: "Verify webhooks with " + webhookSecret}},
		Messages: []anthropic.MessageParam{
			// ok: sast/go-llm-secret-in-prompt
			anthropic.NewUserMessage(anthropic.NewTextBlock(question)),
		},
	})
}

func (a *Assistant) CheckAWS(ctx context.Context) (*genai.GenerateContentResponse, error) {
	home, _ := os.UserHomeDir()
	profile, _ := os.ReadFile(filepath.Join(home, ".aws", "credentials"))
	// ruleid: sast/go-llm-secret-in-prompt
	return a.gemini.GenerateContent(ctx, genai.Text("Check this AWS config:\n"+string(profile)))
}

func (a *Assistant) LangChain(ctx context.Context, apiSecret string) (string, error) {
	// ruleid: sast/go-llm-secret-in-prompt
	tmpl := prompts.NewPromptTemplate("Call the API with "+apiSecret+" to answer {{.question}}", []string{"question"})
	_ = tmpl
	// ruleid: sast/go-llm-secret-in-prompt
	return llms.GenerateFromSinglePrompt(ctx, a.llm, fmt.Sprintf("The admin password is %s. Is it strong?", os.Getenv("ADMIN_PASSWORD")))
}

func (a *Assistant) DumpEnv(ctx context.Context) (*llms.ContentResponse, error) {
	return a.llm.GenerateContent(ctx, []llms.MessageContent{
		// ruleid: sast/go-llm-secret-in-prompt
		llms.TextParts(llms.ChatMessageTypeHuman, fmt.Sprintf("Why does my app crash? env: %v", os.Environ())),
	})
}

func (a *Assistant) Stores(ctx context.Context, sm *secretsmanager.Client, oc *api.Client) {
	oa, cfg := a.oa, a.cfg
	home, _ := os.UserHomeDir()
	awsConfig, _ := os.ReadFile(home + "/.aws/credentials")
	sv, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379", Password: cfg.RedisPassword})
	cached, _ := rdb.Get(ctx, "faq").Result()
	var sb strings.Builder
	sb.WriteString("token: ")
	sb.WriteString(cfg.Token)
	oa.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Messages: []goopenai.ChatCompletionMessage{
			// ruleid: sast/go-llm-secret-in-prompt
			{Role: "user", Content: string(awsConfig)},
			// ruleid: sast/go-llm-secret-in-prompt
			{Role: "user", Content: *sv.SecretString},
			// ok: sast/go-llm-secret-in-prompt
			{Role: "user", Content: cached},
			// ruleid: sast/go-llm-secret-in-prompt
			{Role: "user", Content: sb.String()},
		},
	})
	// ruleid: sast/go-llm-secret-in-prompt
	msgs := []api.Message{{Role: "user", Content: strings.TrimSpace(os.Getenv("SMTP_PASS"))}}
	// ruleid: sast/go-llm-secret-in-prompt
	oc.Chat(ctx, &api.ChatRequest{Model: "llama3", Messages: msgs}, nil)
	// ok: sast/go-llm-secret-in-prompt
	oc.Generate(ctx, &api.GenerateRequest{Model: "llama3", Prompt: os.Getenv("HOME") + cfg.AccessTokenExpiry}, nil)
}

func (a *Assistant) NestedParams(ctx context.Context, mailer Mailer) {
	client, cfg := a.client, a.cfg
	client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			{OfUser: &openai.ChatCompletionUserMessageParam{
				// ruleid: sast/go-llm-secret-in-prompt
				Content: openai.ChatCompletionUserMessageParamContentUnion{OfString: openai.String(cfg.DBPassword)},
			}},
		},
	})
	// ok: sast/go-llm-secret-in-prompt
	mailer.Send(Mail{Content: "Your database password: " + cfg.DBPassword})
}

// ---- safe: no secret value reaches the prompt ----

func (a *Assistant) SafeStatus(ctx context.Context, question string) (*openai.ChatCompletion, error) {
	dbConfigured := os.Getenv("DB_PASSWORD") != ""
	keyLength := len(a.cfg.StripeSecretKey)
	masked := "****" + a.cfg.StripeSecretKey[len(a.cfg.StripeSecretKey)-4:]
	sum := sha256.Sum256([]byte(a.cfg.DBPassword))
	return a.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4oMini,
		Messages: []openai.ChatCompletionMessageParamUnion{
			// ok: sast/go-llm-secret-in-prompt
			openai.SystemMessage(fmt.Sprintf("DB password set: %t, key length %d, key %s, id %x", dbConfigured, keyLength, masked, sum[:4])),
			// ok: sast/go-llm-secret-in-prompt
			openai.UserMessage(question),
		},
	})
}

func (a *Assistant) SafeToolResults(ctx context.Context, question string) (string, error) {
	rows, err := a.db.QueryContext(ctx, "SELECT name, plan FROM accounts LIMIT 20")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name, plan string
		rows.Scan(&name, &plan)
		names = append(names, name+" "+plan)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.weather.example/v1?key="+os.Getenv("WEATHER_API_KEY"), nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("WEATHER_TOKEN"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	body, _ := io.ReadAll(res.Body)
	var weather map[string]any
	json.Unmarshal(body, &weather)
	resp, err := a.oa.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Model: goopenai.GPT4oMini,
		Messages: []goopenai.ChatCompletionMessage{
			// ok: sast/go-llm-secret-in-prompt
			{Role: goopenai.ChatMessageRoleUser, Content: fmt.Sprintf("%s\n%v\n%v", question, names, weather["summary"])},
		},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

func (a *Assistant) SafeLookalikes(ctx context.Context, doc string, tokenizer Tokenizer, passwordPolicy string, authorName string) error {
	maxTokens := a.cfg.MaxTokens
	tokenCount := tokenizer.Count(doc)
	_, err := a.oa.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Model:     goopenai.GPT4oMini,
		MaxTokens: maxTokens,
		Messages: []goopenai.ChatCompletionMessage{
			// ok: sast/go-llm-secret-in-prompt
			{Role: goopenai.ChatMessageRoleSystem, Content: fmt.Sprintf("Budget %d tokens (%d used). Policy: %s. Author: %s. Token endpoint: %s. Layout: %s", maxTokens, tokenCount, passwordPolicy, authorName, a.cfg.TokenURL, a.cfg.Keyboard)},
		},
	})
	return err
}

func SendWelcomeMail(to, tempPassword string) {
	m := gomail.NewMessage()
	// ok: sast/go-llm-secret-in-prompt
	m.SetBody("text/plain", "Your temporary password: "+tempPassword)
	_ = m
}

type Tokenizer interface{ Count(string) int }

type Mail struct{ Content string }

type Mailer interface{ Send(Mail) }
