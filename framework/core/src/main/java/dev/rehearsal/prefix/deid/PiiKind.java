package dev.rehearsal.prefix.deid;

import java.util.Locale;
import org.apiguardian.api.API;

/** A kind of personal data or secret the guard looks for; the label names its placeholders. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PiiKind {
  /** Keys and tokens of common shapes: {@code sk-...}, {@code AKIA...}, {@code ghp_...}, {@code xox.-...}. */
  API_KEY("API_KEY"),
  /** A JSON Web Token, three base64url parts of which the first two start {@code eyJ}. */
  JWT("JWT"),
  EMAIL("EMAIL"),
  /** An IBAN whose check digits pass ISO 7064 mod 97-10. */
  IBAN("IBAN"),
  /** 13 to 19 digits that pass the Luhn check (ISO/IEC 7812). */
  PAYMENT_CARD("CARD"),
  US_SSN("SSN"),
  IP_ADDRESS("IP"),
  PHONE("PHONE");

  private final String label;

  PiiKind(String label) {
    this.label = label;
  }

  /** The placeholder stem: {@code [EMAIL_1]}. */
  public String label() {
    return label;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
