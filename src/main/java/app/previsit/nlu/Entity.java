package app.previsit.nlu;

/**
 * Something exact found in an utterance. {@code type} is one of duration, score, url, site,
 * medicine, body_part; {@code text} is the words as the patient wrote them; {@code value} a
 * normalised form where one exists (a score "7", a medicine's name, a URL), else the text.
 */
public record Entity(String type, String text, String value) {}
