package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.ActionBody.FsOperation;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The fs action: delete, mkdir, move, chmod, touchz, chgrp through Hadoop's FileSystem, in document order, in the
 * engine (no launcher), as in Oozie. Paths are URIs ({@code hdfs://nn/x}, {@code file:///x}) or absolute paths on the
 * name-node. Errors carry Oozie's FS00x codes.
 */
final class FsActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "fs";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws IOException {
    Configuration conf = context.conf();
    for (FsOperation op : context.body(ActionBody.Fs.class).operations()) {
      if (context.cancellation().isCancelled()) {
        return ActionOutcome.error(RunErrorCode.KILLED, "cancelled");
      }
      String name = op.element();
      try {
        if (op instanceof FsOperation.Delete delete) {
          delete(path(delete.path(), "path", conf), conf);
        } else if (op instanceof FsOperation.Mkdir mkdir) {
          Path p = path(mkdir.path(), "path", conf);
          p.getFileSystem(conf).mkdirs(p);
        } else if (op instanceof FsOperation.Move move) {
          move(path(move.source(), "source", conf), orEmpty(move.target()), conf);
        } else if (op instanceof FsOperation.Chmod chmod) {
          chmod(path(chmod.path(), "path", conf), orEmpty(chmod.permissions()), chmod.dirFiles(), chmod.recursive(),
              conf);
        } else if (op instanceof FsOperation.Touchz touchz) {
          touchz(path(touchz.path(), "path", conf), conf);
        } else if (op instanceof FsOperation.Chgrp chgrp) {
          chgrp(path(chgrp.path(), "path", conf), orEmpty(chgrp.group()), chgrp.dirFiles(), chgrp.recursive(), conf);
        } else { // setrep, or an element the schema allows and this engine does not run
          return ActionOutcome.failed(RunErrorCode.FS001, "unknown fs operation <" + name + ">");
        }
      } catch (FsException e) {
        return ActionOutcome.error(e.code, "<" + name + ">: " + e.getMessage());
      } catch (IOException e) {
        return ActionOutcome.error(RunErrorCode.FS009, "<" + name + ">: " + e.getMessage());
      }
    }
    return ActionOutcome.ok();
  }

  /** An absent attribute reads as empty, as the DOM gives it. */
  private static String orEmpty(String attribute) {
    return attribute == null ? "" : attribute;
  }

  private static Path path(String attribute, String attributeName, Configuration conf) throws FsException {
    String value = orEmpty(attribute).trim();
    if (value.isEmpty()) {
      throw new FsException(RunErrorCode.FS001, attributeName + " is empty");
    }
    Path p = new Path(value);
    if (!p.isAbsolute() && p.toUri().getScheme() == null) {
      throw new FsException(RunErrorCode.FS001, "path [" + value
          + "] is not absolute: use a full URI (hdfs://…, file:///…) or an absolute path with <name-node> set");
    }
    return p;
  }

  private static void delete(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(p);
    if (matches == null) {
      return;
    }
    for (FileStatus match : matches) {
      fs.delete(match.getPath(), true);
    }
  }

  private static void move(Path source, String targetText, Configuration conf) throws IOException {
    FileSystem fs = source.getFileSystem(conf);
    Path target = new Path(targetText.trim());
    if (target.toUri().getScheme() == null) {
      target = fs.makeQualified(target);
    }
    FileStatus[] matches = fs.globStatus(source);
    if (matches == null || matches.length == 0) {
      throw new FsException(RunErrorCode.FS006, "move source [" + source + "] does not exist");
    }
    if (!target.getParent().isRoot() && !fs.exists(target.getParent())) {
      throw new FsException(RunErrorCode.FS008, "move target's parent directory [" + target.getParent()
          + "] does not exist");
    }
    for (FileStatus match : matches) {
      if (!fs.rename(match.getPath(), target)) {
        throw new FsException(RunErrorCode.FS009, "cannot move [" + match.getPath() + "] to [" + target + "]");
      }
    }
  }

  private static void chmod(Path p, String permissions, boolean dirFiles, boolean recursive, Configuration conf)
      throws IOException {
    FsPermission permission;
    try {
      permission = permissions.matches("[0-7]{3,4}") ? new FsPermission(permissions)
          : FsPermission.valueOf((permissions.length() == 9 ? "-" : "") + permissions);
    } catch (IllegalArgumentException e) {
      throw new FsException(RunErrorCode.FS010, "invalid permissions [" + permissions
          + "]: use octal (755) or rwxr-xr-x");
    }
    FileSystem fs = p.getFileSystem(conf);
    for (FileStatus status : existing(fs, p)) {
      apply(fs, status, dirFiles, recursive, s -> fs.setPermission(s.getPath(), permission));
    }
  }

  private static void chgrp(Path p, String group, boolean dirFiles, boolean recursive, Configuration conf)
      throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    for (FileStatus status : existing(fs, p)) {
      apply(fs, status, dirFiles, recursive, s -> fs.setOwner(s.getPath(), null, group));
    }
  }

  private static FileStatus[] existing(FileSystem fs, Path p) throws IOException {
    FileStatus[] matches = fs.globStatus(p);
    if (matches == null || matches.length == 0) {
      throw new FsException(RunErrorCode.FS006, "path [" + p + "] does not exist");
    }
    return matches;
  }

  private interface StatusOp {
    void apply(FileStatus status) throws IOException;
  }

  private static void apply(FileSystem fs, FileStatus status, boolean dirFiles, boolean recursive, StatusOp op)
      throws IOException {
    op.apply(status);
    if (status.isDirectory() && (dirFiles || recursive)) {
      for (FileStatus child : fs.listStatus(status.getPath())) {
        if (child.isDirectory()) {
          if (recursive) {
            apply(fs, child, dirFiles, true, op);
          }
        } else {
          op.apply(child);
        }
      }
    }
  }

  private static void touchz(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    if (fs.exists(p)) {
      FileStatus status = fs.getFileStatus(p);
      if (status.isDirectory()) {
        throw new FsException(RunErrorCode.FS012, "touchz path [" + p + "] is a directory");
      }
      if (status.getLen() != 0) {
        throw new FsException(RunErrorCode.FS012, "touchz path [" + p + "] is not empty (" + status.getLen()
            + " bytes)");
      }
      fs.setTimes(p, System.currentTimeMillis(), -1);
    } else {
      fs.create(p, false).close();
    }
  }

  private static final class FsException extends IOException {
    final RunErrorCode code;

    FsException(RunErrorCode code, String message) {
      super(message);
      this.code = code;
    }
  }
}
