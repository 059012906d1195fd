package app.previsit.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.GetFile;

/**
 * Fetches a file a patient sent (a photo or PDF of a printout) so a clinician can see it. The
 * library's own download ignores a custom API URL, so this asks getFile for the path and downloads
 * {@code <api>/file/bot<token>/<path>} itself. Nothing is stored: the file stays with Telegram.
 */
public final class TelegramFiles {
  /** The Bot API serves files up to 20 MB; anything claiming more is refused. */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final Map<String, String> TYPES = Map.of(
      "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif",
      "pdf", "application/pdf");

  /** A downloaded file; {@code inline} is true for images and PDFs a browser can show safely. */
  public record Download(Buffer bytes, String contentType, boolean inline) {}

  private final TelegramCalls calls;
  private final String apiUrl;
  private final String token;
  private final HttpClientAgent http;

  TelegramFiles(Vertx vertx, TelegramCalls calls, String apiUrl, String token) {
    this.calls = calls;
    this.apiUrl = apiUrl;
    this.token = token;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setIdleTimeout(30));
  }

  public Future<Download> fetch(String fileId) {
    return calls.call(GetFile.builder().fileId(fileId).build()).compose(file -> {
      String path = file.getFilePath();
      if (path == null || path.contains("..")) return Future.failedFuture(new IllegalStateException("no file path"));
      if (file.getFileSize() != null && file.getFileSize() > MAX_BYTES) {
        return Future.failedFuture(new IllegalStateException("file too large"));
      }
      String type = TYPES.getOrDefault(extension(path), "application/octet-stream");
      RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(apiUrl + "/file/bot" + token + "/" + path)
          .setTimeout(30_000);
      return http.request(get).compose(req -> req.send()).compose(resp -> {
        if (resp.statusCode() != 200) return Future.failedFuture(new IllegalStateException("file download " + resp.statusCode()));
        // getFile may not give the size: the download's own length decides before anything is read.
        String length = resp.getHeader("Content-Length");
        if (length != null && (!length.matches("\\d{1,12}") || Long.parseLong(length) > MAX_BYTES)) {
          return Future.failedFuture(new IllegalStateException("file too large"));
        }
        return resp.body().compose(b -> b.length() > MAX_BYTES
            ? Future.failedFuture(new IllegalStateException("file too large")) : Future.succeededFuture(b));
      }).map(body -> new Download(body, type, !type.equals("application/octet-stream")));
    });
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  void close() {
    http.close();
  }
}
