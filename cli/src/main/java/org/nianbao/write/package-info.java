/**
 * Writing: the CSV files of OUTPUT.md, the wide per-era tables and the optional XLSX workbook, each
 * atomically and from reports streamed one at a time.
 */
package org.nianbao.write;
