package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.cli.SqoopTool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every tool of {@code sqoop}, by name, in one table: the launcher runs them, {@code sqoop help} lists them, and
 * {@code sqoop job} saves and runs the database tools among them (not codegen, create-hive-table, merge or job). A duplicate name fails at start.
 */
public final class ToolRegistry {
  /** The tools {@code sqoop job --create} accepts, as in Sqoop 1.4.7. */

  private final Map<String, SqoopTool> tools;

  private ToolRegistry(List<SqoopTool> tools) {
    Map<String, SqoopTool> table = new LinkedHashMap<>();
    for (SqoopTool c : tools) {
      if (table.put(c.name(), c) != null) {
        throw new IllegalStateException("Two tools are named " + c.name());
      }
    }
    this.tools = Collections.unmodifiableMap(table);
  }

  /** The tools of this build, listed by name. */
  public static ToolRegistry standard() {
    List<SqoopTool> savable = List.of(new EvalCommand(), new ExportCommand(), new ImportCommand(),
        new ImportAllTablesCommand(), new ListDatabasesCommand(), new ListTablesCommand());
    Map<String, SqoopTool> byName = new TreeMap<>();
    savable.forEach(c -> byName.put(c.name(), c));
    List<SqoopTool> all = new ArrayList<>(savable);
    all.add(new CodegenCommand());
    all.add(new CreateHiveTableCommand());
    all.add(new MergeCommand());
    all.add(new SavedJobsCommand(Collections.unmodifiableMap(byName)));
    all.sort(Comparator.comparing(SqoopTool::name));
    return new ToolRegistry(all);
  }

  /** The tool named {@code name}, or null. */
  public SqoopTool get(String name) {
    return tools.get(name);
  }

  public Collection<SqoopTool> all() {
    return tools.values();
  }

  /** Name to tool, in listing order. */
  public Map<String, SqoopTool> asMap() {
    return tools;
  }
}
