package dev.rehearsal.prefix.deid;

/**
 * Which IP addresses can identify a person's host: not loopback, private (RFC 1918, IPv6 unique
 * local), link-local, unspecified or documentation ranges (RFC 5737, RFC 3849), which appear in
 * code samples and configuration questions and name nobody.
 */
final class IpRanges {

  private IpRanges() {}

  static boolean identifiesAHost(String address) {
    return address.indexOf(':') >= 0 ? v6(address.toLowerCase(java.util.Locale.ROOT)) : v4(address);
  }

  private static boolean v4(String address) {
    String[] p = address.split("\\.");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    int c = Integer.parseInt(p[2]);
    boolean local = a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168);
    boolean documentation = (a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113);
    return !local && !documentation;
  }

  private static boolean v6(String address) {
    String first = address.startsWith("::") ? "0" : address.substring(0, address.indexOf(':'));
    int head = first.isEmpty() ? 0 : Integer.parseInt(first, 16);
    boolean loopbackOrUnspecified = address.matches("(0{0,4}:)*:?0{0,3}[01]") || address.equals("::");
    boolean uniqueLocal = (head & 0xfe00) == 0xfc00;
    boolean linkLocal = (head & 0xffc0) == 0xfe80;
    boolean documentation = address.startsWith("2001:db8:") || address.startsWith("2001:0db8:");
    return !loopbackOrUnspecified && !uniqueLocal && !linkLocal && !documentation;
  }
}
