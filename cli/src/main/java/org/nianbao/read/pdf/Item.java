package org.nianbao.read.pdf;

/** A piece of a laid-out page: a line of running text or a table. */
sealed interface Item permits Line, Table {
  /** The 1-based page the item starts on. */
  int page();

  /** The item's top edge on that page (points from the top). */
  double top();
}
