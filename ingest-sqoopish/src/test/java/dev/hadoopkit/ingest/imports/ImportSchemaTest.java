package dev.hadoopkit.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.tool.UsageException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ImportSchemaTest {

  private static Schema typeOf(int jdbcType, String typeName, int precision, int scale) {
    return ImportSchema.typeOf(new ColumnInfo("c", jdbcType, typeName, precision, scale));
  }

  @Test
  void mapsEveryJdbcTypeToItsLogicalType() {
    assertEquals(LogicalTypes.decimal(12, 3), typeOf(Types.DECIMAL, "DECIMAL", 12, 3).getLogicalType());
    assertEquals(Schema.Type.BYTES, typeOf(Types.NUMERIC, "numeric", 38, 0).getType());
    assertEquals(Schema.Type.STRING, typeOf(Types.NUMERIC, "numeric", 0, 0).getType(), "unknown precision (PostgreSQL numeric)");
    assertEquals(Schema.Type.STRING, typeOf(Types.NUMERIC, "numeric", 131089, 0).getType(), "precision over 38");
    assertEquals(LogicalTypes.date(), typeOf(Types.DATE, "DATE", 10, 0).getLogicalType());
    assertEquals(LogicalTypes.timestampMillis(), typeOf(Types.TIMESTAMP, "DATETIME", 23, 3).getLogicalType());
    assertEquals(LogicalTypes.timeMillis(), typeOf(Types.TIME, "TIME", 8, 0).getLogicalType());
    assertEquals(Schema.Type.BOOLEAN, typeOf(Types.BIT, "BIT", 1, 0).getType());
    assertEquals(Schema.Type.LONG, typeOf(Types.BIT, "BIT", 8, 0).getType());
    assertEquals(Schema.Type.BOOLEAN, typeOf(Types.BOOLEAN, "bool", 1, 0).getType());
    assertEquals(Schema.Type.INT, typeOf(Types.TINYINT, "TINYINT", 3, 0).getType());
    assertEquals(Schema.Type.INT, typeOf(Types.SMALLINT, "SMALLINT", 5, 0).getType());
    assertEquals(Schema.Type.INT, typeOf(Types.INTEGER, "INTEGER", 10, 0).getType());
    assertEquals(Schema.Type.LONG, typeOf(Types.INTEGER, "INTEGER UNSIGNED", 10, 0).getType());
    assertEquals(Schema.Type.LONG, typeOf(Types.BIGINT, "BIGINT", 19, 0).getType());
    assertEquals(LogicalTypes.decimal(20, 0), typeOf(Types.BIGINT, "BIGINT UNSIGNED", 20, 0).getLogicalType());
    assertEquals(Schema.Type.FLOAT, typeOf(Types.REAL, "float4", 8, 0).getType());
    assertEquals(Schema.Type.DOUBLE, typeOf(Types.FLOAT, "FLOAT", 12, 0).getType());
    assertEquals(Schema.Type.DOUBLE, typeOf(Types.DOUBLE, "DOUBLE", 22, 0).getType());
    assertEquals(Schema.Type.STRING, typeOf(Types.LONGVARCHAR, "TEXT", 65535, 0).getType());
    assertEquals(Schema.Type.BYTES, typeOf(Types.BLOB, "BLOB", 65535, 0).getType());
    assertEquals(Schema.Type.BYTES, typeOf(Types.VARBINARY, "bytea", 0, 0).getType());
  }

  @Test
  void everyFieldIsNullableAndNamedAfterItsColumn() {
    Schema schema = ImportSchema.of("shop.order-lines", List.of(new ColumnInfo("id", Types.INTEGER, "INT", 10, 0),
        new ColumnInfo("unit price", Types.DECIMAL, "DECIMAL", 10, 2), new ColumnInfo("2nd", Types.VARCHAR, "VARCHAR", 5, 0),
        new ColumnInfo("Unit_Price", Types.VARCHAR, "VARCHAR", 5, 0)), Map.of());
    assertEquals("order_lines", schema.getName());
    assertEquals(List.of("id", "unit_price", "_2nd", "Unit_Price_2"),
        schema.getFields().stream().map(Schema.Field::name).collect(java.util.stream.Collectors.toList()));
    for (Schema.Field f : schema.getFields()) {
      assertEquals(Schema.Type.UNION, f.schema().getType());
      assertEquals(Schema.Type.NULL, f.schema().getTypes().get(0).getType(), "null first, so the default null is valid");
      assertTrue(f.hasDefaultValue());
    }
    assertEquals("unit price", schema.getField("unit_price").getObjectProp("sqlColumnName"));
    assertEquals("QueryResult", ImportSchema.of(null, List.of(new ColumnInfo("a", Types.INTEGER, "INT", 10, 0)), Map.of()).getName());
  }

  @Test
  void mapColumnJavaOverridesTheFieldType() {
    List<ColumnInfo> columns = List.of(new ColumnInfo("price", Types.DECIMAL, "DECIMAL", 10, 2),
        new ColumnInfo("n", Types.INTEGER, "INT", 10, 0));
    Schema schema = ImportSchema.of("t", columns, Map.of("PRICE", "String", "n", "Long"));
    assertEquals(Schema.Type.STRING, schema.getField("price").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.LONG, schema.getField("n").schema().getTypes().get(1).getType());
    UsageException e = assertThrows(UsageException.class, () -> ImportSchema.of("t", columns, Map.of("n", "Short")));
    assertTrue(e.getMessage().contains("n=Short") && e.getMessage().contains("String, Integer, Long"), e.getMessage());
  }

  @Test
  void timestampsAreTheWallClockReadAsUtc() {
    assertEquals(881_222_149_000L, BinaryRowWriter.utcMillis(BinaryRowWriter.parseTimestamp("1997-12-04 07:55:49")));
    assertEquals(881_222_149_120L, BinaryRowWriter.utcMillis(BinaryRowWriter.parseTimestamp("1997-12-04 07:55:49.12")));
    assertEquals(-86_400_000L, BinaryRowWriter.utcMillis(BinaryRowWriter.parseTimestamp("1969-12-31")));
    assertEquals(36_672_000, BinaryRowWriter.timeMillis("10:11:12"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryRowWriter.timeMillis("838:59:59"));
    assertTrue(e.getMessage().contains("838:59:59"), e.getMessage());
  }
}
