package dev.rehearsal.spec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a node into plain Java values (String, Long, Double, Boolean, List, Map) for SPI settings. */
public final class Plain {

  private Plain() {}

  public static Object of(Node node) {
    if (node instanceof MapNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((k, v) -> out.put(k, of(v)));
      return out;
    }
    if (node instanceof ListNode list) {
      List<Object> out = new ArrayList<>();
      list.items().forEach(i -> out.add(of(i)));
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    if (s.isNull()) {
      return "";
    }
    if (s.quoted()) {
      return s.text();
    }
    if (s.text().equals("true") || s.text().equals("false")) {
      return Boolean.parseBoolean(s.text());
    }
    try {
      return Long.parseLong(s.text());
    } catch (NumberFormatException notLong) {
      try {
        return Double.parseDouble(s.text());
      } catch (NumberFormatException notNumber) {
        return s.text();
      }
    }
  }
}
