package dev.hadoopkit.sandbox.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads the health of the daemons from their own HTTP endpoints (JMX servlet and REST APIs) on 127.0.0.1. */
public final class HealthProbe {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  /** HDFS as the NameNode sees it. */
  public record HdfsState(boolean safeMode, int liveDataNodes, int deadDataNodes, long capacity, long used,
      long remaining, long missingBlocks, long underReplicatedBlocks) {
  }

  /** YARN as the ResourceManager sees it. */
  public record YarnState(String state, int activeNodes, int lostNodes, int unhealthyNodes, int appsRunning) {
  }

  public Optional<JsonNode> get(int port, String path) {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(json.readTree(r.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public Optional<HdfsState> hdfs(int nameNodeHttpPort) {
    Optional<JsonNode> state = get(nameNodeHttpPort, "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState");
    Optional<JsonNode> info = get(nameNodeHttpPort, "/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo");
    Optional<JsonNode> fsn = get(nameNodeHttpPort, "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystem");
    if (state.isEmpty() || info.isEmpty() || fsn.isEmpty()) {
      return Optional.empty();
    }
    JsonNode s = state.get().path("beans").path(0);
    JsonNode i = info.get().path("beans").path(0);
    JsonNode f = fsn.get().path("beans").path(0);
    if (s.isMissingNode() || i.isMissingNode()) {
      return Optional.empty();
    }
    boolean safe = !i.path("Safemode").asText("").isEmpty();
    return Optional.of(new HdfsState(safe, s.path("NumLiveDataNodes").asInt(), s.path("NumDeadDataNodes").asInt(),
        s.path("CapacityTotal").asLong(), s.path("CapacityUsed").asLong(), s.path("CapacityRemaining").asLong(),
        f.path("MissingBlocks").asLong(), f.path("UnderReplicatedBlocks").asLong()));
  }

  public Optional<YarnState> yarn(int rmHttpPort) {
    Optional<JsonNode> info = get(rmHttpPort, "/ws/v1/cluster/info");
    Optional<JsonNode> metrics = get(rmHttpPort, "/ws/v1/cluster/metrics");
    if (info.isEmpty() || metrics.isEmpty()) {
      return Optional.empty();
    }
    JsonNode m = metrics.get().path("clusterMetrics");
    return Optional.of(new YarnState(info.get().path("clusterInfo").path("state").asText("?"),
        m.path("activeNodes").asInt(), m.path("lostNodes").asInt(), m.path("unhealthyNodes").asInt(),
        m.path("appsRunning").asInt()));
  }

  public boolean nodeManagerHealthy(int nmHttpPort) {
    return get(nmHttpPort, "/ws/v1/node/info").map(n -> n.path("nodeInfo").path("nodeHealthy").asBoolean(false))
        .orElse(false);
  }

  public boolean dataNodeUp(int dnHttpPort) {
    return get(dnHttpPort, "/jmx?qry=Hadoop:service=DataNode,name=DataNodeInfo")
        .map(n -> !n.path("beans").path(0).isMissingNode()).orElse(false);
  }

  public boolean historyUp(int jhsHttpPort) {
    return get(jhsHttpPort, "/ws/v1/history/info").map(n -> n.has("historyInfo")).orElse(false);
  }
}
