package org.nianbao.decode;

import java.util.List;
import org.nianbao.source.SourceDocument;

/**
 * A document's text cut into tokens once, for the indicator rows and the fixed-row decoder to share: both read
 * the same tokens, and cutting them (NFKC, numbers, match forms) is most of what either costs.
 */
public final class TokenizedDocument {
  private static final Tokenizer TOKENIZER = new Tokenizer();
  private final SourceDocument document;
  private final List<Token> tokens;

  private TokenizedDocument(SourceDocument document, List<Token> tokens) {
    this.document = document;
    this.tokens = tokens;
  }

  public static TokenizedDocument of(SourceDocument document) {
    return new TokenizedDocument(document, List.copyOf(TOKENIZER.tokens(document)));
  }

  public SourceDocument document() {
    return document;
  }

  List<Token> tokens() {
    return tokens;
  }
}
