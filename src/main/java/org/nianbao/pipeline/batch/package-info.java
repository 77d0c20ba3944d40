/**
 * The batch runner: walks folders and zip archives into inputs, extracts each in an isolated worker JVM
 * under a time limit, records every outcome in a resumable state folder and assembles the CSV files from
 * it. Owns no document logic: it only drives a {@link org.nianbao.pipeline.DocumentProcessor}.
 */
package org.nianbao.pipeline.batch;
