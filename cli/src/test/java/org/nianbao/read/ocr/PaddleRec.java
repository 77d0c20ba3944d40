package org.nianbao.read.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PP-OCR text-line recogniser (PaddleOCR's CRNN/SVTR "rec" model exported to ONNX) run with ONNX Runtime on
 * one thread: a line image scaled to the model's height, grey values mapped to [-1, 1], the output decoded
 * greedily (best class per time step, repeats merged, class 0 the CTC blank). Only for the comparison with
 * Tesseract ({@link OcrCompare}); not used by the tool.
 */
final class PaddleRec implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String input;
  private final int height;
  /** The characters by class: index 0 is the blank, the last a space (the models are trained with one). */
  private final List<String> classes = new ArrayList<>();
  private final Map<String, boolean[]> masks = new java.util.HashMap<>();

  PaddleRec(Path model, Path keys, int height) throws Exception {
    this.height = height;
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    session = env.createSession(model.toString(), options);
    input = session.getInputNames().iterator().next();
    classes.add("");
    for (String line : Files.readAllLines(keys, StandardCharsets.UTF_8)) {
      classes.add(line.replace("\r", ""));
    }
    classes.add(" ");
  }

  /**
   * A reading and its confidence, 0-100: the mean of the chosen characters' probabilities, and the lowest
   * (100 when no character was chosen).
   */
  record Reading(String text, double confidence, double lowest) {}

  /** The line's text; with {@code allowed} non-null only those characters (and the blank) may be chosen. */
  Reading read(Gray line, String allowed) throws OrtException {
    int w = Math.max(height, (int) Math.ceil(line.width() * (double) height / line.height()));
    float[] data = new float[3 * height * w];
    Gray scaled = scale(line, w, height);
    int plane = height * w;
    for (int i = 0; i < plane; i++) {
      float v = ((scaled.pixels()[i] & 0xFF) / 255f - 0.5f) / 0.5f;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, height, w});
        OrtSession.Result r = session.run(Map.of(input, t))) {
      float[][][] out = (float[][][]) r.get(0).getValue();
      float[][] steps = out[0];
      if (steps.length > 0 && steps[0].length != classes.size()) {
        throw new IllegalStateException("model has " + steps[0].length + " classes, dictionary " + classes.size());
      }
      boolean[] mask = allowed == null ? null : masks.computeIfAbsent(allowed, this::mask);
      return decode(steps, classes, mask);
    }
  }

  /**
   * Greedy CTC decoding: the most probable class per time step (among {@code mask}'s when given; the blank
   * always allowed), repeats merged, blanks dropped. The confidence is the mean probability of the characters
   * chosen, with a mask relative to the classes it allows (as Tesseract's whitelist renormalises).
   */
  static Reading decode(float[][] steps, List<String> classes, boolean[] mask) {
    StringBuilder sb = new StringBuilder();
    double sum = 0;
    double lowest = 100;
    int n = 0;
    int previous = 0;
    for (float[] step : steps) {
      int best = 0;
      for (int c = 1; c < step.length; c++) {
        if (step[c] > step[best] && (mask == null || mask[c])) {
          best = c;
        }
      }
      if (best != 0 && best != previous) {
        sb.append(classes.get(best));
        double mass = 1;
        if (mask != null) {
          mass = step[0];
          for (int c = 1; c < step.length; c++) {
            if (mask[c]) {
              mass += step[c];
            }
          }
        }
        sum += step[best] / mass;
        lowest = Math.min(lowest, 100 * step[best] / mass);
        n++;
      }
      previous = best;
    }
    return new Reading(sb.toString(), n == 0 ? 0 : 100 * sum / n, lowest);
  }

  private boolean[] mask(String allowed) {
    boolean[] mask = new boolean[classes.size()];
    for (int c = 1; c < mask.length; c++) {
      mask[c] = !classes.get(c).isEmpty() && allowed.contains(classes.get(c));
    }
    return mask;
  }

  /** Bilinear scaling of a grey image. */
  static Gray scale(Gray g, int w, int h) {
    byte[] out = new byte[w * h];
    double fx = (double) g.width() / w;
    double fy = (double) g.height() / h;
    for (int y = 0; y < h; y++) {
      double sy = Math.max(0, (y + 0.5) * fy - 0.5);
      int y0 = Math.min(g.height() - 1, (int) sy);
      int y1 = Math.min(g.height() - 1, y0 + 1);
      double dy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.max(0, (x + 0.5) * fx - 0.5);
        int x0 = Math.min(g.width() - 1, (int) sx);
        int x1 = Math.min(g.width() - 1, x0 + 1);
        double dx = sx - x0;
        double v = (g.at(x0, y0) * (1 - dx) + g.at(x1, y0) * dx) * (1 - dy)
            + (g.at(x0, y1) * (1 - dx) + g.at(x1, y1) * dx) * dy;
        out[y * w + x] = (byte) Math.round(v);
      }
    }
    return new Gray(out, w, h, g.dpi());
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
