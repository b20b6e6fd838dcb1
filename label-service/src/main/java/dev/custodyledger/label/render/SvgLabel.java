package dev.custodyledger.label.render;

import dev.custodyledger.core.label.LabelPayload;

/**
 * One label as SVG: the code drawn as one path of module runs (crisp at any size), the human-readable element
 * string and serial under it. Sized in millimetres for print: 0.5 mm per module.
 */
final class SvgLabel {
    private static final double MODULE_MM = 0.5;

    private SvgLabel() {}

    static String of(LabelPayload label, QrSymbol symbol) {
        int side = symbol.size() + 2 * QrSymbol.QUIET_ZONE;
        int textRows = 8;
        var path = new StringBuilder(symbol.size() * 40);
        for (int y = 0; y < symbol.size(); y++) {
            int x = 0;
            while (x < symbol.size()) {
                if (!symbol.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < symbol.size() && symbol.dark(x, y)) {
                    x++;
                }
                path.append('M')
                        .append(start + QrSymbol.QUIET_ZONE)
                        .append(' ')
                        .append(y + QrSymbol.QUIET_ZONE)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        int height = side + textRows;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + mm(side) + "mm\" height=\"" + mm(height)
                + "mm\" viewBox=\"0 0 " + side + " " + height + "\" shape-rendering=\"crispEdges\">\n"
                + "<title>"
                + Xml.escape(label.item().gtin().value() + " "
                        + label.item().serial().value())
                + "</title>\n"
                + "<rect width=\"" + side + "\" height=\"" + height + "\" fill=\"#fff\"/>\n"
                + "<path fill=\"#000\" d=\"" + path + "\"/>\n"
                + text(side, side + 2.5, 2.2, "(01)" + label.item().gtin().value())
                + text(
                        side,
                        side + 5,
                        2.2,
                        "(17)" + label.expiry().value() + " (10)" + label.lot().value())
                + text(side, side + 7.5, 2.2, "(21)" + label.item().serial().value())
                + "</svg>\n";
    }

    private static String text(int side, double y, double size, String value) {
        return "<text x=\"" + side / 2.0 + "\" y=\"" + y + "\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\""
                + size + "\" text-anchor=\"middle\">" + Xml.escape(value) + "</text>\n";
    }

    private static String mm(int modules) {
        return String.valueOf(modules * MODULE_MM);
    }
}
