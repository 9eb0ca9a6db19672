package dev.hadoopkit.formats.io;

import java.util.EnumMap;
import java.util.Map;

/** The models of the binary formats, loaded once from the class names registered on {@link FileFormat}. */
final class FormatModels {

  private FormatModels() {
  }

  static FormatModel of(FileFormat format) {
    FormatModel model = Loaded.MODELS.get(format);
    if (model == null) {
      throw new IllegalStateException("Cannot use a format model for " + format.displayName()
          + ": it has none (text is read through the text readers, with a preset or schema)");
    }
    return model;
  }

  /** Initialised on first use, so the enum itself never depends on the format packages. */
  private static final class Loaded {
    static final Map<FileFormat, FormatModel> MODELS = load();

    private static Map<FileFormat, FormatModel> load() {
      Map<FileFormat, FormatModel> models = new EnumMap<>(FileFormat.class);
      for (FileFormat format : FileFormat.values()) {
        if (format.isBinary()) {
          models.put(format, instantiate(format));
        }
      }
      return java.util.Collections.unmodifiableMap(models);
    }

    private static FormatModel instantiate(FileFormat format) {
      try {
        Class<?> type = Class.forName(format.modelClass(), true, FormatModels.class.getClassLoader());
        FormatModel model = (FormatModel) type.getDeclaredConstructor().newInstance();
        if (model.format() != format) {
          throw new IllegalStateException("Invalid format model " + format.modelClass() + ": registered for "
              + format + " but reads and writes " + model.format());
        }
        return model;
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("Cannot load the " + format.displayName() + " format model "
            + format.modelClass() + ": " + e + " (is storage-formats whole on the classpath?)", e);
      }
    }
  }
}
