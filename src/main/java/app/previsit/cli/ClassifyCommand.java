package app.previsit.cli;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Entity;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.nlu.Part;
import app.previsit.nlu.Understanding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code classify}: one utterance per stdin line, one JSON object per stdout line, same order. */
public final class ClassifyCommand implements Command {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public int run(List<String> argv) throws IOException {
    Args.parse(argv, Set.of(), Set.of());
    Understanding nlu = OpenNlpUnderstanding.shared();
    // Invalid UTF-8 becomes U+FFFD instead of an exception: every line gets its answer.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, decoder), 1 << 16);
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    // One generator for the whole stream: a root value separator of "\n" puts each object on its own line.
    JsonGenerator g = JSON.createGenerator(out).setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    boolean any = false;
    for (String line; (line = in.readLine()) != null; ) {
      write(g, nlu.analyse(line));
      any = true;
    }
    if (any) g.writeRaw('\n');
    g.flush();
    return 0;
  }

  static void write(JsonGenerator g, Analysis a) throws IOException {
    g.writeStartObject();
    g.writeStringField("text", a.text());
    g.writeStringField("intent", a.intent().label());
    g.writeNumberField("confidence", Math.round(a.confidence() * 1000) / 1000.0);
    g.writeBooleanField("redFlag", a.redFlag());
    g.writeStringField("redFlagCategory", a.redFlagCategory());
    g.writeArrayFieldStart("entities");
    for (Entity e : a.entities()) {
      g.writeStartObject();
      g.writeStringField("type", e.type());
      g.writeStringField("text", e.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    // Added field: the message's parts (sentences, clauses), each with its own intent and verdict.
    g.writeArrayFieldStart("parts");
    for (Part p : a.parts()) {
      g.writeStartObject();
      g.writeStringField("text", p.text());
      g.writeStringField("intent", p.intent().label());
      g.writeNumberField("confidence", Math.round(p.confidence() * 1000) / 1000.0);
      g.writeBooleanField("redFlag", p.redFlag());
      g.writeStringField("redFlagCategory", p.redFlagCategory());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  @Override
  public String usage() {
    return """
        usage: classify < utterances.txt
          Reads one utterance per line from stdin and writes one JSON object per line:
          {"text":…,"intent":…,"confidence":0.93,"redFlag":false,"redFlagCategory":null,"entities":[…],"parts":[…]}""";
  }
}
