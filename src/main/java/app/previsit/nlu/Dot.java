package app.previsit.nlu;

/**
 * The dot product of a row inside a flat array of rows and a vector: the inner loop of training the hidden layers,
 * and the definition {@link RowsByColumn} reproduces bit for bit when classifying and scanning the nearest lines.
 */
final class Dot {
  private Dot() {}

  /** {@code rows[offset .. offset + v.length)} · {@code v}, in four float sums (independent chains the CPU can overlap; exact enough for unit vectors). */
  static float of(float[] rows, int offset, float[] v) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int d = v.length, k = 0;
    for (; k + 3 < d; k += 4) {
      s0 += rows[offset + k] * v[k];
      s1 += rows[offset + k + 1] * v[k + 1];
      s2 += rows[offset + k + 2] * v[k + 2];
      s3 += rows[offset + k + 3] * v[k + 3];
    }
    for (; k < d; k++) s0 += rows[offset + k] * v[k];
    return s0 + s1 + s2 + s3;
  }
}
