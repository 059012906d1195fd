package app.previsit.store.redis;

import app.previsit.store.AuditEvent;
import app.previsit.store.AuditLog;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The audit trail as Redis Streams, one set of {@link #SHARDS} streams per day (UTC):
 * {@code previsit:audit:2026-12-07:0} … {@code :3}. A write goes to one shard of its day, so that no single key
 * takes every write (and on a Cluster the shards sit in different slots); each day's streams expire a retention
 * period after the day ends (PREVISIT_AUDIT_DAYS), and nothing is ever trimmed by count. An export reads the
 * days of its range, shard by shard, and hands the events over oldest first.
 *
 * <p>Events written by releases before this one sit in the list {@code previsit:audit} (at most 100,000); they
 * are read too, by {@link #recent} and {@link #export}.
 */
final class RedisAuditLog implements AuditLog {
  static final int SHARDS = 4;
  /** How far back {@link #recent} looks for days with events before it settles for fewer. */
  private static final int RECENT_DAYS = 92;
  /** KEYS[1] the day's shard; ARGV at, actor, action, target, expire-at (unix seconds). */
  private static final String ADD = """
      redis.call('XADD', KEYS[1], '*', 'at', ARGV[1], 'actor', ARGV[2], 'action', ARGV[3], 'target', ARGV[4])
      redis.call('EXPIREAT', KEYS[1], ARGV[5])
      return 1""";

  private final RedisStores redis;
  private final Duration retention;

  RedisAuditLog(RedisStores redis, Duration retention) {
    this.redis = redis;
    this.retention = retention;
  }

  static String key(LocalDate day, int shard) {
    return RedisKeys.PREFIX + "audit:" + day + ":" + shard;
  }

  @Override
  public Future<Void> record(AuditEvent e) {
    LocalDate day = e.at().atOffset(ZoneOffset.UTC).toLocalDate();
    long expireAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(retention).getEpochSecond();
    String[] keys = {key(day, ThreadLocalRandom.current().nextInt(SHARDS))};
    String[] args = {e.at().toString(), nonNull(e.actor()), nonNull(e.action()), nonNull(e.target()), Long.toString(expireAt)};
    return redis.call(() -> redis.redis().<Long>eval(ADD, ScriptOutputType.INTEGER, keys, args)).mapEmpty();
  }

  @Override
  public Future<List<AuditEvent>> recent(int limit) {
    return recentFrom(LocalDate.now(ZoneOffset.UTC), 0, limit, new ArrayList<>());
  }

  private Future<List<AuditEvent>> recentFrom(LocalDate day, int daysBack, int limit, List<AuditEvent> found) {
    if (found.size() >= limit || daysBack > RECENT_DAYS) {
      return legacy(limit).map(old -> {
        List<AuditEvent> all = new ArrayList<>(found);
        if (all.size() < limit) all.addAll(old);
        all.sort(Comparator.comparing(AuditEvent::at).reversed());
        return all.subList(0, Math.min(limit, all.size()));
      });
    }
    String[] keys = new String[SHARDS];
    for (int s = 0; s < SHARDS; s++) keys[s] = key(day, s);
    // A day without streams costs one EXISTS, not four reads (most of the days looked back over are empty).
    return redis.call(() -> redis.redis().exists(keys)).compose(present -> present == 0
        ? recentFrom(day.minusDays(1), daysBack + 1, limit, found) : recentOf(day, keys, daysBack, limit, found));
  }

  private Future<List<AuditEvent>> recentOf(LocalDate day, String[] keys, int daysBack, int limit, List<AuditEvent> found) {
    List<Future<List<StreamMessage<String, String>>>> shards = new ArrayList<>();
    for (String k : keys) {
      shards.add(redis.call(() -> redis.redis().xrevrange(k, Range.create("-", "+"), io.lettuce.core.Limit.from(limit))));
    }
    return Future.all(shards).compose(all -> {
      List<AuditEvent> dayEvents = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) for (StreamMessage<String, String> m : all.<List<StreamMessage<String, String>>>resultAt(s)) dayEvents.add(event(m.getBody()));
      dayEvents.sort(Comparator.comparing(AuditEvent::at).reversed());
      found.addAll(dayEvents.subList(0, Math.min(dayEvents.size(), limit - found.size())));
      return recentFrom(day.minusDays(1), daysBack + 1, limit, found);
    });
  }

  @Override
  public Future<Void> export(Instant from, Instant to, java.util.function.BooleanSupplier stopped,
      Function<List<AuditEvent>, Future<Void>> page) {
    if (!from.isBefore(to)) return Future.succeededFuture();
    // Nothing is kept from before the retention period: the range starts there at the earliest.
    Instant kept = Instant.now().minus(retention).minus(Duration.ofDays(1));
    Instant start = from.isBefore(kept) ? kept : from;
    Instant end = to.isAfter(Instant.now().plus(Duration.ofDays(1))) ? Instant.now().plus(Duration.ofDays(1)) : to;
    if (!start.isBefore(end)) return Future.succeededFuture();
    LocalDate first = start.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate last = end.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
    // Events of the old list are merged into their days, so that the whole export is oldest first.
    return legacy(-1).compose(old -> {
      Map<LocalDate, List<AuditEvent>> oldByDay = new java.util.HashMap<>();
      for (AuditEvent e : old) {
        if (!e.at().isBefore(from) && e.at().isBefore(to)) {
          oldByDay.computeIfAbsent(e.at().atOffset(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(e);
        }
      }
      return exportDays(first, last, from, to, oldByDay, stopped, page);
    });
  }

  /**
   * One day at a time: a day without streams costs one EXISTS; a day's shards are read whole, merged with
   * that day's events from the old list, sorted by time and handed over in pages.
   */
  private Future<Void> exportDays(LocalDate day, LocalDate last, Instant from, Instant to,
      Map<LocalDate, List<AuditEvent>> oldByDay, java.util.function.BooleanSupplier stopped,
      Function<List<AuditEvent>, Future<Void>> page) {
    if (day.isAfter(last)) return Future.succeededFuture();
    if (stopped.getAsBoolean()) return Future.failedFuture("export stopped");
    String[] keys = new String[SHARDS];
    for (int s = 0; s < SHARDS; s++) keys[s] = key(day, s);
    return redis.call(() -> redis.redis().exists(keys)).compose(present -> {
      if (present == 0 && !oldByDay.containsKey(day)) return Future.<Void>succeededFuture();
      List<Future<List<AuditEvent>>> shards = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) shards.add(readShard(keys[s], "-", new ArrayList<>()));
      return Future.all(shards).compose(all -> {
        List<AuditEvent> events = new ArrayList<>(oldByDay.getOrDefault(day, List.of()));
        for (int s = 0; s < SHARDS; s++) events.addAll(all.<List<AuditEvent>>resultAt(s));
        List<AuditEvent> inRange = events.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
            .sorted(Comparator.comparing(AuditEvent::at)).toList();
        return AuditLog.inPages(inRange, page);
      });
    }).compose(v -> exportDays(day.plusDays(1), last, from, to, oldByDay, stopped, page));
  }

  private Future<List<AuditEvent>> readShard(String key, String after, List<AuditEvent> into) {
    Range<String> range = Range.from(after.equals("-") ? Range.Boundary.unbounded() : Range.Boundary.excluding(after),
        Range.Boundary.unbounded());
    return redis.call(() -> redis.redis().xrange(key, range, io.lettuce.core.Limit.from(PAGE))).compose(messages -> {
      for (StreamMessage<String, String> m : messages) into.add(event(m.getBody()));
      if (messages.size() < PAGE) return Future.succeededFuture(into);
      return readShard(key, messages.get(messages.size() - 1).getId(), into);
    });
  }

  /** The newest {@code limit} (-1: all) of the list earlier releases wrote (newest first, at most 100,000). */
  private Future<List<AuditEvent>> legacy(int limit) {
    return redis.call(() -> redis.redis().lrange(RedisKeys.audit(), 0, limit < 0 ? -1 : limit - 1)).map(list -> list.stream().map(s -> {
      JsonObject j = new JsonObject(s);
      return new AuditEvent(Instant.parse(j.getString("at")), j.getString("actor"), j.getString("action"), j.getString("target"));
    }).toList());
  }

  private static AuditEvent event(Map<String, String> body) {
    return new AuditEvent(Instant.parse(body.get("at")), blankToNull(body.get("actor")), blankToNull(body.get("action")),
        blankToNull(body.get("target")));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
