package org.nianbao.read.ocr;

/** An 8-bit grey image (0 black, 255 white), one byte per pixel, rows top to bottom, at {@code dpi}. */
record Gray(byte[] pixels, int width, int height, int dpi) {
  Gray {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("bad image " + width + "x" + height);
    }
  }

  int at(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }

  /** The rectangle {@code [x0,x1) x [y0,y1)}, clamped to the image, with a white margin around it. */
  Gray crop(int x0, int y0, int x1, int y1, int margin) {
    x0 = Math.max(0, x0);
    y0 = Math.max(0, y0);
    x1 = Math.min(width, x1);
    y1 = Math.min(height, y1);
    int w = Math.max(1, x1 - x0) + 2 * margin;
    int h = Math.max(1, y1 - y0) + 2 * margin;
    byte[] out = new byte[w * h];
    java.util.Arrays.fill(out, (byte) 0xFF);
    for (int y = y0; y < y1; y++) {
      System.arraycopy(pixels, y * width + x0, out, (y - y0 + margin) * w + margin, Math.max(0, x1 - x0));
    }
    return new Gray(out, w, h, dpi);
  }
}
