/**
 * Validation: a report's own arithmetic identities and per-cell findings, and the checks across the
 * reports of one run (continuity from year to year, duplicates), as anomalies.
 */
package org.nianbao.validate;
