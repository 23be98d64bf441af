import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Draws Procnet's default node icons: one 64x64 PNG per node type, a coloured circular badge
 * with a thick white (on the yellow badge, dark) pictogram, transparent around the badge and
 * antialiased, so that each stays recognisable when the browser scales it down to 32 px.
 *
 * <p>The files are {@code app.png} (window with a shell prompt), {@code service.png} (gear),
 * {@code database.png} (cylinder), {@code mq.png} (envelope, type {@code message_broker}),
 * {@code cache.png} (lightning bolt), {@code lb.png} (one line fanning out to three, type
 * {@code load_balancer}), {@code external.png} (globe, a remote endpoint),
 * {@code qt_desktop.png} (monitor with a Qt-like mark) and {@code listener.png} (plug, a
 * listening port). The badge colours are the Okabe-Ito colour-blind safe palette.
 *
 * <p>The output is deterministic: a fixed drawing order, no randomness and nothing but the
 * pixels written by ImageIO, so the same JDK writes the same bytes on every run. Uses only
 * java.awt and javax.imageio and runs headless. To regenerate, from the repository root:
 *
 * <pre>{@code java icons/IconGenerator.java icons}</pre>
 */
public final class IconGenerator {

    static final int SIZE = 64;
    static final double C = SIZE / 2.0;

    // Okabe-Ito palette.
    static final Color BLUE = new Color(0x0072B2);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color YELLOW = new Color(0xF0E442);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color BLACK = new Color(0x2B2B2B);
    static final Color GREY = new Color(0x6B7780);

    static final Color WHITE = Color.WHITE;
    static final Color INK = new Color(0x1A1A1A);

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 1) {
            System.err.println("usage: java icons/IconGenerator.java <output directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, BufferedImage> icon : icons().entrySet()) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!ImageIO.write(icon.getValue(), "png", png)) {
                throw new IOException("no PNG writer");
            }
            Path file = dir.resolve(icon.getKey() + ".png");
            Files.write(file, png.toByteArray());
            System.out.println(file);
        }
    }

    /** Every icon by file name (without {@code .png}), in a fixed order. */
    static Map<String, BufferedImage> icons() {
        Map<String, BufferedImage> icons = new LinkedHashMap<>();
        icons.put("app", icon(BLUE, IconGenerator::app));
        icons.put("service", icon(BLUISH_GREEN, IconGenerator::service));
        icons.put("database", icon(VERMILLION, IconGenerator::database));
        icons.put("mq", icon(REDDISH_PURPLE, IconGenerator::mq));
        icons.put("cache", icon(YELLOW, IconGenerator::cache));
        icons.put("lb", icon(ORANGE, IconGenerator::lb));
        icons.put("external", icon(SKY_BLUE, IconGenerator::external));
        icons.put("qt_desktop", icon(BLACK, IconGenerator::qtDesktop));
        icons.put("listener", icon(GREY, IconGenerator::listener));
        return icons;
    }

    /** A badge of the colour, with the glyph drawn on it. */
    static BufferedImage icon(Color badge, Consumer<Graphics2D> glyph) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            // The badge, with a rim so that it stands out on white and on dark pages: darker
            // than the badge, or lighter for the near-black badge.
            Shape disc = new Ellipse2D.Double(1, 1, SIZE - 2, SIZE - 2);
            g.setColor(badge == BLACK ? new Color(0x8C8C8C) : darker(badge, 0.72));
            g.fill(disc);
            g.setColor(badge);
            g.fill(new Ellipse2D.Double(3.5, 3.5, SIZE - 7, SIZE - 7));
            g.setColor(badge == YELLOW ? INK : WHITE);
            g.setStroke(stroke(4));
            glyph.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    static Color darker(Color color, double factor) {
        return new Color((int) Math.round(color.getRed() * factor), (int) Math.round(color.getGreen() * factor),
                (int) Math.round(color.getBlue() * factor));
    }

    static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A window frame with a title bar and a shell prompt. */
    static void app(Graphics2D g) {
        Color glyph = g.getColor();
        RoundRectangle2D frame = new RoundRectangle2D.Double(15, 18, 34, 28, 7, 7);
        g.fill(frame);
        // The window's inside, in the badge colour, below the title bar.
        g.setColor(BLUE);
        g.fill(new RoundRectangle2D.Double(18.5, 25, 27, 17.5, 3, 3));
        g.setColor(glyph);
        g.setStroke(stroke(3.5));
        Path2D prompt = new Path2D.Double();
        prompt.moveTo(23, 29);
        prompt.lineTo(28, 33.5);
        prompt.lineTo(23, 38);
        g.draw(prompt);
        g.draw(new Line2D.Double(31, 38, 39, 38));
    }

    /** A gear with eight teeth and a hole. */
    static void service(Graphics2D g) {
        Area gear = new Area(new Ellipse2D.Double(C - 13, C - 13, 26, 26));
        for (int tooth = 0; tooth < 8; tooth++) {
            Shape t = new RoundRectangle2D.Double(C - 4.75, C - 19.5, 9.5, 10, 2.5, 2.5);
            gear.add(new Area(AffineTransform.getRotateInstance(Math.PI / 4 * tooth, C, C).createTransformedShape(t)));
        }
        gear.subtract(new Area(new Ellipse2D.Double(C - 6, C - 6, 12, 12)));
        g.fill(gear);
    }

    /** A cylinder with a lid and two bands. */
    static void database(Graphics2D g) {
        double left = 18, width = 28, top = 14, bottom = 50, lid = 10;
        Area body = new Area(new Rectangle2D.Double(left, top + lid / 2, width, bottom - top - lid));
        body.add(new Area(new Ellipse2D.Double(left, top, width, lid)));
        body.add(new Area(new Ellipse2D.Double(left, bottom - lid, width, lid)));
        g.fill(body);
        g.setColor(VERMILLION);
        g.setStroke(stroke(2.6));
        double band = (bottom - top - lid) / 3;
        for (int i = 0; i < 3; i++) {
            double y = top + band * i;
            g.draw(new Arc2D.Double(left + 1, y, width - 2, lid, 180, 180, Arc2D.OPEN));
        }
    }

    /** An envelope. */
    static void mq(Graphics2D g) {
        RoundRectangle2D envelope = new RoundRectangle2D.Double(14, 19, 36, 26, 5, 5);
        g.fill(envelope);
        g.setColor(REDDISH_PURPLE);
        g.setStroke(stroke(3));
        Path2D flap = new Path2D.Double();
        flap.moveTo(17, 22);
        flap.lineTo(C, 34);
        flap.lineTo(47, 22);
        g.draw(flap);
    }

    /** A lightning bolt. */
    static void cache(Graphics2D g) {
        Path2D bolt = new Path2D.Double();
        bolt.moveTo(36, 11);
        bolt.lineTo(19, 35);
        bolt.lineTo(30, 35);
        bolt.lineTo(27, 53);
        bolt.lineTo(45, 28);
        bolt.lineTo(34, 28);
        bolt.closePath();
        g.fill(bolt);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bolt);
    }

    /** One line from the left splitting into three to the right. */
    static void lb(Graphics2D g) {
        g.setStroke(stroke(4.5));
        double fork = 29;
        g.draw(new Line2D.Double(17, C, fork, C));
        for (double y : new double[] {19, C, 45}) {
            Path2D branch = new Path2D.Double();
            branch.moveTo(fork, C);
            branch.curveTo(fork + 6, C, fork + 5, y, fork + 11, y);
            branch.lineTo(44, y);
            g.draw(branch);
            g.fill(new Ellipse2D.Double(44 - 4.5, y - 4.5, 9, 9));
        }
        g.fill(new Ellipse2D.Double(17 - 5, C - 5, 10, 10));
    }

    /** A globe: outline, a pair of meridians, the equator and two parallels. */
    static void external(Graphics2D g) {
        double r = 17;
        g.setStroke(stroke(3.6));
        g.draw(new Ellipse2D.Double(C - r, C - r, 2 * r, 2 * r));
        g.setStroke(stroke(3));
        g.draw(new Ellipse2D.Double(C - 7.5, C - r, 15, 2 * r));
        g.draw(new Line2D.Double(C - r, C, C + r, C));
        double dy = 9.5, dx = Math.sqrt(r * r - dy * dy);
        g.draw(new Line2D.Double(C - dx + 1.5, C - dy, C + dx - 1.5, C - dy));
        g.draw(new Line2D.Double(C - dx + 1.5, C + dy, C + dx - 1.5, C + dy));
    }

    /** A monitor on a stand, a Qt-like green ring with a tail on the screen. */
    static void qtDesktop(Graphics2D g) {
        g.fill(new RoundRectangle2D.Double(12, 14, 40, 30, 6, 6));
        g.fill(new Rectangle2D.Double(28, 43, 8, 5));
        g.fill(new RoundRectangle2D.Double(20, 46.5, 24, 4.5, 4, 4));
        g.setColor(new Color(0x41CD52));
        g.setStroke(stroke(4.2));
        g.draw(new Ellipse2D.Double(C - 8.5, 19.5, 17, 17));
        g.draw(new Line2D.Double(C + 4, 33, C + 9, 38.5));
    }

    /** A plug: two prongs, the body and the cord. */
    static void listener(Graphics2D g) {
        g.fill(new RoundRectangle2D.Double(23, 11, 5, 12, 3, 3));
        g.fill(new RoundRectangle2D.Double(36, 11, 5, 12, 3, 3));
        Path2D body = new Path2D.Double();
        body.moveTo(18, 21);
        body.lineTo(46, 21);
        body.lineTo(46, 30);
        body.curveTo(46, 37, 40, 41, 34.5, 41);
        body.lineTo(29.5, 41);
        body.curveTo(24, 41, 18, 37, 18, 30);
        body.closePath();
        g.fill(body);
        g.setStroke(stroke(5));
        g.draw(new Line2D.Double(C, 40, C, 53));
    }
}
