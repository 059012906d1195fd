package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Everyday talk about medicines, the commonest thing a GP's patients write about: "my husband takes his tablets
 * every morning" raised the overdose alarm until the fifth session of 2026-12-07 (the concepts read any relative
 * taking tablets as a poisoning, any "all my tablets" as an overdose, "20 minutes" as 20 tablets). 320 lines by a
 * helper who read nothing of ours; the developer read about 40 of them while fixing it, so this is a regression
 * guard, not a blind figure (that is `intents/test/blind4/`). The build before the fix alarmed on 51, after it 22.
 */
class OrdinaryMedicineTalkTest {
  @Test
  void ordinaryMedicineTalkRaisesFewAlarms() throws Exception {
    List<String> lines = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/nlu/ordinary-medicines.tsv")) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) continue;
        lines.add(l.substring(l.indexOf('\t') + 1));
      }
    }
    assertEquals(320, lines.size());
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    List<String> alarmed = new ArrayList<>();
    for (String l : lines) if (nlu.analyse(l).redFlag()) alarmed.add(l);
    assertTrue(alarmed.size() <= 22, alarmed.size() + " alarmed: " + alarmed);
  }
}
