/**
 * The canonical model every stage speaks: reports, canonical cell values with provenance, anomalies.
 * Records that check themselves; imports nothing of ours.
 */
package org.nianbao.model;
