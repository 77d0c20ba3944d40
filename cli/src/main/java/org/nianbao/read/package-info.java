/**
 * Reading inputs: content sniffing (magic bytes, never the extension), the {@link
 * org.nianbao.read.DocumentReader} contract and the registry choosing a reader per detected type.
 * Subpackages hold one reader family each and are the only code importing format libraries.
 */
package org.nianbao.read;
