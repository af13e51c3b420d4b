package dev.rehearsal.jupiter;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Runs a gate once per test class (kept in the class's extension store) and finds its file. */
final class GateRuns {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GateRuns.class);

  private GateRuns() {}

  static GateRun run(ExtensionContext context, String gate) {
    ExtensionContext owner = classContext(context);
    // get + put rather than getOrComputeIfAbsent, which JUnit 6 deprecates for a method 5.14 lacks.
    ExtensionContext.Store store = owner.getStore(NAMESPACE);
    synchronized (GateRuns.class) {
      GateRun run = store.get(gate, GateRun.class);
      if (run == null) {
        run = rehearse(owner, gate);
        store.put(gate, run);
      }
      return run;
    }
  }

  /** The class-level context, so every method (and every invocation) of a class shares one run. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static GateRun rehearse(ExtensionContext context, String gate) {
    Path root = Projects.root(context);
    Path file = file(context, root, gate);
    try {
      var spec = new GateSpecLoader(SpecContext.of(root, Projects.dataRoot(context, root))).load(file);
      return new GateRunner().run(spec);
    } catch (IOException e) {
      throw new UncheckedIOException("Gate " + gate + " could not be rehearsed", e);
    }
  }

  static Path file(ExtensionContext context, Path root, String gate) {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    URL resource = loader.getResource(gate);
    try {
      if (resource != null && resource.getProtocol().equals("file")) {
        return Path.of(resource.toURI());
      }
    } catch (URISyntaxException e) {
      throw new ParameterResolutionException("Gate resource " + gate + " has no file path: " + resource, e);
    }
    Path file = root.resolve(gate).normalize();
    if (!Files.isRegularFile(file)) {
      throw new ParameterResolutionException("Gate file '" + gate + "' is neither a class-path resource nor a file under "
          + root + "; put it under src/test/resources or give its path from the project root.");
    }
    return file;
  }
}
