package io.flussjava.types.convert;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeConvertersTest {

  /** The example of the package documentation, verbatim. */
  private static TypeConverters documentedExample() {
    return TypeConverters.builder()
        .register(
            DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
            TypeConverter.input(
                java.util.Date.class,
                (date, type) -> LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)))
        .register(
            DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
            TypeConverter.input(
                Long.class,
                (millis, type) ->
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC)))
        .build();
  }

  private static final RowType EVENTS =
      DataTypes.ROW(
          FIELD("id", DataTypes.BIGINT()),
          FIELD("ts", DataTypes.TIMESTAMP(3)),
          FIELD("at", DataTypes.TIMESTAMP(3)));

  @Test
  void registeredInputConvertersAcceptDateAndEpochMillis() {
    RowConverter rows = new RowConverter(EVENTS, documentedExample());
    Object[] canonical = rows.toCanonical(1L, new Date(1_700_000_000_123L), 86_400_000L);
    assertThat(canonical[1]).isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000));
    assertThat(canonical[2]).isEqualTo(LocalDateTime.of(1970, 1, 2, 0, 0));
    // The BIGINT column is unaffected by a Long converter registered for TIMESTAMP.
    assertThat(canonical[0]).isEqualTo(1L);
    // Subclasses of a registered class are handled too.
    assertThat(rows.toCanonical(1L, new java.sql.Timestamp(0), null)[1])
        .isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
  }

  @Test
  void withoutRegistrationDateIsRejected() {
    assertThatThrownBy(() -> RowConverter.of(EVENTS).toCanonical(1L, new Date(), null))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageStartingWith("column 'ts' of type TIMESTAMP(3) expects java.time.LocalDateTime");
  }

  @Test
  void registeredConvertersApplyInsideNestedTypes() {
    RowType row = DataTypes.ROW(FIELD("times", DataTypes.ARRAY(DataTypes.TIMESTAMP(3))));
    Object[] canonical =
        new RowConverter(row, documentedExample())
            .toCanonical(new Object[] {List.of(0L, new Date(1000))});
    assertThat(canonical[0])
        .isEqualTo(
            List.of(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(1970, 1, 1, 0, 0, 1)));
  }

  @Test
  void converterResultsAreCheckedAgainstTheType() {
    TypeConverters sloppy =
        TypeConverters.builder()
            .register(
                DataTypeRoot.INTEGER,
                TypeConverter.input(String.class, (text, type) -> Long.parseLong(text)))
            .register(DataTypeRoot.BIGINT, TypeConverter.input(String.class, (text, type) -> null))
            .register(
                DataTypeRoot.SMALLINT,
                TypeConverter.input(String.class, (text, type) -> Short.parseShort(text)))
            .build();
    RowType row =
        DataTypes.ROW(
            FIELD("i", DataTypes.INT()),
            FIELD("b", DataTypes.BIGINT()),
            FIELD("s", DataTypes.SMALLINT()));
    RowConverter rows = new RowConverter(row, sloppy);
    assertThatThrownBy(() -> rows.toCanonical("1", null, null))
        .hasMessageContaining("column 'i' of type INT expects java.lang.Integer")
        .hasMessageContaining("got java.lang.Long 1");
    assertThatThrownBy(() -> rows.toCanonical(null, "1", null))
        .hasMessageContaining(
            "column 'b' of type BIGINT: the converter for java.lang.String returned null");
    assertThatThrownBy(() -> rows.toCanonical(null, null, "x"))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining(
            "column 's' of type SMALLINT: the converter for java.lang.String failed")
        .hasCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void outputConvertersChangeWhatReadsReturn() {
    TypeConverters converters =
        TypeConverters.builder()
            .output(
                DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                TypeConverter.output(
                    Date.class,
                    (value, type) -> Date.from(((LocalDateTime) value).toInstant(ZoneOffset.UTC))))
            .build();
    RowConverter rows = new RowConverter(EVENTS, converters);
    assertThat(rows.hasOutputConversions()).isTrue();
    Object[] read = {7L, LocalDateTime.of(1970, 1, 1, 0, 0, 2), null};
    assertThat(rows.fromCanonical(read)).isSameAs(read).containsExactly(7L, new Date(2000), null);
  }

  @Test
  void outputConvertersReachNestedValues() {
    TypeConverters converters =
        TypeConverters.builder()
            .output(
                DataTypeRoot.INTEGER,
                TypeConverter.output(String.class, (value, type) -> "#" + value))
            .build();
    RowType row =
        DataTypes.ROW(
            FIELD("list", DataTypes.ARRAY(DataTypes.INT())),
            FIELD("map", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT())),
            FIELD(
                "nested",
                DataTypes.ROW(FIELD("x", DataTypes.INT()), FIELD("y", DataTypes.STRING()))),
            FIELD("plain", DataTypes.STRING()));
    Object[] read = {Arrays.asList(1, null), Map.of("k", 2), List.of(3, "y"), "p"};
    assertThat(new RowConverter(row, converters).fromCanonical(read))
        .containsExactly(Arrays.asList("#1", null), Map.of("k", "#2"), List.of("#3", "y"), "p");
  }

  @Test
  void convertersCanGoBothWays() {
    TypeConverter<StringBuilder> both =
        TypeConverter.of(
            StringBuilder.class,
            (sb, type) -> sb.toString(),
            (value, type) -> new StringBuilder((String) value));
    TypeConverters converters =
        TypeConverters.builder()
            .register(DataTypeRoot.STRING, both)
            .output(DataTypeRoot.STRING, both)
            .build();
    RowConverter rows = new RowConverter(DataTypes.ROW(FIELD("s", DataTypes.STRING())), converters);
    Object[] canonical = rows.toCanonical(new StringBuilder("hi"));
    assertThat(canonical).containsExactly("hi");
    assertThat(rows.fromCanonical(canonical)[0])
        .isInstanceOf(StringBuilder.class)
        .hasToString("hi");
  }

  @Test
  void registryIsImmutableAndRejectsUselessRegistrations() {
    TypeConverters.Builder builder = TypeConverters.builder();
    TypeConverters before = builder.build();
    builder.output(DataTypeRoot.INTEGER, TypeConverter.output(String.class, (v, t) -> "x"));
    assertThat(before.hasOutputConverters()).isFalse();
    assertThat(builder.build().hasOutputConverters()).isTrue();
    assertThat(TypeConverters.defaults().hasOutputConverters()).isFalse();
    assertThat(builder.build().toBuilder().build().hasOutputConverters()).isTrue();
    assertThatThrownBy(
            () ->
                TypeConverters.builder()
                    .register(
                        DataTypeRoot.INTEGER, TypeConverter.input(Integer.class, (v, t) -> v)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already the canonical class of INTEGER");
    assertThatThrownBy(() -> TypeConverters.builder().register(DataTypeRoot.INTEGER, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputOnlyConvertersRefuseToConvertBack() {
    TypeConverter<Date> input = TypeConverter.input(Date.class, (d, t) -> d.toInstant());
    DataType type = DataTypes.TIMESTAMP_LTZ();
    assertThatThrownBy(() -> input.fromCanonical(Instant.EPOCH, type))
        .isInstanceOf(UnsupportedOperationException.class);
    TypeConverter<Date> output = TypeConverter.output(Date.class, (v, t) -> new Date());
    assertThatThrownBy(() -> output.toCanonical(new Date(), type))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
