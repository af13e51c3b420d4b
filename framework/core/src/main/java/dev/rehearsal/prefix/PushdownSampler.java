package dev.rehearsal.prefix;

import dev.rehearsal.spec.PrefixSpec;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * Samples a log inside the engine that holds it ({@code prefixes.source.sql}), found through
 * {@link java.util.ServiceLoader}; the {@code rehearsal-sql} module provides one.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface PushdownSampler {

  /**
   * Draws the sample the streaming sampler would draw from the same conversations with
   * {@code sample.key: md5}, and the same counts.
   *
   * @throws BadDataException when the engine, the table or its columns cannot be used
   */
  Sample sample(PrefixSpec spec) throws IOException;
}
