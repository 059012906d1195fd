package app.previsit.store;

import app.previsit.config.Config;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTelegramStoreContractTest extends TelegramStoreContractTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();
  static RedisStores stores;

  @BeforeAll
  static void connect() {
    stores = RedisStores.connect(REDIS.uri(), Config.from(Map.of()));
  }

  @AfterAll
  static void close() {
    stores.close();
  }

  @Override
  TelegramStore store() {
    return stores.telegram();
  }
}
