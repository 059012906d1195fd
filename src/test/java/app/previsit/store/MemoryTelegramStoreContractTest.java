package app.previsit.store;

import app.previsit.store.memory.MemoryStores;

class MemoryTelegramStoreContractTest extends TelegramStoreContractTest {
  private final TelegramStore store = new MemoryStores().telegram();

  @Override
  TelegramStore store() {
    return store;
  }
}
