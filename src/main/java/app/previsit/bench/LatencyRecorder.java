package app.previsit.bench;

import java.util.Arrays;

/** Turn latencies in microseconds, kept for exact percentiles (a few million samples fit easily). */
final class LatencyRecorder {
  private int[] samples = new int[1 << 16];
  private int count;

  synchronized void record(long nanos) {
    if (count == samples.length) samples = Arrays.copyOf(samples, samples.length * 2);
    samples[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
  }

  synchronized int count() {
    return count;
  }

  synchronized double percentileMillis(double p) {
    if (count == 0) return 0;
    int[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int i = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
    return sorted[Math.max(0, i)] / 1000.0;
  }

  synchronized void reset() {
    count = 0;
  }
}
