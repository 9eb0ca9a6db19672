package dev.hadoopkit.formats.movielens;

/**
 * One MovieLens rating. {@code rating} is a double because ml-latest uses half stars (0.5–5.0);
 * ml-100k and ml-1m ratings are whole stars and stay exact.
 *
 * @param userId user id as in the source file
 * @param movieId movie id as in the source file
 * @param rating stars, 0.5 to 5.0
 * @param timestamp seconds since the epoch (UTC)
 */
public record Rating(int userId, int movieId, double rating, long timestamp) {
}
