package app.previsit.web.chat;

import app.previsit.conversation.Turn;
import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import app.previsit.printout.FileType;
import app.previsit.printout.PrintoutReading;
import app.previsit.printout.PrintoutRefused;
import app.previsit.printout.ReadingQueue;
import app.previsit.server.Services;
import app.previsit.web.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /chat/api/{token}/attachments}: a photo or PDF of a printout, {@code multipart/form-data} with one
 * part named {@code file} (and optionally {@code id}, the client's message id, reused on a retry). The file is
 * taken into memory (never onto disk), at most {@link #MAX_BYTES}; read on the OCR queue; the copy without
 * metadata kept with the conversation; then it goes to the conversation as a printout and the answer is a
 * message's answer. Full queue: 503 with Retry-After, and the patient's typed messages are never held up.
 */
final class AttachmentRoutes {
  static final long MAX_BYTES = 15L * 1024 * 1024;
  /** Multipart headers and the id part on top of the file. */
  private static final long ENVELOPE = 64 * 1024;
  static final String TOO_BIG = "That file is too big. Please send a photo or PDF under 15 MB.";
  static final String NOT_A_PRINTOUT = "Please send a photo (JPEG or PNG) or a PDF of the printout.";
  static final String HEIC = "This phone photo is in HEIC format, which I can't open. Please send it as a JPEG (on an iPhone: "
      + "Settings > Camera > Formats > Most Compatible), or send a screenshot of it.";
  static final String BROKEN = "That file could not be opened. Please take the photo again, or send a screenshot of it.";
  static final String BUSY = "I'm reading a lot of printouts just now. Please try again in a moment.";
  static final String ONE_AT_A_TIME = "Your last file is still being read. Please wait for its answer, then send the next.";
  /** Files one conversation keeps at most: a patient's armful of printouts, not an archive. */
  static final int PER_CONVERSATION = 10;
  static final String ENOUGH = "You've already sent " + PER_CONVERSATION + " files. Please bring any others to your appointment.";
  /** Long enough for a phone photo over a slow connection, then the queue and OCR. */
  static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(120);

  private final Services services;
  private final ReadingQueue queue;
  private final Function<RoutingContext, Future<Optional<Invitation>>> invitation;

  AttachmentRoutes(Services services, Function<RoutingContext, Future<Optional<Invitation>>> invitation) {
    this.services = services;
    this.queue = services.printouts();
    this.invitation = invitation;
  }

  void upload(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    app.previsit.web.RequestDeadline.extend(ctx, DEADLINE);
    String length = req.getHeader("Content-Length");
    long declared = length == null ? -1 : parses(length);
    if (declared > MAX_BYTES + ENVELOPE) {
      ctx.response().putHeader("Connection", "close");
      HttpErrors.send(ctx, 413, TOO_BIG);
      return;
    }
    String type = req.getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      HttpErrors.send(ctx, 400, "send the file as multipart/form-data with a part named 'file'");
      return;
    }
    // Nothing of the body is read before the link is known to be this patient's, the conversation can take one
    // more file, and the memory for it is set aside.
    req.pause();
    invitation.apply(ctx).onComplete(found -> {
      if (found.failed() || found.result().isEmpty() || ctx.response().ended()) return; // answered already
      Invitation inv = found.result().get();
      services.stores().attachments().count(inv.id()).onComplete(kept -> {
        if (ctx.response().ended()) return;
        if (kept.failed()) {
          ctx.fail(kept.cause());
          return;
        }
        if (kept.result() >= PER_CONVERSATION) {
          refuseUnread(ctx, 409, ENOUGH);
          return;
        }
        if (!queue.claim(inv.id())) {
          refuseUnread(ctx, 409, ONE_AT_A_TIME);
          return;
        }
        long budget = declared > 0 ? declared : MAX_BYTES + ENVELOPE;
        if (!queue.reserve(budget)) {
          queue.unclaim(inv.id());
          ctx.response().putHeader("Retry-After", "10");
          refuseUnread(ctx, 503, BUSY);
          return;
        }
        ctx.addEndHandler(done -> {
          queue.release(budget);
          queue.unclaim(inv.id());
        });
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) ctx.response().writeContinue();
        receive(ctx, inv);
      });
    });
  }

  /** An answer before the body was read: the connection is closed after it, so the unread body goes nowhere. */
  private static void refuseUnread(RoutingContext ctx, int status, String message) {
    ctx.response().putHeader("Connection", "close");
    HttpErrors.send(ctx, status, message);
  }

  private void receive(RoutingContext ctx, Invitation inv) {
    HttpServerRequest req = ctx.request();
    Buffer file = Buffer.buffer();
    boolean[] sawFile = {false};
    req.setExpectMultipart(true);
    req.uploadHandler(part -> {
      if (!"file".equals(part.name())) {
        part.handler(ignored -> { });
        return;
      }
      if (sawFile[0]) { // one file a message: two would be read as one
        part.handler(ignored -> { });
        if (!ctx.response().ended()) HttpErrors.send(ctx, 400, "send one file at a time");
        return;
      }
      sawFile[0] = true;
      part.handler(chunk -> {
        if (ctx.response().ended()) return;
        if (file.length() + chunk.length() > MAX_BYTES) {
          // Said at once, and the connection closed: the rest of an oversized body is not read.
          ctx.response().putHeader("Connection", "close");
          HttpErrors.send(ctx, 413, TOO_BIG);
          req.connection().close();
          return;
        }
        file.appendBuffer(chunk);
      });
    });
    req.exceptionHandler(e -> {
      if (!ctx.response().ended()) HttpErrors.send(ctx, 400, "the upload did not arrive whole; please try again");
    });
    req.endHandler(v -> {
      if (ctx.response().ended()) return;
      if (!sawFile[0] || file.length() == 0) {
        HttpErrors.send(ctx, 400, "a part named 'file' with the photo or PDF is required");
      } else {
        read(ctx, inv, file.getBytes(), req.getFormAttribute("id"));
      }
    });
    req.resume();
  }

  private void read(RoutingContext ctx, Invitation inv, byte[] bytes, String clientId) {
    FileType type = FileType.of(bytes);
    if (type == FileType.HEIC) {
      HttpErrors.send(ctx, 415, HEIC);
      return;
    }
    if (!type.accepted()) {
      HttpErrors.send(ctx, 415, NOT_A_PRINTOUT);
      return;
    }
    String id = clientId != null && !clientId.isBlank() ? clientId : ctx.request().getHeader("Idempotency-Key");
    String messageId = id == null ? null : "web:" + (id.length() > 100 ? id.substring(0, 100) : id);
    // The same message sent again keeps the same file name: the first file kept stays (a retry adds nothing).
    String attachmentId = messageId == null ? app.previsit.invitation.Tokens.id() : digest(messageId);
    String ref = "upload:" + attachmentId;
    services.conversations().section(inv).compose(section -> {
      if (section.isPresent() && (section.get().equals("done") || section.get().equals("erased"))) {
        // Too late to add anything: the conversation says so, and nothing is read or kept.
        return services.conversations().handle(inv, new PatientInput.Printout(type.kind, null, null), messageId);
      }
      return services.stores().attachments().get(inv.id(), attachmentId).compose(earlier -> earlier.isPresent()
          // Sent before and kept: the conversation answers the repeat as it answered the first.
          ? services.conversations().handle(inv, new PatientInput.Printout(type.kind, ref, null), messageId)
          : queue.read(bytes)
              .compose(reading -> keep(inv, attachmentId, reading).map(reading))
              .compose(reading -> services.conversations().handle(inv,
                  new PatientInput.Printout(type.kind, ref, reading.asPage()), messageId)));
    }).onSuccess(turn -> json(ctx, turn)).onFailure(e -> failed(ctx, e));
  }

  private Future<Void> keep(Invitation inv, String attachmentId, PrintoutReading reading) {
    if (reading.kept() == null) return Future.succeededFuture();
    return services.stores().attachments().put(inv.id(), attachmentId, reading.keptType(), reading.kept(),
        services.conversations().retention(inv));
  }

  private static void json(RoutingContext ctx, Turn turn) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(ChatRoutes.turnJson(turn).encode());
  }

  private static void failed(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended()) return;
    if (e instanceof ReadingQueue.Full || e instanceof java.util.concurrent.TimeoutException) {
      ctx.response().putHeader("Retry-After", "10");
      HttpErrors.send(ctx, 503, BUSY);
    } else if (e instanceof PrintoutRefused r) {
      switch (r.why()) {
        case TOO_BIG -> HttpErrors.send(ctx, 413, TOO_BIG);
        case UNSUPPORTED -> HttpErrors.send(ctx, 415, NOT_A_PRINTOUT);
        default -> HttpErrors.send(ctx, 422, BROKEN);
      }
    } else {
      ctx.fail(e);
    }
  }

  private static long parses(String n) {
    try {
      return Long.parseLong(n.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
