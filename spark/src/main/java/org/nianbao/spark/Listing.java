package org.nianbao.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What Spark's file listing leaves out but the command line reads: empty files (a scan skips them; the
 * command line gives each a failed row) and names starting with {@code _} (Spark's convention for its own
 * metadata files). Listed on the driver with the input's Hadoop file system; names starting with {@code .}
 * are hidden to both.
 *
 * @param empty the empty files, as full paths
 * @param underscored the non-empty files whose path below the input has a name starting with {@code _}
 */
record Listing(List<String> empty, List<String> underscored) {
  static Listing of(FileSystem fs, Stages.Root root) throws IOException {
    List<String> empty = new ArrayList<>();
    List<String> underscored = new ArrayList<>();
    org.apache.hadoop.fs.Path top = new org.apache.hadoop.fs.Path(root.uri());
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(top, true);
    while (files.hasNext()) {
      LocatedFileStatus f = files.next();
      String path = f.getPath().toString();
      String relative = root.folder() ? root.relative(path) : "";
      if (hiddenToBoth(relative)) {
        continue;
      }
      if (f.getLen() == 0) {
        empty.add(path);
      } else if (underscored(relative)) {
        underscored.add(path);
      }
    }
    return new Listing(List.copyOf(empty), List.copyOf(underscored));
  }

  private static boolean hiddenToBoth(String relative) {
    for (String name : relative.split("/")) {
      if (name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Spark's listing skips {@code _name} (except {@code _metadata} files and partition folders {@code _a=b}). */
  private static boolean underscored(String relative) {
    for (String name : relative.split("/")) {
      boolean skipped = (name.startsWith("_") && !name.contains("=")) || name.endsWith("._COPYING_");
      if (skipped && !name.startsWith("_common_metadata") && !name.startsWith("_metadata")) {
        return true;
      }
    }
    return false;
  }
}
