package dev.hadoopkit.jobs.input;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids) many values per call.
 * The data is a sequence of runs, each starting with an unsigned LEB128 header: an even header {@code 2n} is a
 * run of {@code n} copies of one value stored in {@code ceil(bitWidth / 8)} little-endian bytes; an odd header
 * {@code 2g + 1} is {@code 8g} values of {@code bitWidth} bits each, packed least significant bit first. Bytes
 * missing at the end of a page (a writer's last group may be cut short) read as zeros.
 */
final class RleBitPackedInts {

  private final ByteBuffer in;
  private final int bitWidth;
  private final int valueBytes;
  private final long mask;
  private int repeated;
  private int repeatedValue;
  private int[] packed = new int[64];
  private int packedPosition;
  private int packedEnd;

  /** @param in the encoded runs from its position to its limit */
  RleBitPackedInts(ByteBuffer in, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalArgumentException("Invalid bit width: " + bitWidth + ", must be 0 to 32");
    }
    this.in = in;
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
  }

  /** Decodes the next {@code count} values into {@code out[offset, offset + count)}. */
  void read(int[] out, int offset, int count) {
    while (count > 0) {
      if (repeated == 0 && packedPosition == packedEnd) {
        nextRun();
      }
      int n;
      if (repeated > 0) {
        n = Math.min(count, repeated);
        Arrays.fill(out, offset, offset + n, repeatedValue);
        repeated -= n;
      } else {
        n = Math.min(count, packedEnd - packedPosition);
        System.arraycopy(packed, packedPosition, out, offset, n);
        packedPosition += n;
      }
      offset += n;
      count -= n;
    }
  }

  private void nextRun() {
    if (!in.hasRemaining()) {
      throw new IllegalStateException("Cannot decode RLE / bit-packed values: the page ends before its last value");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      repeated = header >>> 1;
      int value = 0;
      for (int i = 0; i < valueBytes; i++) {
        value |= (nextByte() & 0xFF) << (8 * i);
      }
      repeatedValue = value;
      return;
    }
    int count = (header >>> 1) * 8;
    if (packed.length < count) {
      packed = new int[Math.max(count, packed.length * 2)];
    }
    long bits = 0;
    int available = 0;
    for (int i = 0; i < count; i++) {
      while (available < bitWidth) {
        bits |= (long) (nextByte() & 0xFF) << available;
        available += 8;
      }
      packed[i] = (int) (bits & mask);
      bits >>>= bitWidth;
      available -= bitWidth;
    }
    packedPosition = 0;
    packedEnd = count;
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = nextByte();
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0 && shift < 35);
    return value;
  }

  private int nextByte() {
    return in.hasRemaining() ? in.get() : 0;
  }
}
