package dev.rehearsal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** Finds the {@link ModelClientProvider} for a spec's {@code client:} id on the class path. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelClients {

  private ModelClients() {}

  /** The provider for {@code clientId}; fails with the ids that are available when none or several. */
  public static ModelClientProvider provider(String clientId) {
    List<ModelClientProvider> all = new ArrayList<>();
    ServiceLoader.load(ModelClientProvider.class, ModelClients.class.getClassLoader())
        .forEach(all::add);
    List<ModelClientProvider> matching =
        all.stream().filter(p -> p.id().equals(clientId)).collect(Collectors.toList());
    if (matching.size() == 1) {
      return matching.get(0);
    }
    TreeSet<String> ids = all.stream().map(ModelClientProvider::id).collect(Collectors.toCollection(TreeSet::new));
    if (matching.isEmpty()) {
      throw new IllegalArgumentException(
          "No model client '" + clientId + "' on the class path; available: " + ids
              + ". Add the extension that provides it (e.g. rehearsal-openai for 'openai').");
    }
    throw new IllegalArgumentException(
        "Several model clients claim id '" + clientId + "': "
            + matching.stream().map(p -> p.getClass().getName()).collect(Collectors.toList())
            + ". Keep one of them on the class path.");
  }

  /** All provider ids on the class path. */
  public static TreeSet<String> availableIds() {
    TreeSet<String> ids = new TreeSet<>();
    ServiceLoader.load(ModelClientProvider.class, ModelClients.class.getClassLoader())
        .forEach(p -> ids.add(p.id()));
    return ids;
  }
}
