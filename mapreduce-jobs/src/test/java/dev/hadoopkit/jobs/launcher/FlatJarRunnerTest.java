package dev.hadoopkit.jobs.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlatJarRunnerTest {
  @TempDir
  Path dir;

  @Test
  void aShadedJarWithNativeLibrariesIsFlat() throws Exception {
    File jar = jar("flat.jar", "com.example.Main", "com/example/Main.class", "lib/", "lib/linux-x86_64/",
        "lib/linux-x86_64/libbrotli.so");

    FlatJarRunner.Layout layout = FlatJarRunner.inspect(jar);

    assertFalse(layout.nested());
    assertEquals("com.example.Main", layout.mainClass());
  }

  @Test
  void nestedJarsOrClassesNeedUnpacking() throws Exception {
    assertTrue(FlatJarRunner.inspect(jar("libs.jar", null, "lib/", "lib/dep.jar")).nested());
    assertTrue(FlatJarRunner.inspect(jar("classes.jar", null, "classes/com/example/A.class")).nested());
    assertNull(FlatJarRunner.inspect(jar("nomain.jar", null, "a.txt")).mainClass());
  }

  @Test
  void whatIsNotAJarIsLeftToRunJar() throws Exception {
    assertNull(FlatJarRunner.inspect(dir.resolve("missing.jar").toFile()));
    assertNull(FlatJarRunner.inspect(Files.writeString(dir.resolve("text.jar"), "not a zip").toFile()));
  }

  @Test
  void aJarOnTheClassPathIsRecognised() throws Exception {
    assertFalse(FlatJarRunner.onClassPath(jar("flat.jar", "com.example.Main", "com/example/Main.class")));
    String onPath = System.getProperty("java.class.path").split(File.pathSeparator)[0];
    assertTrue(FlatJarRunner.onClassPath(new File(onPath)));
  }

  private File jar(String name, String mainClass, String... entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    Path path = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return path.toFile();
  }
}
