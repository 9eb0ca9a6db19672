package dev.hadoopkit.jobs.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Runs encoded by hand from the Parquet format specification's description of the hybrid encoding. */
class RleBitPackedIntsTest {

  @Test
  void decodesRepeatedAndBitPackedRunsInAnyChunks() {
    byte[] encoded = {
        0x0A, 0x06,                        // header 10 = 5 << 1: five times 6 (one byte)
        0x03, (byte) 0x88, (byte) 0xC6, (byte) 0xFA, // header 3 = 1 << 1 | 1: one group, 0..7 in 3 bits
        (byte) 0xD8, 0x04, 0x02};          // header 600 (LEB128 D8 04) = 300 << 1: 300 times 2
    int[] expected = new int[313];
    for (int i = 0; i < 5; i++) {
      expected[i] = 6;
    }
    for (int i = 0; i < 8; i++) {
      expected[5 + i] = i;
    }
    for (int i = 13; i < 313; i++) {
      expected[i] = 2;
    }
    for (int chunk : new int[] {1, 3, 7, 100, 313}) {
      RleBitPackedInts decoder = new RleBitPackedInts(ByteBuffer.wrap(encoded), 3);
      int[] decoded = new int[313];
      for (int offset = 0; offset < decoded.length; offset += chunk) {
        decoder.read(decoded, offset, Math.min(chunk, decoded.length - offset));
      }
      assertArrayEquals(expected, decoded, "chunks of " + chunk);
    }
  }

  @Test
  void decodesWideValues() {
    // Repeated run of 2 values, 17 bits wide: 3 little-endian bytes. Bit-packed group of 8 values 32 bits wide.
    ByteBuffer encoded = ByteBuffer.allocate(2 + 3 + 1 + 32);
    encoded.put((byte) 0x04).put((byte) 0x01).put((byte) 0x00).put((byte) 0x01); // 65537
    encoded.flip();
    RleBitPackedInts decoder = new RleBitPackedInts(encoded, 17);
    int[] decoded = new int[2];
    decoder.read(decoded, 0, 2);
    assertArrayEquals(new int[] {65537, 65537}, decoded);

    ByteBuffer packed = ByteBuffer.allocate(33).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    packed.put((byte) 0x03);
    int[] values = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 123_456_789, 42, 7};
    for (int value : values) {
      packed.putInt(value);
    }
    packed.flip();
    int[] wide = new int[8];
    new RleBitPackedInts(packed, 32).read(wide, 0, 8);
    assertArrayEquals(values, wide);
  }

  @Test
  void failsWhenThePageEndsEarly() {
    RleBitPackedInts decoder = new RleBitPackedInts(ByteBuffer.wrap(new byte[] {0x04, 0x01}), 1);
    int[] decoded = new int[3];
    assertThrows(IllegalStateException.class, () -> decoder.read(decoded, 0, 3));
  }
}
