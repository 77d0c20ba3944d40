package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff (longest common subsequence, three lines of context per hunk). */
final class LineDiff {
  private static final int CONTEXT = 3;

  private LineDiff() {}

  /** The diff lines (" ", "-", "+" prefixed, with @@ hunk headers); empty when the texts are equal. */
  static List<String> diff(String label, List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // one edit script entry per line: op, line number in expected (1-based), text
    List<String[]> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        script.add(new String[] {" ", Integer.toString(i + 1), expected.get(i)});
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        script.add(new String[] {"+", Integer.toString(i + 1), actual.get(j)});
        j++;
      } else {
        script.add(new String[] {"-", Integer.toString(i + 1), expected.get(i)});
        i++;
      }
    }
    List<String> out = new ArrayList<>();
    int k = 0;
    while (k < script.size()) {
      if (script.get(k)[0].equals(" ")) {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int quiet = 0;
      while (end < script.size() && quiet <= 2 * CONTEXT) {
        quiet = script.get(end)[0].equals(" ") ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(script.size(), end - Math.max(0, quiet - CONTEXT));
      if (out.isEmpty()) {
        out.add("--- expected/" + label);
        out.add("+++ actual/" + label);
      }
      out.add("@@ expected line " + script.get(start)[1] + " @@");
      for (int x = start; x < end; x++) {
        out.add(script.get(x)[0] + script.get(x)[2]);
      }
      k = end;
    }
    return out;
  }
}
