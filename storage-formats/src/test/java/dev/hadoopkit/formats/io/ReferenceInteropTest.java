package dev.hadoopkit.formats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.ql.exec.vector.BytesColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both directions of interoperability with Parquet's and ORC's own object models, for the column types the
 * MovieLens presets do not have (float, double, boolean, binary, bigint, plain ORC timestamp): parquet-hadoop's
 * example {@code Group} reader and writer, and orc-core's vectorized reader and writer, with no code of this
 * module on the other side. The released tools themselves (avro-tools, parquet-cli, orc-tools as separate JVMs)
 * are exercised by {@code dev.hadoopkit.formats.cli.ReferenceToolsIT}, which also covers Avro in both directions
 * (Avro's object model is the one this module writes with, so an in-library Avro test here proved nothing more).
 */
class ReferenceInteropTest {

  @TempDir
  java.nio.file.Path directory;

  private final Configuration conf = new Configuration();
  private final List<GenericRecord> records = RandomRecords.generate(77, 1_500);

  private Path ours(FileFormat format) throws IOException {
    Path path = new Path(directory.resolve("ours." + format.extension()).toUri());
    try (FileAppender appender = Formats.write(path).format(format).conf(conf).schema(RandomRecords.SCHEMA).build()) {
      for (GenericRecord record : records) {
        appender.add(record);
      }
    }
    return path;
  }

  private List<GenericRecord> readOurs(Path path) throws IOException {
    try (RecordReader reader = Formats.read(path).conf(conf).build()) {
      return RoundTripSuite.readAll(reader);
    }
  }

  @Test
  void parquetFilesWeWriteAreReadByParquetsGroupReader() throws IOException {
    Path path = ours(FileFormat.PARQUET);
    List<Group> groups = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      Group group;
      while ((group = reader.read()) != null) {
        groups.add(group);
      }
    }
    assertEquals(records.size(), groups.size());
    for (int i = 0; i < records.size(); i++) {
      GenericRecord expected = records.get(i);
      Group actual = groups.get(i);
      assertEquals(expected.get("id"), actual.getInteger("id", 0));
      assertEquals(expected.get("total"), actual.getLong("total", 0));
      assertEquals(expected.get("name"), actual.getString("name", 0));
      assertEquals(expected.get("at"), actual.getLong("at", 0), "timestamp-millis as int64 millis");
      if (expected.get("day") == null) {
        assertEquals(0, actual.getFieldRepetitionCount("day"), "null date, row " + i);
      } else {
        assertEquals(expected.get("day"), actual.getInteger("day", 0), "date as int32 days");
      }
    }
  }

  @Test
  void parquetFilesWrittenByParquetsGroupWriterAreReadByUs() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message reference {\n"
        + "  required int32 userId;\n  required int32 movieId;\n  required float rating;\n"
        + "  required int64 timestamp (TIMESTAMP(MILLIS,true));\n  optional binary title (STRING);\n"
        + "  optional int32 released (DATE);\n}");
    Path path = new Path(directory.resolve("reference.parquet").toUri());
    SimpleGroupFactory factory = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(path, conf)).withType(schema).withConf(conf).build()) {
      for (int i = 0; i < 1000; i++) {
        Group group = factory.newGroup().append("userId", i).append("movieId", i * 7).append("rating", (i % 10 + 1) / 2f)
            .append("timestamp", 881_250_949_000L + i);
        if (i % 3 != 0) {
          group.append("title", "Movie " + i + " é").append("released", 9000 + i);
        }
        writer.write(group);
      }
    }
    List<GenericRecord> back = readOurs(path);
    assertEquals(1000, back.size());
    assertEquals(1000, Formats.count(conf, path));
    for (int i = 0; i < 1000; i++) {
      GenericRecord record = back.get(i);
      assertEquals(i, record.get("userId"));
      assertEquals(i * 7, record.get("movieId"));
      assertEquals((i % 10 + 1) / 2f, record.get("rating"));
      assertEquals(881_250_949_000L + i, record.get("timestamp"));
      if (i % 3 == 0) {
        assertNull(record.get("title"));
        assertNull(record.get("released"));
      } else {
        assertEquals("Movie " + i + " é", record.get("title").toString());
        assertEquals(9000 + i, record.get("released"));
      }
    }
    Schema schema2 = Formats.schema(conf, path);
    assertEquals("date", schema2.getField("released").schema().getTypes().get(1).getLogicalType().getName());
  }

  @Test
  void orcFilesWeWriteAreReadByOrcsVectorizedReader() throws IOException {
    Path path = ours(FileFormat.ORC);
    try (Reader reader = OrcFile.createReader(path, OrcFile.readerOptions(conf))) {
      TypeDescription type = reader.getSchema();
      assertEquals("struct<id:int,total:bigint,score:float,ratio:double,flag:boolean,name:string,note:string,day:date,"
          + "at:timestamp with local time zone,blob:binary>", type.toString());
      assertEquals(records.size(), reader.getNumberOfRows());
      VectorizedRowBatch batch = type.createRowBatch();
      int row = 0;
      try (org.apache.orc.RecordReader rows = reader.rows(reader.options().useSelected(false))) {
        while (rows.nextBatch(batch)) {
          LongColumnVector ids = (LongColumnVector) batch.cols[0];
          BytesColumnVector names = (BytesColumnVector) batch.cols[5];
          LongColumnVector days = (LongColumnVector) batch.cols[7];
          TimestampColumnVector at = (TimestampColumnVector) batch.cols[8];
          for (int i = 0; i < batch.size; i++, row++) {
            GenericRecord expected = records.get(row);
            assertEquals(expected.get("id"), (int) ids.vector[i]);
            assertEquals(expected.get("name"), names.toString(i));
            assertEquals(expected.get("at"), at.getTime(i), "row " + row);
            if (expected.get("day") == null) {
              assertEquals(true, days.isNull[i]);
            } else {
              assertEquals(((Integer) expected.get("day")).longValue(), days.vector[i]);
            }
          }
        }
      }
      assertEquals(records.size(), row);
    }
  }

  @Test
  void orcFilesWrittenByOrcsVectorizedWriterAreReadByUs() throws IOException {
    TypeDescription type = TypeDescription.fromString("struct<userId:int,movieId:bigint,title:string,released:date,ts:timestamp>");
    Path path = new Path(directory.resolve("reference.orc").toUri());
    try (Writer writer = OrcFile.createWriter(path, OrcFile.writerOptions(conf).setSchema(type).useUTCTimestamp(true))) {
      VectorizedRowBatch batch = type.createRowBatch();
      for (int i = 0; i < 3000; i++) {
        int row = batch.size++;
        ((LongColumnVector) batch.cols[0]).vector[row] = i;
        ((LongColumnVector) batch.cols[1]).vector[row] = 10_000_000_000L + i;
        BytesColumnVector titles = (BytesColumnVector) batch.cols[2];
        if (i % 4 == 0) {
          titles.noNulls = false;
          titles.isNull[row] = true;
        } else {
          titles.setVal(row, ("Title " + i).getBytes(StandardCharsets.UTF_8));
        }
        ((LongColumnVector) batch.cols[3]).vector[row] = 10_000 + i;
        TimestampColumnVector ts = (TimestampColumnVector) batch.cols[4];
        ts.time[row] = 881_250_949_000L + i * 1000L;
        ts.nanos[row] = 0;
        if (batch.size == batch.getMaxSize()) {
          writer.addRowBatch(batch);
          batch.reset();
        }
      }
      if (batch.size > 0) {
        writer.addRowBatch(batch);
      }
    }
    List<GenericRecord> back = readOurs(path);
    assertEquals(3000, back.size());
    for (int i = 0; i < 3000; i++) {
      GenericRecord record = back.get(i);
      assertEquals(i, record.get("userId"));
      assertEquals(10_000_000_000L + i, record.get("movieId"));
      assertEquals(i % 4 == 0 ? null : "Title " + i, record.get("title") == null ? null : record.get("title").toString());
      assertEquals(10_000 + i, record.get("released"));
      assertEquals(881_250_949_000L + i * 1000L, record.get("ts"));
    }
    Schema schema = Formats.schema(conf, path);
    assertEquals("timestamp-millis", schema.getField("ts").schema().getTypes().get(1).getLogicalType().getName());
  }
}
