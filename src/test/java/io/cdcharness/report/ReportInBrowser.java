package io.cdcharness.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a CDC report in headless Chromium and says what rendered: how many scenario rows, how many SVG
 * pictures have a size on the page, and how many pixels of the screenshot carry the pictures' colours.
 * Saves the screenshot next to the report ({@code index.png}) or where asked.
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cdcharness.report.ReportInBrowser \
 *     -Dexec.args="reports/index.html reports/index.png"
 * </pre>
 */
public final class ReportInBrowser {
    /** What the browser showed. */
    public record Rendering(int rows, int picturesDrawn, int svgElements, Map<String, Integer> colourPixels, Path screenshot, String browser) {
        int pixels(String colour) {
            return colourPixels.getOrDefault(colour, 0);
        }

        /** Pixels of the timelines' statement bars. */
        public int statementPixels() {
            return pixels(ReportPage.STATEMENT_COLOUR);
        }

        /** Pixels of failure marks (status badges, "gave up" lines). */
        public int failedPixels() {
            return pixels(ReportPage.FAILED_COLOUR);
        }

        /** Pixels of the latency histogram's bars. */
        public int histogramPixels() {
            return pixels(ReportPage.HISTOGRAM_COLOUR);
        }

        @Override
        public String toString() {
            return rows + " scenario rows, " + picturesDrawn + " of " + svgElements + " SVG pictures drawn, pixels by colour "
                    + colourPixels + ", screenshot " + screenshot + " (Chromium " + browser + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        Path page = Path.of(args.length > 0 ? args[0] : "reports/index.html");
        Path png = Path.of(args.length > 1 ? args[1] : page.resolveSibling("index.png").toString());
        Rendering rendering = open(page, png);
        System.out.println("[cdc-harness] the report " + page + " in headless Chromium: " + rendering);
        // The pictures at the top (latency histogram, boot phases) must be in the screenshot; the timelines
        // further down count as drawn when the browser gave them a size.
        if (rendering.rows() == 0 || rendering.picturesDrawn() < 2 || rendering.histogramPixels() + rendering.pixels(ReportPage.BOOT_COLOUR) == 0) {
            System.err.println("[cdc-harness] the report did not render: " + (rendering.rows() == 0 ? "no scenario rows"
                    : rendering.picturesDrawn() < 2 ? "fewer than 2 SVG pictures drawn" : "no histogram or boot bars in the screenshot"));
            System.exit(1);
        }
    }

    public static Rendering open(Path page, Path png) throws IOException, InterruptedException {
        if (!Files.isRegularFile(page)) {
            throw new IllegalArgumentException("There is no report at " + page.toAbsolutePath() + "; run the scenarios first (mvn verify).");
        }
        Chromium chromium = Chromium.findOrInstall(Path.of("target", "chromium-install.log"));
        String dom = chromium.dumpDom(page.toAbsolutePath());
        int rows = attribute(dom, "data-rows");
        int drawn = attribute(dom, "data-pictures-drawn");
        int svgs = count(dom, "<svg ");
        chromium.screenshot(page.toAbsolutePath(), png, 1400, 2400);
        BufferedImage image = ImageIO.read(png.toFile());
        Map<String, Integer> pixels = new LinkedHashMap<>();
        for (String colour : new String[] {ReportPage.STATEMENT_COLOUR, ReportPage.HISTOGRAM_COLOUR, ReportPage.BOOT_COLOUR,
                ReportPage.FAILED_COLOUR, ReportPage.OP_COLOURS.get("c")}) {
            pixels.put(colour, pixelsOf(image, colour));
        }
        return new Rendering(rows, drawn, svgs, pixels, png, chromium.note());
    }

    private static int attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<body[^>]*\\s" + name + "=\"(\\d+)\"").matcher(dom);
        if (!matcher.find()) {
            throw new IllegalStateException("The report's script did not run in Chromium: <body> has no " + name
                    + " attribute. The DOM begins: " + dom.substring(0, Math.min(600, dom.length())));
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static int pixelsOf(BufferedImage image, String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y) & 0xffffff;
                if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6 && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= 6) {
                    count++;
                }
            }
        }
        return count;
    }
}
