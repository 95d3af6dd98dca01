package io.flussjava.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import org.junit.jupiter.api.Test;

class TableDescriptorTest {
  private static final Schema PK =
      Schema.newBuilder()
          .column("id", DataTypes.INT())
          .column("dt", DataTypes.STRING())
          .column("v", DataTypes.STRING())
          .primaryKey("id", "dt")
          .build();

  @Test
  void buildsWithDefaultsAndFormats() {
    TableDescriptor d =
        TableDescriptor.builder()
            .schema(PK)
            .partitionedBy("dt")
            .logFormat(LogFormat.INDEXED)
            .build();
    assertThat(d.getBucketCount()).isEmpty();
    assertThat(d.getBucketKeys()).isEmpty();
    assertThat(d.getProperties()).containsEntry("table.log.format", "INDEXED");
    assertThat(d.isPartitioned()).isTrue();
    assertThat(d.toBuilder().build()).isEqualTo(d);
  }

  @Test
  void rejectsInconsistentParts() {
    assertThatThrownBy(() -> TableDescriptor.builder().build()).hasMessageContaining("schema");
    assertThatThrownBy(() -> TableDescriptor.builder().schema(PK).distributedBy(0).build())
        .hasMessageContaining("bucket count must be positive");
    assertThatThrownBy(() -> TableDescriptor.builder().schema(PK).distributedBy(2, "nope").build())
        .hasMessageContaining("bucket key 'nope' is not a column");
    assertThatThrownBy(() -> TableDescriptor.builder().schema(PK).distributedBy(2, "v").build())
        .hasMessageContaining("bucket key 'v' must be a primary-key column");
    assertThatThrownBy(() -> TableDescriptor.builder().schema(PK).partitionedBy("v").build())
        .hasMessageContaining("partition key 'v' must be part of the primary key");
    assertThatThrownBy(
            () ->
                TableDescriptor.builder()
                    .schema(PK)
                    .partitionedBy("dt")
                    .distributedBy(2, "dt")
                    .build())
        .hasMessageContaining("not a partition key");
  }

  @Test
  void tablePathParsesAndValidates() {
    assertThat(TablePath.parse("my_db.users")).isEqualTo(TablePath.of("my_db", "users"));
    assertThat(TablePath.of("a", "b").toString()).isEqualTo("a.b");
    assertThatThrownBy(() -> TablePath.parse("nodot")).hasMessageContaining("database.table");
    assertThatThrownBy(() -> TablePath.parse("a.b.c")).hasMessageContaining("exactly one dot");
    assertThatThrownBy(() -> TablePath.of("bad name", "t"))
        .hasMessageContaining("Invalid database name");
  }
}
