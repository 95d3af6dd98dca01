package io.flussjava.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

  @Test
  void keysCoverTheWholeRangeAndResolveById() {
    assertThat(ApiKey.count()).isEqualTo(60);
    for (ApiKey key : ApiKey.values()) {
      assertThat(ApiKey.forId(key.id())).isSameAs(key);
    }
    assertThat(ApiKey.forId(999)).isNull();
    assertThat(ApiKey.forId(1060)).isNull();
    assertThat(ApiKey.API_VERSIONS.id()).isEqualTo((short) 1000);
    assertThat(ApiKey.GET_METADATA.id()).isEqualTo((short) 1012);
    assertThat(ApiKey.AUTHENTICATE.id()).isEqualTo((short) 1038);
    assertThat(ApiKey.GET_TABLE_STATS.id()).isEqualTo((short) 1059);
  }

  @Test
  void onlyKvApisHaveVersionOne() {
    for (ApiKey key : ApiKey.values()) {
      boolean kv = key == ApiKey.PUT_KV || key == ApiKey.LOOKUP || key == ApiKey.PREFIX_LOOKUP;
      assertThat(key.clientMaxVersion()).as(key.name()).isEqualTo((short) (kv ? 1 : 0));
    }
  }

  @Test
  void methodsHaveReadableNames() {
    assertThat(ApiMethods.CREATE_DATABASE.displayName()).isEqualTo("CreateDatabase");
    assertThat(ApiMethods.GET_METADATA.apiKey()).isEqualTo(ApiKey.GET_METADATA);
    assertThat(ApiMethods.PUT_KV.toString()).isEqualTo("PutKv");
  }

  @Test
  void serverNodeDescribesItself() {
    ServerNode tablet = new ServerNode(0, "127.0.0.1", 29124, ServerType.TABLET_SERVER);
    assertThat(tablet).hasToString("tablet-server 0 @ 127.0.0.1:29124");
    assertThat(new ServerNode(3, "h", 1, ServerType.COORDINATOR))
        .hasToString("coordinator 3 @ h:1");
    assertThat(new ServerNode(ServerNode.UNKNOWN_ID, "localhost", 9123, ServerType.UNKNOWN))
        .hasToString("server @ localhost:9123");
    assertThat(tablet).isEqualTo(new ServerNode(0, "127.0.0.1", 29124, ServerType.TABLET_SERVER));
    assertThat(tablet.hashCode())
        .isEqualTo(new ServerNode(0, "127.0.0.1", 29124, ServerType.TABLET_SERVER).hashCode());
    assertThat(tablet)
        .isNotEqualTo(new ServerNode(1, "127.0.0.1", 29124, ServerType.TABLET_SERVER));
  }
}
