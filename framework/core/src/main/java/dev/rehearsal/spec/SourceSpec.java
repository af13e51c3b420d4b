package dev.rehearsal.spec;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A conversation log.
 *
 * @param format {@code hh-rlhf} or {@code openai-messages}
 * @param path the resolved file (gzip is detected from its bytes)
 * @param mark where the source is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SourceSpec(String format, Path path, Mark mark) {}
