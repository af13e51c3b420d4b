package dev.rehearsal.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;

/**
 * JSON readers for data records and model replies: one log line, one reply body, one stored
 * reply. Jackson's default {@code maxStringLength} (20 M chars) refused a valid 100 MB record as
 * "not valid JSON (StreamConstraintsException)" (issue 12); these limits let such a record through
 * and still bound what one record may hold. Spec files keep their own, much smaller limits (see
 * the spec loader).
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LargeJson {

  /** Longest JSON string value (a reply's text, one message): 512 M chars. */
  public static final int MAX_STRING_CHARS = 512 * 1024 * 1024;
  /** Longest JSON document (one record or one reply body): 1 G chars or bytes. */
  public static final long MAX_DOCUMENT_LENGTH = 1024L * 1024 * 1024;
  /** Deepest nesting of objects and arrays; records and replies are shallow. */
  public static final int MAX_NESTING_DEPTH = 500;
  /** Longest number literal, Jackson's default (numbers this long are never data). */
  public static final int MAX_NUMBER_CHARS = 1000;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxStringLength(MAX_STRING_CHARS).maxDocumentLength(MAX_DOCUMENT_LENGTH)
      .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_CHARS).build();

  private LargeJson() {}

  /** A new mapper with the record limits above (configure it further as needed). */
  public static ObjectMapper mapper() {
    return new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build());
  }
}
