package app.previsit.telegram;

import app.previsit.dialogue.PatientInput;
import app.previsit.printout.ReadingQueue;
import io.vertx.core.Future;

/**
 * A photo or document sent in Telegram, read as a printout: fetched from Telegram, read on the OCR queue and
 * handed to the conversation with what it says. The file itself stays with Telegram (the reference kept is its
 * file id; the GP's page fetches it again). When it cannot be fetched or read (Telegram slow, the queue full, a
 * file that is no photo or PDF) it is kept all the same, unread, as before.
 */
final class TelegramPrintouts {
  private final TelegramFiles files;
  private final ReadingQueue queue;

  TelegramPrintouts(TelegramFiles files, ReadingQueue queue) {
    this.files = files;
    this.queue = queue;
  }

  Future<PatientInput> read(Incoming in) {
    PatientInput unread = new PatientInput.NonText(in.nonTextKind(), in.fileId());
    boolean printout = ("photo".equals(in.nonTextKind()) || "document".equals(in.nonTextKind())) && in.fileId() != null;
    if (!printout || queue == null) return Future.succeededFuture(unread);
    return files.fetch(in.fileId())
        .compose(file -> queue.read(file.bytes().getBytes()))
        .<PatientInput>map(reading -> new PatientInput.Printout(in.nonTextKind(), in.fileId(), reading.asPage()))
        .otherwise(unread);
  }
}
