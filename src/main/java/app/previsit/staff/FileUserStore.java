package app.previsit.staff;

import app.previsit.store.StaffUser;
import app.previsit.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff accounts in a JSON file (PREVISIT_USERS_FILE): {"users":[{username, passwordHash, role}]}.
 * Read once at start; written atomically (temp file + rename) when accounts change.
 */
public final class FileUserStore implements UserStore {
  private final Path file;
  private final Map<String, StaffUser> users = new ConcurrentHashMap<>();

  public FileUserStore(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        for (Object o : json.getJsonArray("users", new JsonArray())) {
          JsonObject u = (JsonObject) o;
          users.put(u.getString("username"), new StaffUser(u.getString("username"), u.getString("passwordHash"),
              StaffUser.Role.fromJson(u.getString("role"))));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read users file " + file, e);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("users file " + file + " is not valid: " + e.getMessage());
      }
    }
  }

  @Override
  public Future<Optional<StaffUser>> find(String username) {
    return Future.succeededFuture(Optional.ofNullable(users.get(username)));
  }

  @Override
  public synchronized Future<Void> put(StaffUser user) {
    users.put(user.username(), user);
    return save();
  }

  @Override
  public Future<List<StaffUser>> all() {
    return Future.succeededFuture(new ArrayList<>(users.values()).stream()
        .sorted(Comparator.comparing(StaffUser::username)).toList());
  }

  @Override
  public synchronized Future<Boolean> delete(String username) {
    boolean removed = users.remove(username) != null;
    return save().map(removed);
  }

  private Future<Void> save() {
    JsonArray list = new JsonArray();
    users.values().stream().sorted(Comparator.comparing(StaffUser::username)).forEach(u -> list.add(new JsonObject()
        .put("username", u.username()).put("passwordHash", u.passwordHash()).put("role", u.role().json())));
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".users", ".json");
      Files.writeString(tmp, new JsonObject().put("users", list).encodePrettily() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Future.succeededFuture();
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
  }
}
