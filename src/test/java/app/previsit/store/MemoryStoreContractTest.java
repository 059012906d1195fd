package app.previsit.store;

import app.previsit.store.memory.MemoryStores;

class MemoryStoreContractTest extends StoreContractTest {
  private final Stores stores = new MemoryStores();

  @Override
  Stores stores() {
    return stores;
  }
}
