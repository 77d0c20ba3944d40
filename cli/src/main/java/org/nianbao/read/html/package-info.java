/**
 * Readers for web pages and plain-text dumps: HTML tables rebuilt into full grids (colspan/rowspan
 * expanded) with jsoup, and tab-flattened text tables kept as ordered cell rows; both decode bytes with
 * an explicit, detected charset. The only package importing jsoup or Tika's charset detection.
 */
package org.nianbao.read.html;
