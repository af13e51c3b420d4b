package dev.rehearsal.model.runtime;

import java.net.URI;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Model ids for HTTP adapters. The id names everything about the endpoint that can change an answer
 * (scheme, host, port, path, query such as {@code api-version}), because it is part of every cache
 * key: two servers on one host but different ports must never share cached replies (issue 12
 * item 2). User info and fragments are left out: they never select a model, and may hold secrets.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelIds {

  private ModelIds() {}

  /** {@code provider:model@scheme://host:port/path?query}, with the port always written. */
  public static String of(String provider, String model, URI endpoint) {
    String scheme = endpoint.getScheme() == null ? "http" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(scheme) ? 443 : 80;
    String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    String query = endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery();
    return provider + ":" + model + "@" + scheme + "://" + host + ":" + port + path + query;
  }
}
