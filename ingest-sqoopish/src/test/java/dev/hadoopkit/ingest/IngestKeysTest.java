package dev.hadoopkit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key is documented: each constant of {@link IngestKeys} has an entry in {@link IngestKeys#ALL}, every -D key
 * is in README's table, and no source file outside IngestKeys spells a key of its own.
 */
class IngestKeysTest {
  private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:hadoopkit\\.ingest|sqoop)\\.[A-Za-z0-9_.-]*)\"");

  @Test
  void everyConstantHasAnEntryWithADescription() throws IllegalAccessException {
    Set<String> documented = IngestKeys.ALL.stream().map(IngestKeys.Key::name).collect(Collectors.toSet());
    for (Field f : IngestKeys.class.getFields()) {
      if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
        String key = (String) f.get(null);
        assertTrue(documented.contains(key), f.getName() + " = " + key + " is missing from IngestKeys.ALL");
      }
    }
    for (IngestKeys.Key key : IngestKeys.ALL) {
      assertFalse(key.description().isBlank(), key.name() + " has no description");
      assertFalse(key.defaultValue().isBlank(), key.name() + " has no default");
    }
  }

  @Test
  void keysAreUnique() {
    Set<String> seen = new HashSet<>();
    for (IngestKeys.Key key : IngestKeys.ALL) {
      assertTrue(seen.add(key.name()), "listed twice: " + key.name());
    }
  }

  @Test
  void everyUserKeyIsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (IngestKeys.Key key : IngestKeys.ALL) {
      if (key.scope() != IngestKeys.Scope.JOB) {
        assertTrue(readme.contains("| `" + key.name() + "` |"), key.name() + " is missing from README.md's key table");
      }
    }
  }

  @Test
  void noKeyIsSpelledOutsideTheKeysClass() throws IOException {
    Path main = Path.of("src", "main", "java");
    assertTrue(Files.isDirectory(main), "run from the module directory: " + main.toAbsolutePath());
    List<String> strays = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
        if (file.getFileName().toString().equals("IngestKeys.java")) {
          continue;
        }
        Matcher m = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          strays.add(main.relativize(file) + ": " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), strays, "define these keys in IngestKeys (with a default and a description)");
  }
}
