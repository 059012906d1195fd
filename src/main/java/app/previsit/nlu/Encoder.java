package app.previsit.nlu;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small transformer sentence encoder run in process by ONNX Runtime: text in, a unit-length
 * vector out (cosine similarity is a dot product). The model and its tokenizer are resources of a
 * Maven artifact, so nothing is downloaded at run time.
 *
 * <p>We run the ONNX session ourselves rather than through langchain4j's model class so that each
 * call uses one intra-op thread (callers are already a worker pool sized to the cores; ONNX's own
 * pool on top would oversubscribe two cores), so that long input is cut at {@link #MAX_TOKENS}
 * instead of being split and averaged, and so that a batch can go through in one run.
 *
 * <p>Thread-safe: an {@code OrtSession} and the native tokenizer may be used from many threads.
 * Short texts ("yes", "7", "no thanks") recur constantly and are cached.
 */
public final class Encoder {
  /** How a model turns token vectors into one sentence vector. */
  public enum Pooling { MEAN, CLS }

  /** Where a model lives on the class path and how it pools. */
  public record Model(String name, String onnxResource, String tokenizerResource, Pooling pooling, String prefix) {
    public static final Model MINILM_L6_Q = new Model("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q.onnx",
        "/all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "");
    public static final Model BGE_SMALL_Q = new Model("bge-small-en-v1.5-q", "/bge-small-en-v1.5-q.onnx",
        "/bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS, "");
    public static final Model E5_SMALL_Q = new Model("e5-small-v2-q", "/e5-small-v2-q.onnx",
        "/e5-small-v2-q-tokenizer.json", Pooling.MEAN, "query: ");
  }

  /** Patient sentences are short; a 100 KB paste is cut here, which also bounds the cost of a call. */
  static final int MAX_TOKENS = 128;
  private static final int CACHED_UP_TO_CHARS = 40;

  private static volatile Encoder shared;

  private final Model model;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;
  private final int dimension;
  private final LruCache<String, float[]> cache = new LruCache<>(4096);
  /** Vectors of training lines: a bounded set, asked for again by every retraining (cross-validation). */
  private final java.util.concurrent.ConcurrentHashMap<String, float[]> known = new java.util.concurrent.ConcurrentHashMap<>();
  private final long loadMillis;

  private Encoder(Model model) {
    long start = System.nanoTime();
    this.model = model;
    try {
      env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Without ONNX Runtime's arena a run measured ~10% faster here (1.09 -> 0.99 ms for a short line, one
      // core): its tensors are small and short-lived, and the arena's bookkeeping is not free.
      options.setCPUArenaAllocator(false);
      session = env.createSession(read(model.onnxResource()), options);
      wantsTypeIds = session.getInputNames().contains("token_type_ids");
      try (InputStream in = resource(model.tokenizerResource())) {
        tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
            "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS), "padding", "false"));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the sentence encoder " + model.name(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentence encoder " + model.name(), e);
    }
    dimension = run(List.of("hello"))[0].length;
    loadMillis = (System.nanoTime() - start) / 1_000_000;
  }

  /** The production encoder, loaded on first use and kept for the life of the process. */
  public static Encoder shared() {
    Encoder e = shared;
    if (e == null) {
      synchronized (Encoder.class) {
        e = shared;
        if (e == null) {
          e = new Encoder(Model.MINILM_L6_Q);
          VectorFile.read(e.model.name(), e.known);
          shared = e;
        }
      }
    }
    return e;
  }

  /** A separate encoder for another model (comparisons); each holds its own ONNX session. */
  public static Encoder load(Model model) {
    return new Encoder(model);
  }

  public Model model() {
    return model;
  }

  public int dimension() {
    return dimension;
  }

  public long loadMillis() {
    return loadMillis;
  }

  /** How many vectors are known without running the model (training lines shipped in the jar). */
  public int knownCount() {
    return known.size();
  }

  /** The unit vector of one text. The returned array is shared with the cache: do not change it. */
  public float[] encode(String text) {
    String t = text == null ? "" : text.strip();
    float[] k = known.get(t);
    if (k != null) return k;
    if (t.length() <= CACHED_UP_TO_CHARS) {
      float[] hit = cache.get(t);
      if (hit != null) return hit;
      float[] v = run(List.of(t))[0];
      cache.put(t, v);
      return v;
    }
    return run(List.of(t))[0];
  }

  /**
   * The vector of a training line, kept for the life of the process; also consulted by {@link #encode}
   * so that a patient typing a known line costs a lookup.
   */
  public float[] encodeKnown(String text) {
    String t = text == null ? "" : text.strip();
    return known.computeIfAbsent(t, k -> run(List.of(k))[0]);
  }

  /** Keeps a vector computed elsewhere as the known vector of a training line (build step). */
  void remember(String text, float[] vector) {
    known.put(text.strip(), vector);
  }

  /**
   * Unit vectors of many texts, one ONNX run each: padding a batch changes the quantized model's
   * output slightly (its scales are taken over the padded tensor), and training and patient texts must
   * get the same vector for the same words. Batching measured no faster here either.
   */
  public float[][] encodeAll(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) out[i] = run(List.of(texts.get(i).strip()))[0];
    return out;
  }

  private float[][] run(List<String> texts) {
    int n = texts.size();
    Encoding[] enc = new Encoding[n];
    int len = 1;
    for (int i = 0; i < n; i++) {
      enc[i] = tokenizer.encode(model.prefix() + texts.get(i));
      len = Math.max(len, enc[i].getIds().length);
    }
    long[][] ids = new long[n][len];
    long[][] mask = new long[n][len];
    long[][] types = new long[n][len];
    for (int i = 0; i < n; i++) {
      long[] id = enc[i].getIds();
      long[] m = enc[i].getAttentionMask();
      System.arraycopy(id, 0, ids[i], 0, id.length);
      System.arraycopy(m, 0, mask[i], 0, m.length);
    }
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
      if (wantsTypeIds) inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = unit(pool(hidden[i], mask[i]));
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("sentence encoder failed", e);
    } finally {
      for (OnnxTensor t : inputs.values()) t.close();
    }
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (model.pooling() == Pooling.CLS) return tokens[0].clone();
    float[] sum = new float[tokens[0].length];
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 0) continue;
      count++;
      for (int d = 0; d < sum.length; d++) sum[d] += tokens[t][d];
    }
    for (int d = 0; d < sum.length; d++) sum[d] /= Math.max(1, count);
    return sum;
  }

  /** Scales {@code v} to unit length in place (and returns it). */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
    for (int i = 0; i < v.length; i++) v[i] *= inv;
    return v;
  }

  /** Cosine similarity of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Encoder.class.getResourceAsStream(name);
    if (in == null) throw new IllegalStateException("encoder resource missing from the class path: " + name);
    return in;
  }
}
