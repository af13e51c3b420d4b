package dev.rehearsal.spec;

import org.apiguardian.api.API;

/** How bad one occurrence of a category is; written in lower case in gate files. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
