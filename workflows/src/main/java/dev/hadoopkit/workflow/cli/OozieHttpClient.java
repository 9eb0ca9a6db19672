package dev.hadoopkit.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Oozie's web-services API v2 over HTTP, as {@code bin/oozie} uses it against {@code bin/workflow serve} (or any
 * Oozie server). Errors come back as {@link OozieHttpClient.ServerError} with the server's code and message.
 */
final class OozieHttpClient {
  static final String DEFAULT_URL = "http://127.0.0.1:11000/oozie";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server answered with an error (its Oozie code and message). */
  static final class ServerError extends Exception {
    final int status;
    final String code;

    ServerError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** Nothing answers at the URL. */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  private final String base;
  private final HttpClient http;
  private final String token;

  OozieHttpClient(String url, String token) {
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.token = token;
  }

  String url() {
    return base;
  }

  static String query(Map<String, String> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach((k, v) -> {
      if (v != null) {
        joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    String text = joiner.toString();
    return text.isEmpty() ? "" : "?" + text;
  }

  JsonNode getJson(String path, Map<String, String> params) throws IOException, ServerError, Unreachable {
    return JSON.readTree(send("GET", path + query(params), null, null));
  }

  String getText(String path, Map<String, String> params) throws IOException, ServerError, Unreachable {
    return send("GET", path + query(params), null, null);
  }

  JsonNode postXml(String path, Map<String, String> params, String xml) throws IOException, ServerError,
      Unreachable {
    return JSON.readTree(send("POST", path + query(params), xml, "application/xml;charset=UTF-8"));
  }

  String put(String path, Map<String, String> params, String xml) throws IOException, ServerError, Unreachable {
    return send("PUT", path + query(params), xml, xml == null ? null : "application/xml;charset=UTF-8");
  }

  private String send(String method, String pathAndQuery, String body, String contentType)
      throws IOException, ServerError, Unreachable {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofSeconds(120))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.trim());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new Unreachable("no Oozie server answers at " + base);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() >= 400) {
      String code = response.headers().firstValue("oozie-error-code").orElse("E" + response.statusCode());
      String message = response.headers().firstValue("oozie-error-message").orElse(null);
      try {
        JsonNode error = JSON.readTree(response.body());
        if (error.hasNonNull("errorMessage")) {
          message = error.get("errorMessage").asText();
        }
        if (error.hasNonNull("errorCode")) {
          code = error.get("errorCode").asText();
        }
      } catch (IOException ignored) {
        // not JSON: keep the header
      }
      throw new ServerError(response.statusCode(), code, message == null ? response.body() : message);
    }
    return response.body();
  }
}
