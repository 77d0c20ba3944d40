/**
 * Scanned pages: the page image put upright and straight, its ruling lines found, each table cell and each
 * line of running text recognised by Tesseract, as text with positions and a confidence per cell. The only
 * package that imports the OCR engine.
 */
package org.nianbao.read.ocr;
