package io.flussjava.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  @Test
  void codesAreUniqueAndMapBack() {
    Set<Integer> codes = new HashSet<>();
    for (Errors e : Errors.values()) {
      assertThat(codes.add(e.code())).as(e.name()).isTrue();
      assertThat(Errors.forCode(e.code())).isEqualTo(e);
    }
    assertThat(Errors.forCode(63)).isEqualTo(Errors.INVALID_PRODUCER_ID_EXCEPTION);
  }

  @Test
  void typedExceptionsCarryCodeAndName() {
    ApiException e = Errors.exceptionFor(7, "Table 'db.t' does not exist.");
    assertThat(e).isInstanceOf(TableNotExistException.class);
    assertThat(e.errorCode()).isEqualTo(7);
    assertThat(e.errorName()).isEqualTo("TABLE_NOT_EXIST");
    assertThat(e.getMessage()).isEqualTo("[TABLE_NOT_EXIST(7)] Table 'db.t' does not exist.");
    assertThat(e.isRetriable()).isFalse();
    assertThat(Errors.exceptionFor(6, "x")).isInstanceOf(DatabaseAlreadyExistException.class);
    assertThat(Errors.exceptionFor(39, "x")).isInstanceOf(InvalidConfigException.class);
    assertThat(Errors.exceptionFor(46, "x")).isInstanceOf(AuthenticationException.class);
    assertThat(Errors.exceptionFor(41, "x")).isInstanceOf(KvSnapshotNotExistException.class);
    assertThat(Errors.exceptionFor(53, "x")).isInstanceOf(LakeSnapshotNotExistException.class);
    assertThat(Errors.exceptionFor(47, "x")).isInstanceOf(SecurityDisabledException.class);
    assertThat(Errors.exceptionFor(61, "x")).isInstanceOf(RebalanceFailureException.class);
  }

  @Test
  void aRefusedServerConfigChangeIsAnInvalidConfigException() {
    // What the 0.9.1 coordinator sends for alterClusterConfigs of a key that is not dynamic.
    ApiException e =
        Errors.exceptionFor(
            -1,
            "org.apache.fluss.exception.ConfigException: The config key data.dir is not allowed to"
                + " be changed dynamically.");
    assertThat(e).isInstanceOf(InvalidConfigException.class).hasMessageContaining("data.dir");
    assertThat(Errors.exceptionFor(-1, "java.lang.NullPointerException"))
        .isInstanceOf(UnknownServerException.class);
  }

  @Test
  void retriabilityAndStaleMetadataAreTypes() {
    assertThat(Errors.exceptionFor(12, "not leader"))
        .isInstanceOf(NotLeaderOrFollowerException.class)
        .isInstanceOf(InvalidMetadataException.class);
    assertThat(Errors.exceptionFor(44, "x")).isInstanceOf(InvalidMetadataException.class);
    assertThat(Errors.exceptionFor(21, "x")).isInstanceOf(InvalidMetadataException.class);
    assertThat(Errors.exceptionFor(25, "x"))
        .isInstanceOf(RetriableException.class)
        .isNotInstanceOf(InvalidMetadataException.class);
    assertThat(Errors.exceptionFor(29, "x").isRetriable()).isTrue();
    assertThat(Errors.exceptionFor(31, "x").isRetriable()).isFalse();
    for (Errors e : Errors.values()) {
      assertThat(e.exception("m").isRetriable()).as(e.name()).isEqualTo(e.isRetriable());
    }
  }

  @Test
  void unknownCodeKeepsItsNumber() {
    ApiException e = Errors.exceptionFor(999, "");
    assertThat(e.errorCode()).isEqualTo(999);
    assertThat(e.getMessage()).contains("999").contains("no message from server");
    assertThat(e.error()).isEqualTo(Errors.UNKNOWN_SERVER_ERROR);
  }
}
