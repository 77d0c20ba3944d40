package org.nianbao.read.pdf;

/** Disjoint sets over {@code 0..n-1}, for grouping touching lines and merging grid positions. */
final class UnionFind {
  private final int[] parent;

  UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  int find(int i) {
    int root = i;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[i] != root) {
      int next = parent[i];
      parent[i] = root;
      i = next;
    }
    return root;
  }

  /** Joins the sets of a and b; true when they were apart. */
  boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return false;
    }
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}
