package app.previsit.web;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.printout.PrintedPages;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web chat's upload of a printout, through the real server (memory store, real OCR): read, said back,
 * kept without metadata for the GP and audited when viewed, applied once when retried, refused clearly when
 * too big or not a printout, and erased by "forget me".
 */
class PrintoutUploadTest {
  static RunningServer app;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static byte[] photo;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
    photo = PrintedPages.withExif(PrintedPages.sciaticaPhoto(), 1);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  /** A chat at the question about what they have read. */
  static Invitation atResearch(String name) throws Exception {
    Invitation inv = app.invite(name);
    String api = "/chat/api/" + inv.token() + "/messages";
    app.send("POST", api, null, "{\"button\":\"Let's start\"}");
    app.send("POST", api, null, "{\"button\":\"None of these\"}");
    app.send("POST", api, null, "{\"text\":\"pain down the back of my leg for a month\"}");
    for (int i = 0; i < 8; i++) {
      var r = new JsonObject(app.send("POST", api, null, "{\"text\":\"/skip\"}").body());
      if (r.encode().contains("read, watched or printed")) return inv;
    }
    throw new AssertionError("never reached the research question");
  }

  static HttpResponse<String> upload(Invitation inv, byte[] file, String filename, String id) throws Exception {
    String boundary = "----previsit" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (id != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + id + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(app.base + "/chat/api/" + inv.token() + "/attachments"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", RunningServer.DEVICE_COOKIE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject summary(Invitation inv) throws Exception {
    return await(app.server.services().conversations().summary(inv)).orElseThrow();
  }

  @Test
  void aPhotoOfAPrintoutIsReadSaidBackAndKeptForTheGpWithoutItsMetadata() throws Exception {
    Invitation inv = atResearch("Rhian Upload");
    HttpResponse<String> r = upload(inv, photo, "IMG_2041.jpg", "m-1");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject turn = new JsonObject(r.body());
    String said = turn.getJsonArray("replies").encode();
    assertTrue(said.contains("This looks like an NHS web page, “Sciatica”. Is that right?"), said);
    assertTrue(said.contains("Yes, that's right"), said);

    JsonObject item = summary(inv).getJsonArray("research").getJsonObject(0);
    assertEquals("NHS website", item.getString("source"));
    assertEquals("Sciatica", item.getString("title"));
    assertTrue(item.getString("extractedText").contains("sciatic nerve"), item.encode());
    assertEquals(new JsonArray().add("https://www.nhs.uk/conditions/sciatica/"), item.getJsonArray("sources"));
    String ref = item.getJsonArray("attachments").getString(0);
    assertTrue(ref.startsWith("upload:"), ref);

    String gp = app.login("gp");
    String page = app.send("GET", "/gp/summaries/" + inv.id(), gp, null).body();
    assertTrue(page.contains("Words read from the printout"), "the GP sees the text beside the photo");
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(app.base + "/gp/summaries/" + inv.id() + "/attachments/0"))
        .header("Authorization", "Bearer " + gp).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElse(""));
    assertFalse(new String(file.body(), StandardCharsets.ISO_8859_1).contains("Exif"), "no Exif (and no GPS) kept");
    assertEquals(403, app.send("GET", "/gp/summaries/" + inv.id() + "/attachments/0", app.login("reception"), null).statusCode(),
        "reception never sees clinical content");
    assertTrue(app.send("GET", "/api/audit", app.login("admin"), null).body().contains("view-attachment"));

    // The conversation goes on: yes, then the question about it.
    String api = "/chat/api/" + inv.token() + "/messages";
    assertTrue(app.send("POST", api, null, "{\"button\":\"Yes, that's right\"}").body().contains("What would you like to ask"));
    app.send("POST", api, null, "{\"text\":\"Should I keep walking on it?\"}");
    assertEquals(new JsonArray().add("Should I keep walking on it?"),
        summary(inv).getJsonArray("research").getJsonObject(0).getJsonArray("questions"));
  }

  @Test
  void aRetryWithTheSameMessageIdIsAppliedOnce() throws Exception {
    Invitation inv = atResearch("Sam Retry");
    assertEquals(200, upload(inv, photo, "a.jpg", "same-id").statusCode());
    HttpResponse<String> again = upload(inv, photo, "a.jpg", "same-id");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(1, summary(inv).getJsonArray("research").size());
  }

  @Test
  void filesThatCannotBeKeptAreRefusedWithAClearMessageAndLoseNothing() throws Exception {
    Invitation inv = atResearch("Tess Limits");
    HttpResponse<String> big = upload(inv, new byte[16 * 1024 * 1024], "huge.jpg", null);
    assertEquals(413, big.statusCode());
    assertTrue(big.body().contains("under 15 MB"), big.body());
    HttpResponse<String> gif = upload(inv, "GIF89a-not-a-printout".getBytes(StandardCharsets.US_ASCII), "x.gif", null);
    assertEquals(415, gif.statusCode());
    assertTrue(gif.body().contains("JPEG or PNG"), gif.body());
    byte[] heic = new byte[64];
    System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
    HttpResponse<String> h = upload(inv, heic, "IMG.HEIC", null);
    assertEquals(415, h.statusCode());
    assertTrue(h.body().contains("Most Compatible"), h.body());
    assertEquals(422, upload(inv, "%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII), "x.pdf", null).statusCode());
    assertEquals(400, upload(inv, null, null, "only-an-id").statusCode());
    assertEquals(400, app.send("POST", "/chat/api/" + inv.token() + "/attachments", null, "{\"text\":\"hi\"}").statusCode());
    Invitation nobody = new Invitation("x", "no-such-token-000000000000", "x", inv.appointmentAt(), null, null,
        inv.status(), inv.createdAt(), inv.expiresAt(), null, null, null);
    assertEquals(404, upload(nobody, photo, "a.jpg", null).statusCode());
    assertTrue(summary(inv).getJsonArray("research").isEmpty(), "nothing refused was filed");
    // The chat still works.
    assertEquals(200, app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"No, nothing\"}").statusCode());
  }

  @Test
  void aConversationKeepsAtMostTenFilesAndNothingAfterItsSummaryIsSent() throws Exception {
    Invitation inv = atResearch("Vic Many");
    var store = app.server.services().stores().attachments();
    byte[] small = PrintedPages.jpeg(PrintedPages.sheet("A note", 300, 200), 0.8f);
    for (int i = 0; i < 10; i++) {
      for (int tries = 0; tries < 20; tries++) {
        HttpResponse<String> r = upload(inv, small, "n.jpg", "many-" + i);
        if (r.statusCode() == 200) break;
        assertEquals(409, r.statusCode(), r.body()); // the one before still being read
        Thread.sleep(100);
      }
    }
    assertEquals(10, await(store.count(inv.id())));
    HttpResponse<String> eleventh = upload(inv, small, "n.jpg", "many-10");
    assertEquals(409, eleventh.statusCode());
    assertTrue(eleventh.body().contains("bring any others to your appointment"), eleventh.body());

    Invitation sent = atResearch("Wyn Sent");
    String api = "/chat/api/" + sent.token() + "/messages";
    for (int i = 0; i < 12 && !app.send("POST", api, null, "{\"text\":\"/skip\"}").body().contains("Confirm and send"); i++) {
      // on to the review
    }
    app.send("POST", api, null, "{\"button\":\"Confirm and send to my GP\"}");
    HttpResponse<String> late = upload(sent, photo, "late.jpg", "late-1");
    assertEquals(200, late.statusCode());
    assertTrue(late.body().contains("bring the printout to your appointment"), late.body());
    assertEquals(0, await(store.count(sent.id())), "nothing kept that the GP will never see");
  }

  @Test
  void aRetryWithTheSameIdKeepsTheFirstFile() throws Exception {
    Invitation inv = atResearch("Xan Same");
    assertEquals(200, upload(inv, photo, "a.jpg", "same-file").statusCode());
    String ref = summary(inv).getJsonArray("research").getJsonObject(0).getJsonArray("attachments").getString(0);
    byte[] first = await(app.server.services().stores().attachments().get(inv.id(), ref.substring(7))).orElseThrow().bytes();
    assertEquals(200, upload(inv, PrintedPages.pdfWithText(PrintedPages.NHS_SCIATICA), "b.pdf", "same-file").statusCode());
    byte[] after = await(app.server.services().stores().attachments().get(inv.id(), ref.substring(7))).orElseThrow().bytes();
    org.junit.jupiter.api.Assertions.assertArrayEquals(first, after);
    assertEquals(1, summary(inv).getJsonArray("research").size());
  }

  @Test
  void aPrintoutGoneBackOverIsNotKept() throws Exception {
    Invitation inv = atResearch("Yara Back");
    assertEquals(200, upload(inv, photo, "a.jpg", "back-1").statusCode());
    var store = app.server.services().stores().attachments();
    assertEquals(1, await(store.count(inv.id())));
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"/back\"}");
    assertTrue(summary(inv).getJsonArray("research").isEmpty());
    assertEquals(0, await(store.count(inv.id())), "no answer, and no step back, refers to it any more");
  }

  @Test
  void forgetMeErasesTheUploads() throws Exception {
    Invitation inv = atResearch("Una Forget");
    assertEquals(200, upload(inv, photo, "a.jpg", "f-1").statusCode());
    String ref = summary(inv).getJsonArray("research").getJsonObject(0).getJsonArray("attachments").getString(0);
    String id = ref.substring("upload:".length());
    assertTrue(await(app.server.services().stores().attachments().get(inv.id(), id)).isPresent());
    String api = "/chat/api/" + inv.token() + "/messages";
    app.send("POST", api, null, "{\"text\":\"/forget\"}");
    String answer = app.send("POST", api, null, "{\"button\":\"Yes, delete everything\"}").body();
    assertTrue(answer.contains("deleted"), answer);
    assertTrue(await(app.server.services().stores().attachments().get(inv.id(), id)).isEmpty(), "the photo is gone too");
  }
}
