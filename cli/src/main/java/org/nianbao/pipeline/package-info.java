/** The pipeline: wires the stages for one document into one outcome, and runs batches of documents. */
package org.nianbao.pipeline;
