package com.acme.assistant;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.google.genai.Client;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.stripe.StripeClient;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.model.input.PromptTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
public class DeploymentAssistant {

    record DbSettings(String url, String password, int maxTokens) {}

    private final ChatClient chatClient;
    private final OpenAIClient openai;
    private final AnthropicClient claude;
    private final ChatLanguageModel model;
    private final Environment env;
    private final JdbcTemplate jdbcTemplate;
    private final StripeClient stripe;
    private final HttpClient httpClient = HttpClient.newHttpClient();
    private final String webhookSecret;

    public DeploymentAssistant(ChatClient.Builder builder, ChatLanguageModel model, Environment env, JdbcTemplate jdbcTemplate,
            AnthropicClient claude, @Value("${stripe.webhook-secret}") String webhookSecret) {
        this.chatClient = builder.build();
        // ok: sast/java-llm-secret-in-prompt
        this.openai = OpenAIOkHttpClient.builder().apiKey(System.getenv("OPENAI_API_KEY")).build();
        this.claude = claude;
        this.model = model;
        this.env = env;
        this.jdbcTemplate = jdbcTemplate;
        this.stripe = new StripeClient(env.getProperty("stripe.secret-key"));
        this.webhookSecret = webhookSecret;
    }

    public String debugDeployment(String question) {
        return chatClient.prompt()
                // ruleid: sast/java-llm-secret-in-prompt
                .system("You debug deployments. DB password: " + System.getenv("DB_PASSWORD"))
                // ok: sast/java-llm-secret-in-prompt
                .user(question)
                .call()
                .content();
    }

    public Object explainConfig(DbSettings settings) {
        String summary = "datasource=" + env.getProperty("spring.datasource.password") + " db=" + settings.password();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                // ruleid: sast/java-llm-secret-in-prompt
                .addSystemMessage("Explain this configuration: " + summary)
                // ok: sast/java-llm-secret-in-prompt
                .addUserMessage("What is misconfigured?")
                .build();
        return openai.chat().completions().create(params);
    }

    public Object verifyWebhooks(String payload) {
        return claude.messages().create(MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(1024L)
                // ruleid: sast/java-llm-secret-in-prompt
                .system("Verify signatures with " + webhookSecret)
                // ok: sast/java-llm-secret-in-prompt
                .addUserMessage(payload)
                .build());
    }

    public Object responses(String userQuestion, String apiSecret) {
        return openai.responses().create(ResponseCreateParams.builder()
                .model(ChatModel.GPT_4_1)
                // ruleid: sast/java-llm-secret-in-prompt
                .instructions(String.format("Call the billing API with %s", apiSecret))
                // ok: sast/java-llm-secret-in-prompt
                .input(userQuestion)
                .build());
    }

    public String langchain4j(String question) throws Exception {
        String awsConfig = Files.readString(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
        // ruleid: sast/java-llm-secret-in-prompt
        String review = model.generate("Check this AWS config:\n" + awsConfig);
        // ruleid: sast/java-llm-secret-in-prompt
        var system = SystemMessage.from("Admin token: " + env.getProperty("ADMIN_TOKEN"));
        // ruleid: sast/java-llm-secret-in-prompt
        var template = PromptTemplate.from("Sign with " + this.webhookSecret + " and answer {{question}}");
        return review + system + template.apply(Map.of("question", question)).text();
    }

    public String springUserSpec(String question) {
        return chatClient.prompt()
                .user(u -> u.text("Answer {q} for the account with key {k}")
                        .param("q", question)
                        // ruleid: sast/java-llm-secret-in-prompt
                        .param("k", env.getProperty("PARTNER_API_KEY")))
                .call()
                .content();
    }

    public String geminiEnv() {
        Client client = new Client();
        // ruleid: sast/java-llm-secret-in-prompt
        return client.models.generateContent("gemini-2.0-flash", "Why does my app crash? Env: " + System.getenv(), null).text();
    }

    public String accessors(DbSettings settings, AppProperties props, @Value("${stripe.secret-key}") String stripeKey,
             @Value("${spring.ai.openai.api-key}") String openAiKey, Lexer lexer, SecretsManagerClient sm, ChatModel chatModel, Assistant assistant) throws Exception {
        // ruleid: sast/java-llm-secret-in-prompt
        model.generate("a " + settings.password());
        // ruleid: sast/java-llm-secret-in-prompt
        model.generate("b " + props.getDbPassword());
        // ruleid: sast/java-llm-secret-in-prompt
        model.generate("c " + stripeKey);
        // ok: sast/java-llm-secret-in-prompt
        model.generate("d " + openAiKey + lexer.getToken() + lexer.getNextToken());
        String v = sm.getSecretValue(GetSecretValueRequest.builder().secretId("db").build()).secretString();
        // ruleid: sast/java-llm-secret-in-prompt
        assistant.chat(v);
        // ruleid: sast/java-llm-secret-in-prompt
        List<ChatMessage> msgs = List.of(new UserMessage("token " + props.getToken()));
        // ruleid: sast/java-llm-secret-in-prompt
        return chatModel.call(new Prompt(msgs)).getResult().getOutput().getText();
    }

    // ---- safe: no secret value reaches the prompt ----

    public String safeStatus(String question, DbSettings settings) throws Exception {
        boolean dbConfigured = System.getenv("DB_PASSWORD") != null;
        int keyLength = webhookSecret.length();
        String masked = "****" + webhookSecret.substring(webhookSecret.length() - 4);
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(webhookSecret.getBytes()));
        return chatClient.prompt()
                // ok: sast/java-llm-secret-in-prompt
                .system("DB password set: " + dbConfigured + ", key length " + keyLength + ", key " + masked + ", id " + fingerprint)
                // ok: sast/java-llm-secret-in-prompt
                .user(question + " (max " + settings.maxTokens() + " tokens)")
                .call()
                .content();
    }

    public String safeToolResults(String question) throws Exception {
        List<Map<String, Object>> rows = jdbcTemplate.queryForList("SELECT name, plan FROM accounts LIMIT 20");
        var customers = stripe.customers().list();
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://api.weather.example/v1?key=" + env.getProperty("WEATHER_API_KEY")))
                .header("Authorization", "Bearer " + env.getProperty("WEATHER_TOKEN"))
                .build();
        String weather = httpClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return chatClient.prompt()
                // ok: sast/java-llm-secret-in-prompt
                .user(question + "\n" + rows + "\n" + customers + "\n" + weather)
                .call()
                .content();
    }

    public String safeLookalikes(String doc, Tokenizer tokenizer, String passwordPolicy, String authorName, String keyboard) {
        int maxTokens = 512;
        int tokenCount = tokenizer.countTokens(doc);
        String tokenUrl = env.getProperty("oauth.token-url");
        // ok: sast/java-llm-secret-in-prompt
        return model.generate("Budget " + maxTokens + " tokens (" + tokenCount + " used). Policy: " + passwordPolicy
                + ". Author: " + authorName + ". Token endpoint: " + tokenUrl + ". Layout: " + keyboard);
    }

    interface Assistant {
        String chat(String message);
    }

    interface Tokenizer {
        int countTokens(String text);
    }
}
