package dev.rehearsal.grade.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A judge prompt template (Markdown with {@code {{conversation}}}, {@code {{response}}},
 * {@code {{category_definition}}} and {@code {{labels}}}) and its rendering with untrusted text.
 *
 * <p>Why the response cannot change the request's structure: the conversation and the response are
 * JSON-string encoded with {@code <}, {@code >} and {@code &} escaped, so they contain no tag at
 * all, and each sits in a block tagged with a nonce derived from a hash of the encoded text, which
 * the text would have to contain a hash of itself to predict. Placeholders are substituted in one
 * pass, so a response that writes {@code {{labels}}} stays literal text.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgePrompt(String template) {

  /** The placeholders a template may use. */
  public static final Set<String> PLACEHOLDERS = Set.of("conversation", "response", "category_definition", "labels");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*\\}\\}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the template: only known placeholders, and {@code {{response}}} present. */
  public JudgePrompt {
    Matcher m = PLACEHOLDER.matcher(template);
    boolean response = false;
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new IllegalArgumentException("Unknown placeholder {{" + m.group(1) + "}} in the judge prompt; valid: "
            + new java.util.TreeSet<>(PLACEHOLDERS) + ".");
      }
      response |= m.group(1).equals("response");
    }
    if (!response) {
      throw new IllegalArgumentException("The judge prompt has no {{response}} placeholder, so the judge would never"
          + " see the reply it grades.");
    }
  }

  /**
   * A rendered prompt.
   *
   * @param nonce the tag suffix of this request's untrusted blocks; a verdict must echo it
   * @param text the rendered template
   */
  public record Rendered(String nonce, String text) {}

  /** Renders the template for one response. */
  public Rendered render(String definitions, List<String> labels, List<Turn> conversation, String response) {
    String conversationJson = encode(turns(conversation));
    String responseJson = encode(response);
    String nonce = CanonicalJson.sha256("rehearsal-judge-nonce\n" + conversationJson + "\n" + responseJson).substring(0, 20);
    Map<String, String> values = Map.of(
        "conversation", block("conversation", nonce, conversationJson),
        "response", block("reply", nonce, responseJson),
        "category_definition", definitions,
        "labels", String.join(", ", labels));
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return new Rendered(nonce, out.toString());
  }

  /** The block that carries untrusted JSON; only the framework writes its tags. */
  static String block(String kind, String nonce, String json) {
    return "<" + kind + "-" + nonce + ">\n" + json + "\n</" + kind + "-" + nonce + ">";
  }

  /** JSON text of {@code value} with every {@code <}, {@code >} and {@code &} as a \\u escape. */
  public static String encode(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot encode the judged text as JSON", e);
    }
  }

  private static List<Map<String, Object>> turns(List<Turn> conversation) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Turn t : conversation) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", t.role().name().toLowerCase(Locale.ROOT));
      m.put("content", t.text());
      if (!t.toolCalls().isEmpty()) {
        // Tool calls matter to judges of tool honesty (lying about tools, calculator hacking).
        m.put("tool_calls", t.toolCalls().stream().map(c -> Map.of("name", c.name(), "arguments", c.argumentsJson())).toList());
      }
      out.add(m);
    }
    return out;
  }
}
