/**
 * The mapping files under {@code mappings/} (data, not code): loaded, validated against the key
 * catalogue and compiled once into an immutable {@link org.nianbao.mapping.CompiledMapping}.
 */
package org.nianbao.mapping;
