package app.previsit.cli;

import app.previsit.config.Config;
import app.previsit.store.redis.KeyMigration;
import app.previsit.store.redis.RedisStores;
import java.util.List;
import java.util.Set;

/** {@code migrate-keys}: moves an earlier release's Redis data into this release's key layout, once. */
public final class MigrateKeysCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of(), Set.of());
    if (!args.positional().isEmpty()) throw new UsageException("takes no arguments");
    Config config = Config.fromEnvironment();
    if (config.redisUrl().isEmpty()) throw new UsageException("REDIS_URL is not set: there is nothing to migrate");
    RedisStores stores = RedisStores.open(config.redisUrl().get(), config);
    try {
      KeyMigration.Result r = new KeyMigration(stores).run();
      System.err.printf("previsit migrate-keys: moved %d keys and %d queued Telegram updates into key layout 2%n",
          r.keysMoved(), r.inboxUpdatesMoved());
      if (r.conflicts() > 0) {
        System.err.printf("previsit migrate-keys: %d old keys were left where they are: their new names hold other data "
            + "(was an instance of an earlier release still running?); nothing was overwritten%n", r.conflicts());
        return 1;
      }
      return 0;
    } finally {
      stores.close();
    }
  }

  @Override
  public String usage() {
    return """
        usage: migrate-keys
          Moves the Redis data REDIS_URL holds from an earlier release's key layout into this
          release's (hash-tagged keys, needed for Redis Cluster), keeping every expiry. Stop every
          Previsit instance first; run it once (running it again is harmless). `serve` refuses to
          start on data in the old layout until this has run.""";
  }
}
