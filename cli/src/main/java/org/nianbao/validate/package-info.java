/**
 * Validation: a report's own arithmetic identities, per-cell findings and completeness (every cell of a
 * table found read or explained), and the checks across the reports of one run (continuity from year to
 * year, duplicates), as anomalies.
 */
package org.nianbao.validate;
