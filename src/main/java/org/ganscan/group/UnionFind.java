package org.ganscan.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Disjoint sets over 0..n-1; components of two or more, each sorted, in order of their first element. */
public final class UnionFind {
  private final int[] parent;

  public UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  public int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of a and b; whether they were apart. */
  public boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
      return true;
    }
    return false;
  }

  public List<List<Integer>> components() {
    int n = parent.length;
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      size[find(i)]++;
    }
    // Roots are each component's smallest member, so components come out in order of it.
    Map<Integer, List<Integer>> byRoot = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int r = find(i);
      if (size[r] > 1) {
        byRoot.computeIfAbsent(r, k -> new ArrayList<>(size[r])).add(i);
      }
    }
    return List.copyOf(byRoot.values());
  }
}
