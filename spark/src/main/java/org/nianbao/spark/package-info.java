/**
 * The extraction as an Apache Spark job: Spark lists and distributes the files, the command line's code
 * does everything else (walking archives, the pipeline, duplicates, cross-report checks, the CSV writers),
 * fed in the command line's order, so the rows are the same.
 */
package org.nianbao.spark;
