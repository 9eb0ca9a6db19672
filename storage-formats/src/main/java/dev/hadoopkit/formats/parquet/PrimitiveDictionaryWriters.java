package dev.hadoopkit.formats.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainIntegerDictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainLongDictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.IntList;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;

/**
 * parquet-mr's values writers, except that the dictionaries of INT32 and INT64 columns look values up in a compact
 * open-addressing table of ids. parquet-mr keeps them in fastutil's linked hash maps (keys, values and links in
 * arrays of twice the entries): with tens of thousands of distinct values (the timestamps of a ratings table) the
 * lookups left the core's cache and took 12 % of a Parquet import's task CPU. Ids are handed out in the
 * order values are first seen and the accounting that decides the fallback to plain encoding is parquet-mr's, so
 * the pages and the file are byte for byte the same ({@code PrimitiveDictionaryWritersTest}).
 */
final class PrimitiveDictionaryWriters implements ValuesWriterFactory {
  /** 2^64 / the golden ratio: multiplicative hashing spreads near-by values (timestamps, ids) over the table. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int INITIAL_SLOTS = 64;

  private final ValuesWriterFactory defaults = new DefaultValuesWriterFactory();
  private ParquetProperties properties;

  @Override
  public void initialize(ParquetProperties properties) {
    this.properties = properties;
    defaults.initialize(properties);
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
    ValuesWriter writer = defaults.newValuesWriter(descriptor);
    if (!(writer instanceof FallbackValuesWriter<?, ?>)) {
      return writer;
    }
    FallbackValuesWriter<?, ?> fallback = (FallbackValuesWriter<?, ?>) writer;
    Encoding dataPage = fallback.initialWriter.getEncoding();
    // parquet-mr's writers label dictionary pages PLAIN_DICTIONARY in format v1 and PLAIN in v2.
    Encoding dictionaryPage = properties.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0
        ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN;
    int maxBytes = properties.getDictionaryPageSizeThreshold();
    ByteBufferAllocator allocator = properties.getAllocator();
    if (fallback.initialWriter.getClass() == PlainLongDictionaryValuesWriter.class) {
      return FallbackValuesWriter.of(new Dictionary(8, maxBytes, dataPage, dictionaryPage, allocator),
          (ValuesWriter) fallback.fallBackWriter);
    }
    if (fallback.initialWriter.getClass() == PlainIntegerDictionaryValuesWriter.class) {
      return FallbackValuesWriter.of(new Dictionary(4, maxBytes, dataPage, dictionaryPage, allocator),
          (ValuesWriter) fallback.fallBackWriter);
    }
    return writer;
  }

  /** Slot of {@code value} in a table of {@code 1 << bits} slots. */
  static int slot(long value, int bits) {
    return (int) ((value * GOLDEN) >>> (64 - bits));
  }

  /**
   * The dictionary of an INT32 ({@code valueBytes} 4) or INT64 (8) column. Table slots hold id + 1 (0: free) and the
   * values sit in id order in {@code byId}: 4 bytes a slot keep the table of 50,000 values within the core's cache,
   * where fastutil's key, value and link arrays of 131,072 slots did not.
   */
  static final class Dictionary extends DictionaryValuesWriter {
    private final int valueBytes;
    private int bits = Integer.numberOfTrailingZeros(INITIAL_SLOTS);
    private int[] table = new int[INITIAL_SLOTS];
    private long[] byId = new long[INITIAL_SLOTS];
    private int size;

    Dictionary(int valueBytes, int maxBytes, Encoding dataPage, Encoding dictionaryPage, ByteBufferAllocator allocator) {
      super(maxBytes, dataPage, dictionaryPage, allocator);
      this.valueBytes = valueBytes;
    }

    @Override
    public void writeInteger(int v) {
      encodedValues.add(idOf(v));
    }

    @Override
    public void writeLong(long v) {
      encodedValues.add(idOf(v));
    }

    private int idOf(long v) {
      int mask = (1 << bits) - 1;
      for (int s = slot(v, bits); ; s = (s + 1) & mask) {
        int id = table[s];
        if (id == 0) {
          return add(v, s);
        }
        if (byId[id - 1] == v) {
          return id - 1;
        }
      }
    }

    private int add(long v, int s) {
      int id = size++;
      if (id == byId.length) {
        byId = Arrays.copyOf(byId, id * 2);
      }
      byId[id] = v;
      table[s] = id + 1;
      dictionaryByteSize += valueBytes;
      // At most 80 % full: a probe reads on in the same cache line, and a smaller table stays in the cache.
      if (size * 5 > 4 << bits) {
        grow();
      }
      return id;
    }

    private void grow() {
      bits++;
      table = new int[1 << bits];
      int mask = (1 << bits) - 1;
      for (int id = 0; id < size; id++) {
        int s = slot(byId[id], bits);
        while (table[s] != 0) {
          s = (s + 1) & mask;
        }
        table[s] = id + 1;
      }
    }

    @Override
    public DictionaryPage toDictPageAndClose() {
      if (lastUsedDictionarySize == 0) {
        return null;
      }
      // Only the part of the dictionary the written pages use.
      PlainValuesWriter page = new PlainValuesWriter(lastUsedDictionaryByteSize, maxDictionaryByteSize, allocator);
      for (int id = 0; id < lastUsedDictionarySize; id++) {
        write(page, byId[id]);
      }
      return dictPage(page);
    }

    @Override
    public int getDictionarySize() {
      return size;
    }

    @Override
    protected void clearDictionaryContent() {
      Arrays.fill(table, 0);
      size = 0;
    }

    @Override
    public void fallBackDictionaryEncodedData(ValuesWriter writer) {
      for (IntList.IntIterator ids = encodedValues.iterator(); ids.hasNext(); ) {
        write(writer, byId[ids.next()]);
      }
    }

    private void write(ValuesWriter writer, long value) {
      if (valueBytes == 4) {
        writer.writeInteger((int) value);
      } else {
        writer.writeLong(value);
      }
    }
  }
}
