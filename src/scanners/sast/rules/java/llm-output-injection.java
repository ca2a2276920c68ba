package com.example.assistant;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.google.cloud.vertexai.api.GenerateContentResponse;
import com.google.cloud.vertexai.generativeai.GenerativeModel;
import com.google.cloud.vertexai.generativeai.ResponseHandler;
import com.openai.client.OpenAIClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.langchain4j.model.chat.ChatLanguageModel;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.owasp.encoder.Encode;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AssistantController {
    private final OpenAIClient client;
    private final AnthropicClient anthropic;
    private final ChatLanguageModel chatModel;
    private final ChatClient chatClient;
    private final GenerativeModel gemini;
    private final JdbcTemplate jdbcTemplate;
    private final Connection conn;
    private final Path reportDir = Paths.get("/var/app/reports");

    public AssistantController(OpenAIClient client, AnthropicClient anthropic, ChatLanguageModel chatModel,
            ChatClient chatClient, GenerativeModel gemini, JdbcTemplate jdbcTemplate, Connection conn) {
        this.client = client;
        this.anthropic = anthropic;
        this.chatModel = chatModel;
        this.chatClient = chatClient;
        this.gemini = gemini;
        this.jdbcTemplate = jdbcTemplate;
        this.conn = conn;
    }

    // OpenAI: the model writes a shell command that is run
    @GetMapping("/ops")
    public String ops(@RequestParam String task) throws IOException {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O)
                .addSystemMessage("Reply with one bash command that performs the task.")
                .addUserMessage(task)
                .build();
        ChatCompletion completion = client.chat().completions().create(params);
        String command = completion.choices().get(0).message().content().orElse("");
        // ruleid: sast/java-llm-output-injection
        Process p = new ProcessBuilder("bash", "-c", command).start();
        // ruleid: sast/java-llm-output-injection
        Runtime.getRuntime().exec(command);
        return "started";
    }

    // the answer only chooses between fixed commands
    @GetMapping("/ops/safe")
    public String opsSafe(@RequestParam String task) throws IOException {
        String answer = chatModel.generate("Answer disk or uptime: " + task).trim();
        switch (answer) {
            case "disk":
                // ok: sast/java-llm-output-injection
                new ProcessBuilder("df", "-h").start();
                break;
            case "uptime":
                new ProcessBuilder("uptime").start();
                break;
            default:
                return "unknown";
        }
        return "started";
    }

    // LangChain4j text-to-SQL through JDBC and JdbcTemplate
    @GetMapping("/report")
    public List<Map<String, Object>> report(@RequestParam String question) throws SQLException {
        String sql = chatModel.generate("Write one PostgreSQL SELECT for: " + question);
        try (Statement stmt = conn.createStatement()) {
            // ruleid: sast/java-llm-output-injection
            ResultSet rs = stmt.executeQuery(sql);
            rs.close();
        }
        // ruleid: sast/java-llm-output-injection
        return jdbcTemplate.queryForList(sql);
    }

    // the model's answer used as a bound value
    @GetMapping("/products")
    public List<Map<String, Object>> products(@RequestParam String need) throws SQLException {
        String category = chatModel.chat("Name the product category for: " + need).strip();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM products WHERE category = ?")) {
            ps.setString(1, category);
            // ok: sast/java-llm-output-injection
            ps.executeQuery().close();
        }
        // ok: sast/java-llm-output-injection
        return jdbcTemplate.queryForList("SELECT id, name FROM products WHERE category = ?", category);
    }

    // Spring AI: HTML built from the model's answer
    @GetMapping("/explain")
    public ResponseEntity<String> explain(@RequestParam String topic) {
        String answer = chatClient.prompt()
                .system("Explain the topic in two paragraphs.")
                .user(topic)
                .call()
                .content();
        if (answer.length() > 2000) {
            // ok: sast/java-llm-output-injection
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<p>Too long: " + answer.length() + " characters</p>");
        }
        // ruleid: sast/java-llm-output-injection
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<article>" + answer + "</article>");
    }

    @GetMapping("/explain/safe")
    public ResponseEntity<String> explainSafe(@RequestParam String topic) {
        String answer = chatClient.prompt().user(topic).call().content();
        // ok: sast/java-llm-output-injection
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<article>" + Encode.forHtml(answer) + "</article>");
    }

    // JSON responses are not HTML
    @GetMapping("/ask")
    public Map<String, String> ask(@RequestParam String q) {
        String answer = chatClient.prompt().user(q).call().content();
        // ok: sast/java-llm-output-injection
        return Map.of("answer", answer);
    }

    // Anthropic: the model names the file to write
    public void saveReport(String notes) throws IOException {
        MessageCreateParams params = MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_20250514)
                .maxTokens(64L)
                .addUserMessage("Suggest a file name for these notes: " + notes)
                .build();
        Message message = anthropic.messages().create(params);
        String name = message.content().get(0).text().map(t -> t.text()).orElse("report.txt");
        // ruleid: sast/java-llm-output-injection
        Files.writeString(reportDir.resolve(name), notes);
        // ok: sast/java-llm-output-injection
        Files.writeString(reportDir.resolve(FilenameUtils.getName(name)), notes);
    }

    // Vertex AI Gemini in a servlet-style handler
    public void summary(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GenerateContentResponse result = gemini.generateContent("Summarise: " + request.getParameter("doc"));
        String text = ResponseHandler.getText(result);
        response.setContentType("text/html");
        // ruleid: sast/java-llm-output-injection
        response.getWriter().println("<main>" + text + "</main>");
        PrintWriter out = response.getWriter();
        // ruleid: sast/java-llm-output-injection
        out.print(text);
        // ok: sast/java-llm-output-injection
        out.print(Encode.forHtml(text));
        // ok: sast/java-llm-output-injection
        out.printf("<footer>%d characters</footer>", text.length());
        // ruleid: sast/java-llm-output-injection
        new File("/tmp/summaries", text).delete();
    }

    // a constant that only looks like model output
    public void banner(HttpServletResponse response) throws IOException {
        String completion = "<h1>Assistant</h1>";
        // ok: sast/java-llm-output-injection
        response.getWriter().print(completion);
    }
}
