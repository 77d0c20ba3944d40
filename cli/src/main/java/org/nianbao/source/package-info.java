/**
 * The neutral document every reader produces: headings, paragraphs and tables as full cell grids, each
 * piece of text with the {@link org.nianbao.source.SourceRef} it was read from. Imports nothing of ours.
 */
package org.nianbao.source;
