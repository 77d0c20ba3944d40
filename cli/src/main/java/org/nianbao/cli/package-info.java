/**
 * The command line: parses options with picocli, runs the batch, prints progress and the summary on
 * stderr and picks the exit status. The only package that prints or exits.
 */
package org.nianbao.cli;
