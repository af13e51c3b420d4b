package dev.rehearsal.sql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test support: a real PostgreSQL server. {@code REHEARSAL_PG_URL} when set (CI starts one); otherwise
 * a throw-away cluster from the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/<v>/bin}, the
 * Debian package), on a free loopback port, run as user {@code postgres} when the tests run as root.
 */
public final class PostgresServer implements AutoCloseable {

  private final String url;
  private final Optional<Path> dataDir;

  private PostgresServer(String url, Optional<Path> dataDir) {
    this.url = url;
    this.dataDir = dataDir;
  }

  public static PostgresServer start(Path dir) throws IOException, InterruptedException {
    String env = System.getenv("REHEARSAL_PG_URL");
    if (env != null && !env.isBlank()) {
      return new PostgresServer(env, Optional.empty());
    }
    Path bin = binaries();
    Path data = dir.resolve("pgdata");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
      run(List.of("chmod", "755", dir.toString()), dir);
    }
    run(as(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
        "--encoding=UTF8", "--locale=C.UTF-8"), dir);
    int port = freePort();
    run(as(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("pg.log").toString(), "-w",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), dir);
    PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
        Optional.of(data));
    server.awaitReady();
    return server;
  }

  public String url() {
    return url;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Connection c = connect()) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("PostgreSQL did not accept connections within 30 s", e);
        }
        Thread.onSpinWait();
      }
    }
  }

  private static Path binaries() throws IOException {
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) {
      throw new IllegalStateException("No PostgreSQL server for the tests: set REHEARSAL_PG_URL, or install the"
          + " Debian package postgresql (apt-get install postgresql).");
    }
    try (Stream<Path> versions = Files.list(base)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("No initdb under " + base + "; install postgresql"));
    }
  }

  private static List<String> as(boolean root, String... command) {
    List<String> out = new ArrayList<>();
    if (root) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(command));
    return out;
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("cmd.log").toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command.get(command.size() - 1) + " failed: " + Files.readString(dir.resolve("cmd.log")));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    if (dataDir.isPresent()) {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path bin = binaries();
      try {
        run(as(root, bin.resolve("pg_ctl").toString(), "-D", dataDir.get().toString(), "-m", "fast", "-w", "stop"),
            dataDir.get().getParent());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
