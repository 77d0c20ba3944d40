/**
 * Mapping tables onto canonical keys: header cells bound to value columns, row labels resolved to rows,
 * every bound cell emitted with its raw text and where it was read.
 */
package org.nianbao.map;
