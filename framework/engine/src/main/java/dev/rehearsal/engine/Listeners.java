package dev.rehearsal.engine;

import dev.rehearsal.engine.spi.GateExecutionListener;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/** The listeners found on the class path; a failing listener is reported and does not change outcomes. */
record Listeners(List<GateExecutionListener> all) {

  Listeners {
    all = List.copyOf(all);
  }

  static Listeners load() {
    return new Listeners(ServiceLoader.load(GateExecutionListener.class, Listeners.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList());
  }

  void each(Consumer<GateExecutionListener> call) {
    for (GateExecutionListener l : all) {
      try {
        call.accept(l);
      } catch (RuntimeException | LinkageError e) {
        // A reporter must never turn a passing release gate into a failing one, or the reverse.
        System.err.println("Rehearsal: listener " + l.getClass().getName() + " failed and was skipped: " + e);
      }
    }
  }
}
