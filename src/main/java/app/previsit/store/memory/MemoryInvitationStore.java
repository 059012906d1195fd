package app.previsit.store.memory;

import app.previsit.invitation.Invitation;
import app.previsit.store.InvitationStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
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
  public synchronized Future<Invitation> update(Invitation invitation) {
    Invitation stored = byId.get(invitation.id());
    Invitation next = stored == null ? invitation
        : invitation.withNewLink(stored.token()).withDevices(stored.devices()).withTelegramChat(stored.telegramChatId());
    byId.put(next.id(), next);
    idByToken.put(next.token(), next.id());
    return Future.succeededFuture(next);
  }

  @Override
  public synchronized Future<Boolean> holdLink(String invitationId, String device) {
    Invitation inv = byId.get(invitationId);
    if (inv == null) return Future.succeededFuture(false);
    if (inv.devices().contains(device)) return Future.succeededFuture(true);
    if (inv.linkHeld()) return Future.succeededFuture(false);
    byId.put(invitationId, inv.withDevices(List.of(device)));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Boolean> addDevice(String invitationId, String device) {
    Invitation inv = byId.get(invitationId);
    if (inv == null) return Future.succeededFuture(false);
    if (inv.devices().contains(device)) return Future.succeededFuture(true);
    if (inv.devices().size() >= Invitation.MAX_DEVICES) return Future.succeededFuture(false);
    List<String> held = new ArrayList<>(inv.devices());
    held.add(device);
    byId.put(invitationId, inv.withDevices(held));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Optional<Invitation>> newLink(String invitationId, String newToken) {
    Invitation inv = byId.get(invitationId);
    if (inv == null) return Future.succeededFuture(Optional.empty());
    Invitation fresh = inv.withNewLink(newToken);
    idByToken.remove(inv.token());
    if (inv.telegramChatId() != null) idByChat.remove(inv.telegramChatId(), invitationId);
    idByToken.put(newToken, invitationId);
    byId.put(invitationId, fresh);
    return Future.succeededFuture(Optional.of(fresh));
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
    if (!inv.devices().isEmpty()) return Future.succeededFuture(false);
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
