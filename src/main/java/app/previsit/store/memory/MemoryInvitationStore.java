package app.previsit.store.memory;

import app.previsit.invitation.Invitation;
import app.previsit.store.InvitationStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Invitations in process memory; lost on restart. */
public final class MemoryInvitationStore implements InvitationStore {
  private final Map<String, Invitation> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByToken = new ConcurrentHashMap<>();
  private final Map<Long, String> idByChat = new ConcurrentHashMap<>();

  @Override
  public Future<Invitation> create(Invitation invitation) {
    if (byId.putIfAbsent(invitation.id(), invitation) != null) {
      return Future.failedFuture(new IllegalStateException("invitation id already exists"));
    }
    idByToken.put(invitation.token(), invitation.id());
    return Future.succeededFuture(invitation);
  }

  @Override
  public Future<Invitation> update(Invitation invitation) {
    byId.put(invitation.id(), invitation);
    idByToken.put(invitation.token(), invitation.id());
    return Future.succeededFuture(invitation);
  }

  @Override
  public Future<Optional<Invitation>> byId(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public Future<Optional<Invitation>> byToken(String token) {
    String id = idByToken.get(token);
    return Future.succeededFuture(id == null ? Optional.empty() : Optional.ofNullable(byId.get(id)));
  }

  @Override
  public Future<List<Invitation>> byDate(LocalDate date) {
    return Future.succeededFuture(byId.values().stream()
        .filter(i -> i.appointmentAt().toLocalDate().equals(date))
        .sorted(Comparator.comparing(Invitation::appointmentAt).thenComparing(Invitation::patientName))
        .toList());
  }

  @Override
  public synchronized Future<Boolean> bindTelegramChat(String invitationId, long chatId) {
    Invitation inv = byId.get(invitationId);
    if (inv == null) return Future.succeededFuture(false);
    if (inv.telegramChatId() != null && inv.telegramChatId() != chatId) return Future.succeededFuture(false);
    byId.put(invitationId, inv.withTelegramChat(chatId));
    idByChat.put(chatId, invitationId);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Optional<Invitation>> byTelegramChat(long chatId) {
    String id = idByChat.get(chatId);
    return Future.succeededFuture(id == null ? Optional.empty() : Optional.ofNullable(byId.get(id)));
  }

  @Override
  public Future<Void> delete(String id) {
    Invitation inv = byId.remove(id);
    if (inv != null) {
      idByToken.remove(inv.token());
      idByChat.values().removeIf(v -> Objects.equals(v, id));
    }
    return Future.succeededFuture();
  }
}
