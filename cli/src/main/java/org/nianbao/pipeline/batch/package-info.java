/**
 * The batch runner: walks folders and zip archives (Commons Compress) into named, hashed inputs, has each
 * read and extracted by an isolated worker JVM under a time limit, records every outcome in a resumable
 * state folder that one run at a time may use, and assembles the output files from it as one set. Owns no
 * document logic: it only drives a {@link org.nianbao.pipeline.DocumentProcessor}; the walker and
 * {@link org.nianbao.pipeline.batch.DocumentReads} also serve other drivers.
 */
package org.nianbao.pipeline.batch;
