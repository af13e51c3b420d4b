package dev.rehearsal.prefix;

import org.apiguardian.api.API;

/**
 * Drops the UTF-8 byte-order mark that Excel ("CSV UTF-8") and some Windows editors put at the start
 * of a text file; read as text it is the character U+FEFF, which would otherwise end up in the first
 * column's name, the first JSON token or the first prompt.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ByteOrderMark {

  private ByteOrderMark() {}

  /** The text without a leading U+FEFF. */
  public static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
