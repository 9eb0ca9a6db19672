package dev.hadoopkit.formats.movielens;

import java.nio.charset.StandardCharsets;

/**
 * Parses one ratings line in any MovieLens layout ({@link RatingFormat}): the separator is recognised
 * per line, so a job can read a mix of {@code u.data}, {@code ratings.dat} and {@code ratings.csv}.
 *
 * <p>Works on raw bytes (ratings lines are ASCII) so a mapper can parse a Hadoop {@code Text}
 * without decoding it to a String first. Stateless and thread-safe.
 */
public final class RatingParser {

  public static final double MIN_RATING = 0.5;
  public static final double MAX_RATING = 5.0;

  private static final String[] FIELD_NAMES = {"userId", "movieId", "rating", "timestamp"};
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final byte[] CSV_HEADER_START = "userId".getBytes(StandardCharsets.US_ASCII);

  public Rating parse(String line) throws MalformedRecordException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  /**
   * Parses {@code bytes[offset, offset + length)}; a trailing carriage return is ignored.
   *
   * @throws MalformedRecordException saying which field (and column) is wrong
   */
  public Rating parse(byte[] bytes, int offset, int length) throws MalformedRecordException {
    int end = offset + length;
    if (end > offset && bytes[end - 1] == '\r') {
      end--;
    }
    if (end == offset) {
      throw new MalformedRecordException("empty line");
    }
    Cursor cursor = new Cursor(bytes, offset, end);
    int userId = (int) cursor.readNumber(0, Integer.MAX_VALUE);
    int separatorLength = cursor.readFirstSeparator();
    int movieId = (int) cursor.readNumber(1, Integer.MAX_VALUE);
    cursor.readSeparator(separatorLength, 2);
    double rating = cursor.readRating();
    cursor.readSeparator(separatorLength, 3);
    long timestamp = cursor.readNumber(3, Long.MAX_VALUE);
    if (cursor.position < end) {
      throw new MalformedRecordException("expected 4 fields (userId, movieId, rating, timestamp), found more at column "
          + cursor.column());
    }
    return new Rating(userId, movieId, rating, timestamp);
  }

  /** True for the {@code userId,movieId,rating,timestamp} header line of {@code ratings.csv}. */
  public boolean isHeader(byte[] bytes, int offset, int length) {
    if (length < CSV_HEADER_START.length) {
      return false;
    }
    for (int i = 0; i < CSV_HEADER_START.length; i++) {
      if (bytes[offset + i] != CSV_HEADER_START[i]) {
        return false;
      }
    }
    return true;
  }

  public boolean isHeader(String line) {
    return line.startsWith("userId");
  }

  /** A read position over one line; exists only for the duration of one parse. */
  private static final class Cursor {
    private final byte[] bytes;
    private final int start;
    private final int end;
    private int position;
    private byte separator;

    Cursor(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
      this.position = start;
    }

    int column() {
      return position - start + 1;
    }

    long readNumber(int field, long max) throws MalformedRecordException {
      int begin = position;
      long value = 0;
      while (position < end) {
        int digit = bytes[position] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        value = value * 10 + digit;
        if (value > max) {
          throw new MalformedRecordException(describe(field) + " is too large at column " + (begin - start + 1));
        }
        position++;
      }
      if (position == begin) {
        throw new MalformedRecordException(missing(field));
      }
      return value;
    }

    double readRating() throws MalformedRecordException {
      int begin = position;
      long mantissa = 0;
      int digits = 0;
      int fractionDigits = -1;
      while (position < end) {
        byte b = bytes[position];
        if (isDigit(b)) {
          if (++digits > 9) {
            throw new MalformedRecordException(outOfRange(begin));
          }
          mantissa = mantissa * 10 + (b - '0');
          if (fractionDigits >= 0) {
            fractionDigits++;
          }
        } else if (b == '.' && fractionDigits < 0) {
          fractionDigits = 0;
        } else {
          break;
        }
        position++;
      }
      if (digits == 0) {
        position = begin;
        throw new MalformedRecordException(missing(2));
      }
      // Dividing two exact integers is correctly rounded, so "3.5" and "7/2" give the same double.
      double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
      if (value < MIN_RATING || value > MAX_RATING) {
        throw new MalformedRecordException(outOfRange(begin));
      }
      return value;
    }

    /** Reads the separator after the first field and returns its length; the same one must follow. */
    int readFirstSeparator() throws MalformedRecordException {
      if (position >= end) {
        throw new MalformedRecordException("expected 4 fields (userId, movieId, rating, timestamp), found 1");
      }
      byte b = bytes[position];
      if (b == '\t' || b == ',') {
        separator = b;
        position++;
        return 1;
      }
      if (b == ':' && position + 1 < end && bytes[position + 1] == ':') {
        separator = ':';
        position += 2;
        return 2;
      }
      throw new MalformedRecordException("unexpected '" + printable(b) + "' at column " + column()
          + " in userId; expected digits, then a tab, '::' or ',' between fields");
    }

    void readSeparator(int length, int nextField) throws MalformedRecordException {
      if (position >= end) {
        throw new MalformedRecordException("expected 4 fields (userId, movieId, rating, timestamp), found " + nextField);
      }
      boolean matches = bytes[position] == separator && (length == 1 || (position + 1 < end && bytes[position + 1] == separator));
      if (!matches) {
        throw new MalformedRecordException("unexpected '" + printable(bytes[position]) + "' at column " + column()
            + " in " + FIELD_NAMES[nextField - 1] + "; expected digits, then the separator");
      }
      position += length;
    }

    private String missing(int field) {
      if (position >= end) {
        return describe(field) + " is empty at column " + column();
      }
      return describe(field) + " is not a number: unexpected '" + printable(bytes[position]) + "' at column " + column();
    }

    private String outOfRange(int begin) {
      int stop = begin;
      while (stop < end && bytes[stop] != separator) {
        stop++;
      }
      String text = new String(bytes, begin, stop - begin, StandardCharsets.ISO_8859_1);
      return "rating '" + text + "' at column " + (begin - start + 1) + " is outside " + MIN_RATING + "–" + MAX_RATING;
    }

    private static String describe(int field) {
      return "field " + (field + 1) + " (" + FIELD_NAMES[field] + ")";
    }

    private static boolean isDigit(byte b) {
      return b >= '0' && b <= '9';
    }

    private static String printable(byte b) {
      if (b == '\t') {
        return "\\t";
      }
      if (b < 32 || b > 126) {
        return String.format("\\x%02x", b & 0xff);
      }
      return String.valueOf((char) b);
    }
  }
}
