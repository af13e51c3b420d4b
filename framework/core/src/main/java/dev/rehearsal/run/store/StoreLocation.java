package dev.rehearsal.run.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a run store lives: a SQLite file, or a JDBC URL of a shared database (PostgreSQL). A URL
 * never carries credentials: user and password come from the environment (see {@link RunStore}), so
 * the URL is safe to print.
 *
 * @param file the SQLite file, when the store is a file
 * @param url the JDBC URL, when the store is a database server
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StoreLocation(Optional<Path> file, Optional<String> url) {

  public StoreLocation {
    if (file.isPresent() == url.isPresent()) {
      throw new IllegalArgumentException("A store location is a file or a JDBC URL, exactly one of them");
    }
    url.ifPresent(StoreLocation::checkNoCredentials);
  }

  /** A SQLite store file. */
  public static StoreLocation file(Path file) {
    return new StoreLocation(Optional.of(file.toAbsolutePath()), Optional.empty());
  }

  /** A store on a database server, e.g. {@code jdbc:postgresql://db.example:5432/rehearsal}. */
  public static StoreLocation jdbc(String url) {
    return new StoreLocation(Optional.empty(), Optional.of(url));
  }

  /** A {@code jdbc:} URL, else a file path: the value of {@code rehearsal.store}. */
  public static StoreLocation parse(String value) {
    return value.startsWith("jdbc:") ? jdbc(value) : file(Path.of(value));
  }

  /** For messages: the file, or the URL (which holds no credentials). */
  @Override
  public String toString() {
    return file.map(Path::toString).orElseGet(url::orElseThrow);
  }

  private static void checkNoCredentials(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    int query = lower.indexOf('?');
    String authority = lower.substring(0, query < 0 ? lower.length() : query);
    if (lower.matches(".*[?&;](password|user)=.*") || authority.matches("jdbc:[a-z]+://[^/]*@.*")) {
      // Never echo the URL: it holds a credential.
      throw new IllegalArgumentException("The run store URL must not carry a user or password (found in the"
          + " URL given to rehearsal.store). Remove them from the URL and set the environment variables "
          + RunStore.USER_ENV + " and " + RunStore.PASSWORD_ENV + " instead");
    }
  }
}
