package io.grapholap.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart of run time (log scale): one group per (graph, algorithm, scale), one bar per
 * engine. Drawn with java.awt on a headless BufferedImage so it needs no display and no library.
 */
final class Chart {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)
    };

    private Chart() {
    }

    static void write(Path file, List<RunResult> results, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        Set<String> engines = new LinkedHashSet<>();
        for (RunResult r : results) {
            if (!r.ok() || r.algorithm().equals("load") || !(r.runSeconds() > 0)) {
                continue;
            }
            String key = r.algorithm() + "\n" + r.graph().charAt(0) + r.scale();
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.engine(), r.runSeconds());
            engines.add(r.engine());
        }
        List<String> engineList = new ArrayList<>(engines);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Map<String, Double> g : groups.values()) {
            for (double v : g.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (groups.isEmpty()) {
            min = 1e-3;
            max = 1;
        }
        int lo = (int) Math.floor(Math.log10(min));
        int hi = (int) Math.ceil(Math.log10(max));
        if (hi == lo) {
            hi = lo + 1;
        }

        int barWidth = 14;
        int groupWidth = Math.max(60, engineList.size() * barWidth + 20);
        int left = 80;
        int top = 50;
        int plotHeight = 420;
        int width = Math.max(640, left + 20 + groups.size() * groupWidth);
        int height = top + plotHeight + 90;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, left, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));

            int bottom = top + plotHeight;
            for (int e = lo; e <= hi; e++) {
                int y = bottom - (int) Math.round((double) (e - lo) / (hi - lo) * plotHeight);
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(left, y, width - 10, y);
                g.setColor(Color.BLACK);
                g.drawString(label(e), 8, y + 4);
            }
            g.drawString("run time (s, log)", 8, top - 8);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, top, left, bottom);
            g.drawLine(left, bottom, width - 10, bottom);

            int x = left + 10;
            for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
                for (int i = 0; i < engineList.size(); i++) {
                    Double v = group.getValue().get(engineList.get(i));
                    if (v == null) {
                        continue;
                    }
                    int h = (int) Math.round((Math.log10(v) - lo) / (hi - lo) * plotHeight);
                    g.setColor(PALETTE[i % PALETTE.length]);
                    g.fillRect(x + i * barWidth, bottom - h, barWidth - 2, h);
                }
                g.setColor(Color.BLACK);
                String[] lines = group.getKey().split("\n");
                for (int l = 0; l < lines.length; l++) {
                    g.drawString(lines[l], x, bottom + 16 + 13 * l);
                }
                x += groupWidth;
            }
            int lx = left;
            for (int i = 0; i < engineList.size(); i++) {
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(lx, height - 24, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(engineList.get(i), lx + 16, height - 14);
                lx += 20 + g.getFontMetrics().stringWidth(engineList.get(i)) + 20;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static String label(int exponent) {
        double v = Math.pow(10, exponent);
        return exponent >= 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%." + (-exponent) + "f", v);
    }
}
