/**
 * Reads statistics tables from text whose cell grid was lost (text dumps, pdftotext and Tika text, markdown
 * from PDF converters, rows glued into digit runs): the text becomes a token stream, the template's rows are
 * found by their label anchors, numeric tuples are aligned to the rows in order, and glued digit runs are
 * split only where the report's own identities (or a number the prose states) leave one reading. Every cell
 * placed says how it was placed.
 */
package org.nianbao.decode;
