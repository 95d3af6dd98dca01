package io.flussjava.client.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnOrderTest {
  @Test
  void sameOrderNeedsNoReordering() {
    assertThat(ColumnOrder.of(new int[] {1, 4, 6}, new int[] {1, 4, 6})).isNull();
  }

  @Test
  void reordersInsideTheRowsOwnArray() {
    // Asked: columns 6, 1, 4; the server sends 1, 4, 6.
    ColumnOrder order = ColumnOrder.of(new int[] {6, 1, 4}, new int[] {1, 4, 6});
    Object[] row = {"c1", "c4", "c6"};
    assertThat(order.apply(row)).isSameAs(row).containsExactly("c6", "c1", "c4");
    assertThat(order.sourcePositions()).containsExactly(2, 0, 1);
  }

  @Test
  void handlesSeveralCyclesAndFixedPoints() {
    int[] asked = {3, 2, 1, 0, 4, 7, 5, 6};
    int[] sorted = {0, 1, 2, 3, 4, 5, 6, 7};
    ColumnOrder order = ColumnOrder.of(asked, sorted);
    for (int round = 0; round < 2; round++) { // stateless: the same result for every row
      Object[] row = {0, 1, 2, 3, 4, 5, 6, 7};
      assertThat(order.apply(row)).containsExactly(3, 2, 1, 0, 4, 7, 5, 6);
    }
  }
}
