package app.previsit.perf;

import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Dialogue;
import app.previsit.dialogue.Messages;
import app.previsit.dialogue.Next;
import app.previsit.dialogue.PatientInput;
import app.previsit.nlu.Analysis;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.telegram.TelegramText;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-turn CPU work without any I/O: one dialogue turn (NLU included), the state codec, a bare
 * classification and the Telegram formatting of a reply. Run (see README, "Micro-benchmarks"):
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main CoreBenchmarks}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBenchmarks {
  private static final List<String> UTTERANCES = List.of(
      "my knee has been swollen for 3 weeks", "do I need a scan?", "I read online that it could be gout",
      "I want to walk the dog again", "I'd rather not take more tablets", "I'm on ramipril 5mg",
      "no chest pain, just a cough", "what is this for?", "that's everything", "crushing pain in my chest");

  private Dialogue dialogue;
  private OpenNlpUnderstanding nlu;
  private Conversation atAgenda;
  private String finishedJson;
  private String longReply;
  private int i;

  @Setup
  public void setUp() {
    nlu = OpenNlpUnderstanding.shared();
    dialogue = new Dialogue(nlu, Messages.defaults(), OpenNlpUnderstanding.CONFIDENCE_THRESHOLD);
    Instant t = Instant.parse("2026-12-01T09:00:00Z");
    Next n = dialogue.start("Sam", t);
    atAgenda = dialogue.update(n.conversation(), new PatientInput.Button("Let's start"), t).conversation();
    Conversation c = atAgenda;
    for (String s : List.of("my knee has been swollen for 3 weeks", "7", "maybe arthritis", "an operation", "a scan",
        "No, that's all", "I read on https://www.nhs.uk/conditions/gout/ that it could be gout", "No, that's all",
        "do I need a blood test?", "No more questions", "I want to walk the dog again", "That's all",
        "Let's decide together", "No, nothing", "I take ramipril 5mg", "That's all")) {
      c = dialogue.update(c, new PatientInput.Text(s), t).conversation();
    }
    finishedJson = ConversationCodec.toJson(c);
    longReply = "Sentence one is here & <there>. ".repeat(200);
  }

  /** One patient turn at the agenda question: transcript line, NLU, safety net, stage logic, replies. */
  @Benchmark
  public Next dialogueTurn() {
    return dialogue.update(atAgenda, new PatientInput.Text(UTTERANCES.get(i++ % UTTERANCES.size())), Instant.EPOCH);
  }

  /** What the classify command does per line. */
  @Benchmark
  public Analysis classify() {
    return nlu.analyse(UTTERANCES.get(i++ % UTTERANCES.size()));
  }

  /** Reading and writing a whole conversation's state (the stored form of a nearly finished one). */
  @Benchmark
  public String stateRoundTrip() {
    return ConversationCodec.toJson(ConversationCodec.fromJson(finishedJson));
  }

  /** A 6,400-character reply escaped for HTML parse mode and split below Telegram's limit. */
  @Benchmark
  public int telegramFormat() {
    int n = 0;
    for (String piece : TelegramText.split(longReply, TelegramText.MAX_CHARS)) n += TelegramText.html(piece).length();
    return n;
  }
}
