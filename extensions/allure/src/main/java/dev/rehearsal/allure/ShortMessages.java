package dev.rehearsal.allure;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Keeps a gate test's Allure message to its one-line headline and moves the observed/expected
 * detail into the trace. Allure groups a category's failures by the whole message, so a multi-line
 * message would make every failure its own group; the JVM stack trace of a threshold breach says
 * nothing a release manager needs, so the detail replaces it. Other tests are left alone.
 * Registered through {@link java.util.ServiceLoader} as Allure's {@link TestLifecycleListener}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShortMessages implements TestLifecycleListener {

  private static final Set<String> GATE_TESTS = ConcurrentHashMap.newKeySet();

  /** Marks the Allure test {@code uuid} as a gate test whose failure message has a headline. */
  static void mark(String uuid) {
    GATE_TESTS.add(uuid);
  }

  @Override
  public void beforeTestWrite(TestResult result) {
    if (GATE_TESTS.remove(result.getUuid())) {
      shorten(result.getStatusDetails());
    }
  }

  static void shorten(StatusDetails details) {
    String message = details == null ? null : details.getMessage();
    int newline = message == null ? -1 : message.indexOf('\n');
    if (newline >= 0) {
      details.setTrace(message.strip()).setMessage(message.substring(0, newline).strip());
    }
  }
}
