package dev.hadoopkit.jobs.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flat (not repeated) numeric column chunk of a row group, decoded a page at a time into arrays, many values
 * per call: definition levels and dictionary ids with {@link RleBitPackedInts}, PLAIN values straight from the page
 * buffer, through a dictionary materialised once per chunk. Other value encodings (delta, byte stream split) go
 * through parquet-column's {@link ValuesReader}, a value at a time. Pages come decompressed from the
 * {@link PageReader}.
 */
final class ParquetColumnDecoder {

  private final ColumnDescriptor descriptor;
  private final PageReader pages;
  private final PrimitiveTypeName type;
  private final int maxDefinitionLevel;
  private int[] dictionaryInts;
  private double[] dictionaryDoubles;
  private int[] levels = new int[RatingBatch.CAPACITY];
  private int[] ids = new int[RatingBatch.CAPACITY];
  private int[] denseInts = new int[RatingBatch.CAPACITY];
  private double[] denseDoubles = new double[RatingBatch.CAPACITY];
  private int pageValuesLeft;
  private RleBitPackedInts definitionLevels;
  /** Exactly one of the three is set for the current page. */
  private ByteBuffer plainValues;
  private RleBitPackedInts dictionaryIds;
  private ValuesReader otherValues;

  ParquetColumnDecoder(ColumnDescriptor descriptor, PageReader pages) throws IOException {
    if (descriptor.getMaxRepetitionLevel() != 0 || descriptor.getMaxDefinitionLevel() > 1) {
      throw new IllegalArgumentException("Invalid column for a flat decoder: " + descriptor);
    }
    this.descriptor = descriptor;
    this.pages = pages;
    this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
    DictionaryPage dictionaryPage = pages.readDictionaryPage();
    if (dictionaryPage != null) {
      Dictionary dictionary = dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
      int size = dictionary.getMaxId() + 1;
      dictionaryInts = new int[size];
      dictionaryDoubles = new double[size];
      for (int id = 0; id < size; id++) {
        switch (type) {
          case INT32 -> dictionaryDoubles[id] = dictionaryInts[id] = dictionary.decodeToInt(id);
          case INT64 -> {
            long value = dictionary.decodeToLong(id);
            dictionaryInts[id] = (int) value;
            dictionaryDoubles[id] = value;
          }
          case FLOAT -> dictionaryDoubles[id] = dictionary.decodeToFloat(id);
          case DOUBLE -> dictionaryDoubles[id] = dictionary.decodeToDouble(id);
          default -> throw new IllegalArgumentException("Cannot decode " + type + " values: " + descriptor);
        }
      }
    }
  }

  /**
   * Reads the next {@code n} values as ints into {@code out}; where a value is null, sets {@code nulls[i]} to
   * {@code nullMark} unless it is already set.
   */
  void readInts(int[] out, byte[] nulls, byte nullMark, int n) throws IOException {
    read(out, null, nulls, nullMark, n);
  }

  /** As {@link #readInts}, as doubles. */
  void readDoubles(double[] out, byte[] nulls, byte nullMark, int n) throws IOException {
    read(null, out, nulls, nullMark, n);
  }

  private void read(int[] intsOut, double[] doublesOut, byte[] nulls, byte nullMark, int n) throws IOException {
    int done = 0;
    while (done < n) {
      if (pageValuesLeft == 0) {
        nextPage();
      }
      int count = Math.min(n - done, pageValuesLeft);
      int present = count;
      if (maxDefinitionLevel > 0) {
        definitionLevels.read(levels, 0, count);
        present = 0;
        for (int i = 0; i < count; i++) {
          present += levels[i];
        }
      }
      if (intsOut != null) {
        decodeInts(present);
      } else {
        decodeDoubles(present);
      }
      if (present == count) {
        if (intsOut != null) {
          System.arraycopy(denseInts, 0, intsOut, done, count);
        } else {
          System.arraycopy(denseDoubles, 0, doublesOut, done, count);
        }
      } else {
        int next = 0;
        for (int i = 0; i < count; i++) {
          if (levels[i] == 0) {
            if (nulls[done + i] == 0) {
              nulls[done + i] = nullMark;
            }
          } else if (intsOut != null) {
            intsOut[done + i] = denseInts[next++];
          } else {
            doublesOut[done + i] = denseDoubles[next++];
          }
        }
      }
      done += count;
      pageValuesLeft -= count;
    }
  }

  private void decodeInts(int count) throws IOException {
    if (dictionaryIds != null) {
      dictionaryIds.read(ids, 0, count);
      for (int i = 0; i < count; i++) {
        denseInts[i] = dictionaryInts[ids[i]];
      }
    } else if (plainValues != null) {
      if (type == PrimitiveTypeName.INT32) {
        for (int i = 0; i < count; i++) {
          denseInts[i] = plainValues.getInt();
        }
      } else {
        for (int i = 0; i < count; i++) {
          denseInts[i] = (int) plainValues.getLong();
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        denseInts[i] = type == PrimitiveTypeName.INT32 ? otherValues.readInteger() : (int) otherValues.readLong();
      }
    }
  }

  private void decodeDoubles(int count) throws IOException {
    if (dictionaryIds != null) {
      dictionaryIds.read(ids, 0, count);
      for (int i = 0; i < count; i++) {
        denseDoubles[i] = dictionaryDoubles[ids[i]];
      }
    } else if (plainValues != null) {
      switch (type) {
        case DOUBLE -> {
          for (int i = 0; i < count; i++) {
            denseDoubles[i] = plainValues.getDouble();
          }
        }
        case FLOAT -> {
          for (int i = 0; i < count; i++) {
            denseDoubles[i] = plainValues.getFloat();
          }
        }
        case INT32 -> {
          for (int i = 0; i < count; i++) {
            denseDoubles[i] = plainValues.getInt();
          }
        }
        default -> {
          for (int i = 0; i < count; i++) {
            denseDoubles[i] = plainValues.getLong();
          }
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        denseDoubles[i] = switch (type) {
          case DOUBLE -> otherValues.readDouble();
          case FLOAT -> otherValues.readFloat();
          case INT32 -> otherValues.readInteger();
          default -> otherValues.readLong();
        };
      }
    }
  }

  private void nextPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IOException("Cannot read column " + descriptor + ": its pages end before the row group's rows");
    }
    pageValuesLeft = page.getValueCount();
    int bitWidth = BytesUtils.getWidthFromMaxInt(maxDefinitionLevel);
    if (page instanceof DataPageV1 v1) {
      ByteBuffer bytes = v1.getBytes().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      if (maxDefinitionLevel > 0) {
        if (v1.getDlEncoding() != Encoding.RLE) {
          throw new IOException("Cannot read column " + descriptor + ": definition levels in " + v1.getDlEncoding()
              + " (only RLE is supported)");
        }
        int length = bytes.getInt();
        ByteBuffer levelBytes = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        levelBytes.limit(length);
        definitionLevels = new RleBitPackedInts(levelBytes, bitWidth);
        bytes.position(bytes.position() + length);
      }
      startValues(v1.getValueEncoding(), bytes.slice().order(ByteOrder.LITTLE_ENDIAN), page.getValueCount());
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      if (maxDefinitionLevel > 0) {
        definitionLevels = new RleBitPackedInts(v2.getDefinitionLevels().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN),
            bitWidth);
      }
      startValues(v2.getDataEncoding(), v2.getData().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN), page.getValueCount());
    }
  }

  private void startValues(Encoding encoding, ByteBuffer values, int valueCount) throws IOException {
    plainValues = null;
    dictionaryIds = null;
    otherValues = null;
    if (encoding.usesDictionary()) {
      if (dictionaryInts == null) {
        throw new IOException("Cannot read column " + descriptor + ": a dictionary-encoded page without a dictionary");
      }
      int idBitWidth = values.get() & 0xFF;
      dictionaryIds = new RleBitPackedInts(values, idBitWidth);
    } else if (encoding == Encoding.PLAIN) {
      plainValues = values;
    } else {
      otherValues = encoding.getValuesReader(descriptor, ValuesType.VALUES);
      otherValues.initFromPage(valueCount, ByteBufferInputStream.wrap(values));
    }
  }
}
