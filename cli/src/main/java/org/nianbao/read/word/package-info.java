/**
 * Word reader: DOCX (its zip and XML read with the JDK) and Word 97–2003 DOC (POI HWPF) into the neutral
 * document, with merged table cells expanded into a full grid. The only reader package importing
 * {@code org.apache.poi}.
 */
package org.nianbao.read.word;
