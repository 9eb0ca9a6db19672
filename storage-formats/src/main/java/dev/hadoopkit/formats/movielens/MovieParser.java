package dev.hadoopkit.formats.movielens;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one movies line in a given {@link MovieFormat}. Stateless and thread-safe. */
public final class MovieParser {

  /** u.item writes release dates as {@code 01-Jan-1995}. */
  public static final DateTimeFormatter U_ITEM_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  /** Parsing also takes single-digit days: ml-100k has {@code 4-Feb-1971}. */
  private static final DateTimeFormatter U_ITEM_DATE_LENIENT = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

  private static final Pattern YEAR_IN_TITLE = Pattern.compile("\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$");

  /** @return the movie, or {@code null} for a header line */
  public Movie parse(String line, MovieFormat format) throws MalformedRecordException {
    String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (trimmed.isEmpty()) {
      throw new MalformedRecordException("empty line");
    }
    return switch (format) {
      case U_ITEM -> parseUItem(trimmed);
      case DAT -> parseDat(trimmed);
      case CSV -> trimmed.startsWith("movieId,") ? null : parseCsv(trimmed);
    };
  }

  private Movie parseUItem(String line) throws MalformedRecordException {
    int firstBar = line.indexOf('|');
    int secondBar = firstBar < 0 ? -1 : line.indexOf('|', firstBar + 1);
    if (secondBar < 0) {
      throw new MalformedRecordException("expected fields separated by '|' (movieId|title|release date|...), found "
          + (firstBar < 0 ? 1 : 2));
    }
    int thirdBar = line.indexOf('|', secondBar + 1);
    int id = parseId(line.substring(0, firstBar));
    String title = line.substring(firstBar + 1, secondBar);
    String date = line.substring(secondBar + 1, thirdBar < 0 ? line.length() : thirdBar).trim();
    LocalDate releaseDate = null;
    if (!date.isEmpty()) {
      try {
        // ISO dates too: a database table exported as text (e.g. sqoop import --fields-terminated-by '|') has them.
        releaseDate = Character.isDigit(date.charAt(0)) && date.indexOf('-') == 4 ? LocalDate.parse(date)
            : LocalDate.parse(date, U_ITEM_DATE_LENIENT);
      } catch (DateTimeParseException e) {
        throw new MalformedRecordException("release date '" + date + "' is neither dd-MMM-yyyy (01-Jan-1995) nor"
            + " yyyy-MM-dd (1995-01-01)");
      }
    }
    return new Movie(id, title, releaseDate);
  }

  private Movie parseDat(String line) throws MalformedRecordException {
    int first = line.indexOf("::");
    int second = first < 0 ? -1 : line.indexOf("::", first + 2);
    if (second < 0) {
      throw new MalformedRecordException("expected movieId::title::genres");
    }
    String title = line.substring(first + 2, second);
    return new Movie(parseId(line.substring(0, first)), title, yearOf(title));
  }

  private Movie parseCsv(String line) throws MalformedRecordException {
    List<String> fields = splitCsv(line);
    if (fields.size() < 2) {
      throw new MalformedRecordException("expected movieId,title,genres; found " + fields.size() + " field");
    }
    String title = fields.get(1).trim();
    return new Movie(parseId(fields.get(0)), title, yearOf(title));
  }

  private static int parseId(String text) throws MalformedRecordException {
    String id = text.trim();
    if (id.isEmpty()) {
      throw new MalformedRecordException("movieId is empty");
    }
    try {
      int value = Integer.parseInt(id);
      if (value < 0) {
        throw new MalformedRecordException("movieId '" + id + "' is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new MalformedRecordException("movieId '" + id + "' is not a number");
    }
  }

  /** ml-1m and ml-latest carry only a year, in the title: it becomes that year's first of January. */
  static LocalDate yearOf(String title) {
    Matcher matcher = YEAR_IN_TITLE.matcher(title);
    return matcher.find() ? LocalDate.of(Integer.parseInt(matcher.group(1)), 1, 1) : null;
  }

  /** Splits one RFC 4180 line: quoted fields may hold commas and doubled quotes. */
  static List<String> splitCsv(String line) throws MalformedRecordException {
    return QuotedFields.splitStrict(line, ',');
  }

}
