/**
 * Normalization: cell text → value + flags ("00", full-width digits, odd spaces, dashes, units,
 * thousands separators, signs), and the single normalized form labels are matched in.
 */
package org.nianbao.normalize;
