package dev.rehearsal.grade.spi;

import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderContext;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Finds and creates the custom grader of a {@code type: java} declaration: by {@code class:} or by
 * {@code provider:} through {@link ServiceLoader}. Errors are {@link IllegalArgumentException}s
 * that say what is wrong and how to fix it; the spec loader adds the file position.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CustomGraders {

  /** The keys of a {@code type: java} declaration. */
  public static final Set<String> KEYS = Set.of("type", "class", "provider", "settings");

  private CustomGraders() {}

  /** The custom grader {@code settings} (a {@code type: java} declaration's keys) select. */
  public static CustomGrader find(Map<String, Object> declaration) {
    Object cls = declaration.get("class");
    Object provider = declaration.get("provider");
    if ((cls == null) == (provider == null)) {
      throw new IllegalArgumentException("A 'type: java' grader needs exactly one of 'class' (a class implementing "
          + CustomGrader.class.getName() + ") or 'provider' (a name found through ServiceLoader).");
    }
    return cls != null ? byClass(String.valueOf(cls)) : byName(String.valueOf(provider));
  }

  /** Creates the grader of a {@code type: java} declaration. */
  public static Grader create(Map<String, Object> declaration, GraderContext context) {
    CustomGrader custom = find(declaration);
    Map<String, Object> settings = settings(declaration.get("settings"));
    Set<String> missing = new TreeSet<>(custom.requiredSettingKeys());
    missing.removeAll(settings.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Missing required key(s) " + missing + " under 'settings:' of grader "
          + custom.getClass().getName() + ".");
    }
    return new CustomGraderAdapter(custom, settings, custom.prepare(settings, context));
  }

  /** Names of the custom graders ServiceLoader finds, for messages. */
  public static Set<String> available() {
    Set<String> names = new TreeSet<>();
    ServiceLoader.load(CustomGrader.class, loader()).forEach(g -> names.add(g.name()));
    return names;
  }

  static CustomGrader byName(String name) {
    List<CustomGrader> found = ServiceLoader.load(CustomGrader.class, loader()).stream()
        .map(ServiceLoader.Provider::get).filter(g -> g.name().equals(name)).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No custom grader named '" + name + "' on the class path; found: "
          + available() + ". Add its jar and list it in META-INF/services/" + CustomGrader.class.getName() + ".");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("Several custom graders are named '" + name + "': "
          + found.stream().map(g -> g.getClass().getName()).sorted().toList()
          + ". Keep one on the class path, or select it with 'class:'.");
    }
    return found.get(0);
  }

  static CustomGrader byClass(String name) {
    Class<?> type;
    try {
      type = Class.forName(name, true, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("Grader class '" + name + "' is not on the class path; check the name"
          + " (binary name, like com.acme.CitesPolicySection) and the test dependencies.");
    }
    if (!CustomGrader.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("Grader class '" + name + "' does not implement " + CustomGrader.class.getName() + ".");
    }
    try {
      return (CustomGrader) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new IllegalArgumentException("Grader class '" + name + "' needs a public no-argument constructor.");
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("Grader class '" + name + "' failed in its constructor: "
          + e.getCause().getClass().getSimpleName() + ".");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> settings(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return Map.copyOf((Map<String, Object>) map);
    }
    throw new IllegalArgumentException("'settings' must be a mapping of the grader's keys.");
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : CustomGraders.class.getClassLoader();
  }
}
