/**
 * Locating: finds the statistics tables by section headings and content, decides each table's format
 * era and the report's, and reads the report's title, agency and data year.
 */
package org.nianbao.locate;
