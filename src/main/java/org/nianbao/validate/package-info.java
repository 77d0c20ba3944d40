/** Validation: a report's own arithmetic identities and its per-cell findings, as anomalies. */
package org.nianbao.validate;
