package org.nianbao.read.word;

/**
 * What a Word format walker extracts before any grid is built: the POI-facing step fills these plain
 * values, and {@link WordDocuments} turns them into the neutral document without touching POI again.
 */
sealed interface WordBlock permits WordParagraph, WordTable {}
