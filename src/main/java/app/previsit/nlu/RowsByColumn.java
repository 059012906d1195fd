package app.previsit.nlu;

/**
 * Rows of equal length (training vectors, a hidden layer's weights) stored column by column in blocks, to take
 * every row's dot product with one vector at once.
 *
 * <p>Why: {@link Dot#of} is a chain of dependent additions per row, which the JIT cannot turn into vector
 * instructions; here the inner loop adds a multiple of one column to a block of partial sums, which it does. Each
 * row keeps {@link Dot#of}'s four partial sums, filled in the same order and added in the same order, so every
 * result is bit for bit the one {@link Dot#of} gives: the safety net's thresholds see the same numbers.
 * Immutable.
 */
final class RowsByColumn {
  /** Rows per block: the block's four partial sums (4 KB) stay in the first-level cache. */
  private static final int MAX_BLOCK = 256;

  private final int rows;
  private final int dimension;
  private final int block;
  /** Block after block; within a block, column after column, each {@link #block} floats (the last block padded). */
  private final float[] columns;

  /** @param rowMajor {@code rows} rows of {@code dimension} floats, one after another */
  RowsByColumn(float[] rowMajor, int rows, int dimension) {
    if (rowMajor.length != rows * dimension) throw new IllegalArgumentException("expected rows x dimension floats");
    this.rows = rows;
    this.dimension = dimension;
    this.block = Math.max(1, Math.min(MAX_BLOCK, rows));
    int blocks = (rows + block - 1) / block;
    this.columns = new float[blocks * dimension * block];
    for (int i = 0; i < rows; i++) {
      int b = i / block, r = i % block;
      for (int k = 0; k < dimension; k++) columns[(b * dimension + k) * block + r] = rowMajor[i * dimension + k];
    }
  }

  int rows() {
    return rows;
  }

  /** {@code out[i]} = row i · {@code v}, for every row. */
  void dots(float[] v, float[] out) {
    if (v.length != dimension || out.length < rows) throw new IllegalArgumentException("wrong vector or output size");
    // Dot.of's partial sums: s[k % 4] for k in its unrolled loop, s0 for the remainder.
    int unrolled = dimension - dimension % 4;
    float[][] s = new float[4][block];
    for (int start = 0, b = 0; start < rows; start += block, b++) {
      for (float[] partial : s) java.util.Arrays.fill(partial, 0);
      for (int k = 0; k < dimension; k++) {
        // One column into one partial sum: a loop the JIT turns into vector instructions.
        add(s[k < unrolled ? k & 3 : 0], columns, (b * dimension + k) * block, v[k], block);
      }
      int n = Math.min(block, rows - start);
      for (int r = 0; r < n; r++) out[start + r] = s[0][r] + s[1][r] + s[2][r] + s[3][r];
    }
  }

  /** {@code sums[r] += from[offset + r] * factor} for r below n. */
  private static void add(float[] sums, float[] from, int offset, float factor, int n) {
    for (int r = 0; r < n; r++) sums[r] += from[offset + r] * factor;
  }
}
