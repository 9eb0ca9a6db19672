package dev.hadoopkit.formats.movielens;

/** The text layouts MovieLens has shipped ratings in. */
public enum RatingFormat {
  /** ml-100k {@code u.data}: {@code user TAB movie TAB rating TAB unixtime}. */
  U_DATA("\t"),
  /** ml-1m/ml-10m {@code ratings.dat}: {@code user::movie::rating::unixtime}. */
  DAT("::"),
  /** ml-latest {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}, half-star ratings. */
  CSV(",");

  private final String separator;

  RatingFormat(String separator) {
    this.separator = separator;
  }

  public String separator() {
    return separator;
  }
}
