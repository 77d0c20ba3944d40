package org.nianbao.read.pdf;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;

/**
 * The path construction and painting operators, for a text engine that has none of its own, so that one
 * pass over a page's content stream yields both glyphs and ruling lines. PDFBox's own path operators
 * only run inside a {@code PDFGraphicsStreamEngine}; these follow them (the same operand checks, points
 * mapped through the current transformation by {@link PDFStreamEngine#transformedPoint}) and hand the
 * points to the page's {@link RulingCollector}. Clipping operators are left out: a clip is never drawn.
 */
final class PathOperators {
  private PathOperators() {}

  /** Processors for every path operator of {@code engine}, drawing into whichever collector is current. */
  static List<OperatorProcessor> create(PDFStreamEngine engine, Supplier<RulingCollector> rulings) {
    Maker make = new Maker(engine, rulings);
    return List.of(
        make.op("m", 2, false, (p, r) -> r.moveTo(p.at(0))),
        make.op("l", 2, false, (p, r) -> r.lineTo(p.at(0))),
        make.op("c", 6, true, (p, r) -> r.curveTo(p.at(4))),
        make.op("v", 4, true, (p, r) -> r.curveTo(p.at(2))),
        make.op("y", 4, true, (p, r) -> r.curveTo(p.at(2))),
        make.op("re", 4, true, PathOperators::rectangle),
        make.op("h", 0, false, (p, r) -> r.closePath()),
        make.op("n", 0, false, (p, r) -> r.endPath()),
        make.op("S", 0, false, (p, r) -> r.strokePath()),
        make.op("s", 0, false, (p, r) -> closed(r).strokePath()),
        make.op("f", 0, false, (p, r) -> r.fillPath()),
        make.op("F", 0, false, (p, r) -> r.fillPath()),
        make.op("f*", 0, false, (p, r) -> r.fillPath()),
        make.op("B", 0, false, (p, r) -> r.fillAndStrokePath()),
        make.op("B*", 0, false, (p, r) -> r.fillAndStrokePath()),
        make.op("b", 0, false, (p, r) -> closed(r).fillAndStrokePath()),
        make.op("b*", 0, false, (p, r) -> closed(r).fillAndStrokePath()));
  }

  private static RulingCollector closed(RulingCollector rulings) {
    rulings.closePath();
    return rulings;
  }

  /** {@code x y w h re}: the corners in PDFBox's order, the far ones summed in float as PDFBox does. */
  private static void rectangle(Operands p, RulingCollector rulings) {
    float x = p.value(0);
    float y = p.value(1);
    float x2 = p.value(2) + x;
    float y2 = p.value(3) + y;
    rulings.appendRectangle(p.point(x, y), p.point(x2, y), p.point(x2, y2), p.point(x, y2));
  }

  /** One operator's numbers, and the engine to map them into user space. */
  private record Operands(PDFStreamEngine engine, List<COSBase> values) {
    float value(int i) {
      return ((COSNumber) values.get(i)).floatValue();
    }

    /** The point whose coordinates are the operands {@code i} and {@code i + 1}. */
    Point2D at(int i) {
      return point(value(i), value(i + 1));
    }

    Point2D point(float x, float y) {
      return engine.transformedPoint(x, y);
    }
  }

  private record Maker(PDFStreamEngine engine, Supplier<RulingCollector> rulings) {
    OperatorProcessor op(String name, int arity, boolean checkAll, Action action) {
      return new PathOperator(engine, rulings, name, arity, checkAll, action);
    }
  }

  private interface Action {
    void apply(Operands operands, RulingCollector rulings);
  }

  private static final class PathOperator extends OperatorProcessor {
    private final String name;
    private final int arity;
    /** PDFBox ignores a curve or rectangle if any operand is not a number, a move or line only if its two. */
    private final boolean checkAll;
    private final Action action;
    private final Supplier<RulingCollector> rulings;

    PathOperator(PDFStreamEngine engine, Supplier<RulingCollector> rulings, String name, int arity,
        boolean checkAll, Action action) {
      super(engine);
      this.rulings = rulings;
      this.name = name;
      this.arity = arity;
      this.checkAll = checkAll;
      this.action = action;
    }

    @Override
    public void process(Operator operator, List<COSBase> operands) throws MissingOperandException {
      if (operands.size() < arity) {
        throw new MissingOperandException(operator, operands);
      }
      if (!checkArrayTypesClass(checkAll ? operands : operands.subList(0, arity), COSNumber.class)) {
        return;
      }
      action.apply(new Operands(getContext(), operands), rulings.get());
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
