package app.previsit.invitation;

import java.util.Optional;

/** The NHS number: ten digits whose last is a Modulus 11 check digit; written 943 476 5919. */
public final class NhsNumber {
  private NhsNumber() {}

  /** The ten digits, when {@code typed} (spaces and dashes allowed) is a valid NHS number. */
  public static Optional<String> parse(String typed) {
    if (typed == null) return Optional.empty();
    String digits = typed.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{10}")) return Optional.empty();
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10 || check != digits.charAt(9) - '0') return Optional.empty();
    return Optional.of(digits);
  }

  /** 9434765919 → "943 476 5919"; anything else as it is. */
  public static String format(String digits) {
    if (digits == null || digits.length() != 10) return digits;
    return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
  }
}
