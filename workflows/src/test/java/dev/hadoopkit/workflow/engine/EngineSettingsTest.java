package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every default, and every key mapped to its field. */
class EngineSettingsTest {

  @Test
  void defaults() {
    EngineSettings settings = EngineSettings.from(Map.of(), Map.of());
    assertEquals(Path.of(System.getProperty("user.home"), ".hadoopkit", "workflows"), settings.stateDir());
    assertEquals(8, settings.poolSize());
    assertEquals(64 * 1024, settings.captureOutputLimit());
    assertTrue(settings.journalSync());
  }

  @Test
  void everyKeyMapsToItsField() {
    EngineSettings settings = EngineSettings.from(Map.of(ConfigKeys.STATE_DIR, "/x/state", ConfigKeys.POOL_SIZE, "32",
        ConfigKeys.CAPTURE_LIMIT, "2048", ConfigKeys.JOURNAL_SYNC, "false"), Map.of());
    assertEquals(Path.of("/x/state"), settings.stateDir());
    assertEquals(32, settings.poolSize());
    assertEquals(2048, settings.captureOutputLimit());
    assertFalse(settings.journalSync());
    assertEquals(Path.of("/from/env"),
        EngineSettings.from(Map.of(), Map.of(ConfigKeys.STATE_DIR_ENV, "/from/env")).stateDir());
    assertEquals(Path.of("/prop"), EngineSettings.from(Map.of(ConfigKeys.STATE_DIR, "/prop"),
        Map.of(ConfigKeys.STATE_DIR_ENV, "/from/env")).stateDir(), "the property wins over the environment");
  }

  @Test
  void invalidValuesNameTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineSettings.from(Map.of(ConfigKeys.POOL_SIZE, "many"), Map.of()));
    assertTrue(e.getMessage().contains(ConfigKeys.POOL_SIZE), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EngineSettings.from(Map.of(ConfigKeys.POOL_SIZE, "0"),
        Map.of()));
  }

  @Test
  void everyKeyIsDocumented() {
    for (String key : new String[] {ConfigKeys.STATE_DIR, ConfigKeys.POOL_SIZE, ConfigKeys.CAPTURE_LIMIT,
        ConfigKeys.JOURNAL_SYNC, ConfigKeys.RERUN_FAIL_NODES, ConfigKeys.RERUN_SKIP_NODES}) {
      assertTrue(ConfigKeys.ALL.stream().anyMatch(k -> k.name().equals(key)), key);
    }
  }
}
