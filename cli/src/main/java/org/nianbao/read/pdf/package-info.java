/**
 * Reads PDF through PDFBox: the text layer as positioned glyphs and the drawn ruling lines become cell
 * grids (merged cells, vertical labels and tables split over pages rebuilt from layout), running text
 * becomes headings and paragraphs. The only package importing {@code org.apache.pdfbox}.
 */
package org.nianbao.read.pdf;
