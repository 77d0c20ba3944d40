package org.nianbao.read.ocr;

import static org.bytedeco.tesseract.global.tesseract.PSM_AUTO;
import static org.bytedeco.tesseract.global.tesseract.PSM_RAW_LINE;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_BLOCK;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ChoiceIterator;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * One Tesseract instance (not thread-safe: one per thread, see {@link #get()}). Images are 8-bit grey,
 * one byte per pixel, rows top to bottom.
 */
final class OcrEngine {
  /** What a numeric cell may hold: digits and the separators and dashes reports print. */
  static final String DIGITS = "0123456789,.-/";

  private static final ThreadLocal<OcrEngine> PER_THREAD = ThreadLocal.withInitial(OcrEngine::new);

  private final TessBaseAPI api = new TessBaseAPI();
  /** The Latin model, a second reader of numbers (null when its file is missing). */
  private final TessBaseAPI latin;

  private OcrEngine() {
    String folder = Tessdata.folder().map(p -> p.toAbsolutePath().toString())
        .orElseThrow(() -> new IllegalStateException("OCR model chi_sim.traineddata not found (ocr/tessdata)"));
    init(api, folder, Tessdata.LANGUAGE);
    if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(folder, Tessdata.LATIN + ".traineddata"))) {
      latin = new TessBaseAPI();
      init(latin, folder, Tessdata.LATIN);
    } else {
      latin = null;
    }
  }

  private static void init(TessBaseAPI api, String folder, String language) {
    if (api.Init(folder, language) != 0) {
      throw new IllegalStateException("Tesseract could not load " + language + " from " + folder);
    }
    api.SetVariable("debug_file", "/dev/null");
    // alternatives per character for the identity repair: Tesseract's LSTM keeps them only when asked
    api.SetVariable("lstm_choice_mode", "2");
    api.SetVariable("user_defined_dpi", "300");
  }

  static OcrEngine get() {
    return PER_THREAD.get();
  }

  /** Lines of text in a block of running text (automatic page segmentation). */
  List<List<Symbol>> page(Gray image) {
    return run(image, PSM_AUTO, "");
  }

  /** One line of text, any characters. */
  List<List<Symbol>> line(Gray image) {
    return run(image, PSM_SINGLE_LINE, "");
  }

  /**
   * One line of text taken as it is, without the engine's own search for lines: a line in large type that
   * the page and line modes return nothing for (corpus/scans/real/hongze-2023-scan's title).
   */
  List<List<Symbol>> rawLine(Gray image) {
    return run(image, PSM_RAW_LINE, "");
  }

  /** Lines of a cell's text, any characters. */
  List<List<Symbol>> block(Gray image) {
    return run(image, PSM_SINGLE_BLOCK, "");
  }

  /** One line of digits and separators. */
  List<Symbol> digits(Gray image) {
    List<List<Symbol>> lines = run(image, PSM_SINGLE_LINE, DIGITS);
    List<Symbol> all = new ArrayList<>();
    lines.forEach(all::addAll);
    return all;
  }

  /**
   * One line of digits and separators read by the Latin model: the Chinese model, trained on few lone
   * digits, reads a clear printed 5 as 3 with 98% confidence; the two models rarely make the same mistake.
   * Empty when the Latin model is not installed.
   */
  Optional<List<Symbol>> latinDigits(Gray image) {
    if (latin == null) {
      return Optional.empty();
    }
    List<Symbol> all = new ArrayList<>();
    run(latin, image, PSM_SINGLE_LINE, DIGITS).forEach(all::addAll);
    return Optional.of(all);
  }

  private List<List<Symbol>> run(Gray image, int psm, String whitelist) {
    return run(api, image, psm, whitelist);
  }

  private static List<List<Symbol>> run(TessBaseAPI api, Gray image, int psm, String whitelist) {
    api.SetPageSegMode(psm);
    api.SetVariable("tessedit_char_whitelist", whitelist);
    api.SetImage(image.pixels(), image.width(), image.height(), 1, image.width());
    api.SetSourceResolution(image.dpi());
    List<List<Symbol>> lines = new ArrayList<>();
    try {
      if (api.Recognize(null) != 0) {
        return lines;
      }
      ResultIterator it = api.GetIterator();
      if (it == null) {
        return lines;
      }
      try {
        it.Begin();
        List<Symbol> line = new ArrayList<>();
        int[] x0 = new int[1];
        int[] y0 = new int[1];
        int[] x1 = new int[1];
        int[] y1 = new int[1];
        do {
          if (it.Empty(RIL_SYMBOL)) {
            continue;
          }
          if (it.IsAtBeginningOf(RIL_TEXTLINE) && !line.isEmpty()) {
            lines.add(line);
            line = new ArrayList<>();
          }
          String text = text(it.GetUTF8Text(RIL_SYMBOL));
          if (text.isBlank()) {
            continue;
          }
          boolean wordStart = it.IsAtBeginningOf(RIL_WORD);
          it.BoundingBox(RIL_SYMBOL, x0, y0, x1, y1);
          float conf = it.Confidence(RIL_SYMBOL);
          List<String> alternatives = new ArrayList<>();
          ChoiceIterator choices = new ChoiceIterator(it);
          try {
            do {
              String alt = text(choices.GetUTF8Text());
              if (!alt.isBlank() && !alt.equals(text) && !alternatives.contains(alt)) {
                alternatives.add(alt);
              }
            } while (choices.Next());
          } finally {
            choices.deallocate();
          }
          line.add(new Symbol(text, x0[0], y0[0], x1[0], y1[0], conf, alternatives, wordStart));
        } while (it.Next(RIL_SYMBOL));
        if (!line.isEmpty()) {
          lines.add(line);
        }
      } finally {
        it.deallocate();
      }
    } finally {
      api.Clear();
    }
    return lines;
  }

  private static String text(BytePointer p) {
    if (p == null || p.isNull()) {
      return "";
    }
    try {
      return new String(p.getStringBytes(), StandardCharsets.UTF_8).strip();
    } finally {
      p.deallocate();
    }
  }
}
