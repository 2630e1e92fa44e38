package io.cdcharness.report;

import java.util.Locale;

/**
 * A few lines of inline SVG, written by hand: the report draws bars, dots, lines and labels, which no
 * charting library makes simpler, and a library would bring JavaScript or a dependency into every
 * build that uses the harness. Text is escaped; numbers are written with a dot.
 *
 * <pre>{@code
 * Svg svg = new Svg(400, 120, "latency histogram");
 * svg.rect(10, 20, 30, 80, "#2563eb", "12 events from 10 to 20 ms");
 * svg.text(25, 115, "10", "middle", 11, "#444");
 * String markup = svg.toString();
 * }</pre>
 */
public final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String label;
    private final String cssClass;

    public Svg(double width, double height, String label) {
        this(width, height, label, "chart");
    }

    public Svg(double width, double height, String label, String cssClass) {
        this.width = width;
        this.height = height;
        this.label = label;
        this.cssClass = cssClass;
    }

    /** A rectangle with a tooltip (empty for none). */
    public Svg rect(double x, double y, double w, double h, String fill, String title) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(w, 0)))
                .append("\" height=\"").append(n(Math.max(h, 0))).append("\" fill=\"").append(fill).append('"');
        return close("rect", title);
    }

    public Svg circle(double cx, double cy, double r, String fill, String stroke, String title) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            body.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
        }
        return close("circle", title);
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append("/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, String anchor, double size, String fill) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(n(size)).append("\" fill=\"").append(fill).append("\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    private Svg close(String element, String title) {
        if (title == null || title.isEmpty()) {
            body.append("/>");
        } else {
            body.append("><title>").append(Html.escape(title)).append("</title></").append(element).append('>');
        }
        return this;
    }

    static String n(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public String toString() {
        return "<svg class=\"" + cssClass + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\">"
                + body + "</svg>";
    }
}
