package io.flussjava.client.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMappingTest {
  private static final Schema V1 = SchemaVersions.V1;
  private static final Schema V2 = SchemaVersions.V2;

  @Test
  void anOlderRowReadsTheAddedColumnAsNull() {
    SchemaMapping m = SchemaMapping.of(V2, null, V1);
    assertThat(m.sourcePositions()).containsExactly(0, 1, -1);
    assertThat(m.isComplete()).isFalse();
    assertThat(Arrays.asList(m.pick(new Object[] {1, "a"}))).containsExactly(1, "a", null);
  }

  @Test
  void aNewerRowLosesTheColumnTheReaderDoesNotKnow() {
    SchemaMapping m = SchemaMapping.of(V1, null, V2);
    assertThat(m.sourcePositions()).containsExactly(0, 1);
    assertThat(m.pick(new Object[] {1, "a", "a@x"})).containsExactly(1, "a");
  }

  @Test
  void aProjectionIsMappedByColumnAndExpandedInItsOrder() {
    SchemaMapping m = SchemaMapping.of(V2, new int[] {2, 0}, V1);
    assertThat(m.sourcePositions()).containsExactly(-1, 0);
    assertThat(m.presentSourcePositions()).containsExactly(0);
    assertThat(Arrays.asList(m.expand(new Object[] {7}))).containsExactly(null, 7);
  }

  @Test
  void columnsAreMatchedByIdNotByName() {
    // A column dropped and another added under its name would be a different column (new id).
    Schema renamed =
        Schema.newBuilder()
            .fromColumns(
                List.of(
                    V1.getColumns().get(0), new Schema.Column("name", DataTypes.STRING(), null, 5)))
            .build();
    assertThat(SchemaMapping.of(renamed, null, V1).sourcePositions()).containsExactly(0, -1);
  }

  @Test
  void theSameSchemaMapsToItself() {
    SchemaMapping m = SchemaMapping.of(V2, null, V2);
    assertThat(m.isComplete()).isTrue();
    Object[] row = {1, "a", "e"};
    assertThat(m.expand(row)).isSameAs(row);
  }
}
