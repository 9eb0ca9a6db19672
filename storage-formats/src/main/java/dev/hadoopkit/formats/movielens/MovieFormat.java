package dev.hadoopkit.formats.movielens;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The text layouts MovieLens has shipped movies in, each with its own character set. */
public enum MovieFormat {
  /** ml-100k {@code u.item}: {@code id|title|dd-MMM-yyyy|video date|url|19 genre flags}, ISO-8859-1. */
  U_ITEM(StandardCharsets.ISO_8859_1),
  /** ml-1m/ml-10m {@code movies.dat}: {@code id::title (year)::genres}, ISO-8859-1. */
  DAT(StandardCharsets.ISO_8859_1),
  /** ml-latest {@code movies.csv}: header {@code movieId,title,genres}, quoted CSV, UTF-8. */
  CSV(StandardCharsets.UTF_8);

  private final Charset charset;

  MovieFormat(Charset charset) {
    this.charset = charset;
  }

  public Charset charset() {
    return charset;
  }

  /** Recognises the layout from the first line of a file, decoded as ISO-8859-1 (a superset of ASCII). */
  public static MovieFormat detect(String firstLine) {
    if (firstLine.startsWith("movieId,")) {
      return CSV;
    }
    if (firstLine.contains("::")) {
      return DAT;
    }
    if (firstLine.indexOf('|') >= 0) {
      return U_ITEM;
    }
    return CSV;
  }
}
