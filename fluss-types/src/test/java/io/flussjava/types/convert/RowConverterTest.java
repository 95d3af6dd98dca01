package io.flussjava.types.convert;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowConverterTest {

  private static RowConverter single(DataType type) {
    return RowConverter.of(DataTypes.ROW(FIELD("c", type)));
  }

  private static Object convert(DataType type, Object value) {
    return single(type).toCanonical(value)[0];
  }

  @Test
  void acceptsEveryCanonicalClassUnchanged() {
    byte[] bytes = {1, 2, 3};
    Object[][] cases = {
      {DataTypes.BOOLEAN(), true},
      {DataTypes.TINYINT(), (byte) 1},
      {DataTypes.SMALLINT(), (short) 2},
      {DataTypes.INT(), 3},
      {DataTypes.BIGINT(), 4L},
      {DataTypes.FLOAT(), 1.5f},
      {DataTypes.DOUBLE(), 2.5d},
      {DataTypes.DECIMAL(5, 2), new BigDecimal("123.45")},
      {DataTypes.CHAR(3), "abc"},
      {DataTypes.STRING(), "text"},
      {DataTypes.BINARY(3), bytes},
      {DataTypes.BYTES(), bytes},
      {DataTypes.DATE(), LocalDate.of(2024, 2, 29)},
      {DataTypes.TIME(3), LocalTime.of(12, 30, 1, 5_000_000)},
      {DataTypes.TIMESTAMP(6), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000)},
      {DataTypes.TIMESTAMP_LTZ(3), Instant.ofEpochMilli(1_700_000_000_123L)},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      assertThat(convert(type, c[1])).as(type.toString()).isSameAs(c[1]);
      assertThat(TypeConverters.canonicalClass(type.getTypeRoot())).isEqualTo(c[1].getClass());
    }
  }

  @Test
  void acceptsNestedCanonicalValues() {
    assertThat(convert(DataTypes.ARRAY(DataTypes.INT()), List.of(1, 2))).isEqualTo(List.of(1, 2));
    Map<String, Integer> map = Map.of("a", 1);
    assertThat(convert(DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()), map)).isEqualTo(map);
    RowType row = DataTypes.ROW(FIELD("x", DataTypes.INT()), FIELD("y", DataTypes.STRING()));
    assertThat(convert(row, List.of(1, "s"))).isEqualTo(List.of(1, "s"));
    assertThat(convert(row, new Object[] {1, null})).isEqualTo(Arrays.asList(1, null));
  }

  @Test
  void widensIntegralsAndFloats() {
    assertThat(convert(DataTypes.BIGINT(), (byte) 1)).isEqualTo(1L);
    assertThat(convert(DataTypes.BIGINT(), (short) 2)).isEqualTo(2L);
    assertThat(convert(DataTypes.BIGINT(), 3)).isEqualTo(3L);
    assertThat(convert(DataTypes.INT(), (byte) -4)).isEqualTo(-4);
    assertThat(convert(DataTypes.INT(), (short) 5)).isEqualTo(5);
    assertThat(convert(DataTypes.SMALLINT(), (byte) 6)).isEqualTo((short) 6);
    assertThat(convert(DataTypes.DOUBLE(), 0.5f)).isEqualTo(0.5d);
    assertThat(convert(DataTypes.ARRAY(DataTypes.BIGINT()), new Object[] {1, 2L}))
        .isEqualTo(List.of(1L, 2L));
  }

  @Test
  void neverNarrows() {
    assertThatThrownBy(() -> convert(DataTypes.INT(), 1L))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage(
            "column 'c' of type INT expects java.lang.Integer (or a registered converter), got java.lang.Long 1");
    assertThatThrownBy(() -> convert(DataTypes.SMALLINT(), 1))
        .isInstanceOf(InvalidRowException.class);
    assertThatThrownBy(() -> convert(DataTypes.TINYINT(), (short) 1))
        .isInstanceOf(InvalidRowException.class);
    assertThatThrownBy(() -> convert(DataTypes.FLOAT(), 1.0d))
        .isInstanceOf(InvalidRowException.class);
    assertThatThrownBy(() -> convert(DataTypes.DOUBLE(), 1))
        .isInstanceOf(InvalidRowException.class);
    assertThatThrownBy(() -> convert(DataTypes.BIGINT(), BigInteger.ONE))
        .isInstanceOf(InvalidRowException.class);
  }

  @Test
  void rejectsWrongTypesNamingTheColumn() {
    RowConverter rows =
        RowConverter.of(
            DataTypes.ROW(FIELD("id", DataTypes.BIGINT()), FIELD("age", DataTypes.INT())));
    assertThatThrownBy(() -> rows.toCanonical(1L, "x"))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage(
            "column 'age' of type INT expects java.lang.Integer (or a registered converter), "
                + "got java.lang.String \"x\"");
    assertThatThrownBy(() -> convert(DataTypes.STRING(), 'c'))
        .hasMessageContaining("got java.lang.Character c");
    assertThatThrownBy(() -> convert(DataTypes.BYTES(), "abc"))
        .hasMessageContaining("expects byte[]");
    assertThatThrownBy(() -> convert(DataTypes.TIMESTAMP(), Instant.EPOCH))
        .hasMessageContaining("expects java.time.LocalDateTime");
    assertThatThrownBy(() -> convert(DataTypes.TIMESTAMP(), new java.util.Date()))
        .hasMessageContaining("got java.util.Date");
    assertThatThrownBy(() -> convert(DataTypes.DATE(), LocalDateTime.now()))
        .isInstanceOf(InvalidRowException.class);
  }

  @Test
  void checksArity() {
    RowConverter rows =
        RowConverter.of(
            DataTypes.ROW(
                FIELD("id", DataTypes.INT()),
                FIELD("name", DataTypes.STRING()),
                FIELD("score", DataTypes.DOUBLE()),
                FIELD("ts", DataTypes.TIMESTAMP())));
    assertThatThrownBy(() -> rows.toCanonical(1, "a", 1.0))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage("expected 4 values for columns [id, name, score, ts], got 3");
    assertThatThrownBy(() -> rows.toCanonical(List.of(1, "a", 1.0, LocalDateTime.MIN, 5)))
        .hasMessageContaining("got 5");
    assertThatThrownBy(() -> rows.toCanonical((Object[]) null))
        .isInstanceOf(InvalidRowException.class);
  }

  @Test
  void rejectsNullInNotNullColumns() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .primaryKey("id")
            .build();
    RowConverter rows = RowConverter.of(schema.getRowType());
    assertThat(rows.toCanonical(1, null)).containsExactly(1, null);
    assertThatThrownBy(() -> rows.toCanonical(null, "x"))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage("column 'id' is NOT NULL but the value is null");
  }

  @Test
  void rejectsNullsAndWrongTypesInsideNestedValues() {
    assertThatThrownBy(
            () -> convert(DataTypes.ARRAY(DataTypes.INT().notNull()), Arrays.asList(1, null)))
        .hasMessage("column 'c' element 1 is NOT NULL but the value is null");
    assertThatThrownBy(() -> convert(DataTypes.ARRAY(DataTypes.INT()), List.of(1, "two")))
        .hasMessageStartingWith("column 'c' element 1 of type INT expects java.lang.Integer");
    RowType row =
        DataTypes.ROW(FIELD("city", DataTypes.STRING()), FIELD("zip", DataTypes.INT().notNull()));
    assertThatThrownBy(() -> convert(row, List.of("x", "y")))
        .hasMessageStartingWith("column 'c' field 'zip' of type INT NOT NULL expects");
    assertThatThrownBy(() -> convert(row, List.of("x")))
        .hasMessageContaining("expects 2 field values [city, zip], got 1");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", "not an int");
    assertThatThrownBy(() -> convert(DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()), map))
        .hasMessageStartingWith(
            "column 'c' value for key java.lang.String \"k\" of type INT expects");
  }

  @Test
  void fitsDecimalsWithoutRounding() {
    DataType type = DataTypes.DECIMAL(5, 2);
    assertThat(convert(type, new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.50"));
    assertThat(convert(type, new BigDecimal("1.500"))).isEqualTo(new BigDecimal("1.50"));
    assertThat(convert(type, 12)).isEqualTo(new BigDecimal("12.00"));
    assertThat(convert(type, 12L)).isEqualTo(new BigDecimal("12.00"));
    assertThat(convert(type, BigInteger.TEN)).isEqualTo(new BigDecimal("10.00"));
    assertThat(convert(type, new BigDecimal("-999.99"))).isEqualTo(new BigDecimal("-999.99"));
    assertThatThrownBy(() -> convert(type, new BigDecimal("1.234")))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage(
            "column 'c' of type DECIMAL(5, 2) cannot hold java.math.BigDecimal 1.234: "
                + "it has more than 2 digits after the point");
    assertThatThrownBy(() -> convert(type, new BigDecimal("1000")))
        .hasMessageContaining("needs 6 digits, more than the precision 5");
    assertThatThrownBy(() -> convert(type, 1.5d))
        .hasMessageContaining("expects java.math.BigDecimal");
  }

  @Test
  void checksCharAndBinaryLengths() {
    assertThat(convert(DataTypes.CHAR(2), "ab")).isEqualTo("ab");
    assertThat(convert(DataTypes.CHAR(2), "\uD83D\uDE00x"))
        .isEqualTo("\uD83D\uDE00x"); // 2 code points, 3 chars
    assertThatThrownBy(() -> convert(DataTypes.CHAR(2), "abc"))
        .hasMessageContaining("longer than 2 characters");
    assertThatThrownBy(() -> convert(DataTypes.BINARY(4), new byte[3]))
        .hasMessage(
            "column 'c' of type BINARY(4) cannot hold byte[] of length 3: "
                + "BINARY(4) values must be exactly 4 bytes long");
    assertThat(convert(DataTypes.BYTES(), new byte[0])).isEqualTo(new byte[0]);
  }

  @Test
  void timestampLtzAcceptsZonedForms() {
    Instant instant = Instant.parse("2024-05-06T07:08:09.123456Z");
    assertThat(convert(DataTypes.TIMESTAMP_LTZ(), instant.atOffset(ZoneOffset.ofHours(3))))
        .isEqualTo(instant);
    assertThat(
            convert(
                DataTypes.TIMESTAMP_LTZ(),
                ZonedDateTime.ofInstant(instant, ZoneId.of("Asia/Tokyo"))))
        .isEqualTo(instant);
    assertThatThrownBy(() -> convert(DataTypes.TIMESTAMP_LTZ(), LocalDateTime.now()))
        .isInstanceOf(InvalidRowException.class);
  }

  @Test
  void doesNotModifyTheCallersArray() {
    Object[] values = {(short) 1};
    Object[] canonical = single(DataTypes.INT()).toCanonical(values);
    assertThat(values[0]).isEqualTo((short) 1);
    assertThat(canonical[0]).isEqualTo(1);
    assertThat(canonical).isNotSameAs(values);
  }

  @Test
  void projectionConvertsOnlyTheChosenColumns() {
    RowType row = DataTypes.ROW(FIELD("a", DataTypes.INT()), FIELD("b", DataTypes.STRING()));
    RowConverter key = RowConverter.forProjection(row, new int[] {1}, TypeConverters.defaults());
    assertThat(key.toCanonical("x")).containsExactly("x");
    assertThatThrownBy(() -> key.toCanonical(1)).hasMessageStartingWith("column 'b'");
  }

  @Test
  void readsAreIdentityWithoutOutputConverters() {
    RowConverter rows = RowConverter.of(DataTypes.ROW(FIELD("a", DataTypes.TIMESTAMP())));
    Object[] canonical = {LocalDateTime.MIN};
    assertThat(rows.hasOutputConversions()).isFalse();
    assertThat(rows.fromCanonical(canonical))
        .isSameAs(canonical)
        .containsExactly(LocalDateTime.MIN);
  }

  @Test
  void toCanonicalOrSameCopiesOnlyWhenAValueMustChange() {
    RowConverter converter =
        new RowConverter(
            DataTypes.ROW(
                FIELD("id", DataTypes.BIGINT().notNull()), FIELD("name", DataTypes.STRING())),
            TypeConverters.defaults());
    Object[] canonical = {1L, null};
    assertThat(converter.toCanonicalOrSame(canonical)).isSameAs(canonical);
    Object[] widened = {1, "a"};
    Object[] converted = converter.toCanonicalOrSame(widened);
    assertThat(converted).isNotSameAs(widened).containsExactly(1L, "a");
    assertThat(widened).containsExactly(1, "a"); // the caller's array is left alone
    assertThatThrownBy(() -> converter.toCanonicalOrSame(null, "a"))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> converter.toCanonicalOrSame(1L))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("expected 2 values");
  }
}
