package dev.custodyledger.label.render;

import dev.custodyledger.core.label.LabelPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * A printable PDF 1.4 sheet written as it goes: A4 pages of {@value #COLUMNS} × {@value #ROWS} labels, each a QR
 * code (a 1-bit image mask, one sample per module, painted without interpolation so edges stay sharp at any
 * printer resolution) over its human-readable GTIN, expiry, lot and serial, under a batch header. Only the
 * current page is in memory, plus one offset per object for the cross-reference table, so a batch of a million
 * labels streams like ten. (PDFBox keeps a whole document in memory until it saves; see ADR 10.)
 */
final class PdfSheet {
    static final int COLUMNS = 3;
    static final int ROWS = 5;
    static final int PER_PAGE = COLUMNS * ROWS;

    private static final double WIDTH = 595.28;
    private static final double HEIGHT = 841.89;
    private static final double MARGIN = 36;
    private static final double HEADER = 34;
    private static final double CODE_SIDE = 100;
    private static final double TEXT_SIZE = 7;
    private static final int CATALOG = 1;
    private static final int PAGES = 2;
    private static final int HEADER_FONT = 3;
    private static final int TEXT_FONT = 4;

    private final CountingStream out;
    private final String title;
    private final String subtitle;
    private final List<LabelPayload> page = new ArrayList<>(PER_PAGE);
    private final List<QrSymbol> symbols = new ArrayList<>(PER_PAGE);
    private long[] offsets = new long[64];
    private int[] kids = new int[16];
    private int pageCount;
    private int nextObject = 5;

    PdfSheet(OutputStream target, String title, String subtitle) throws IOException {
        this.out = new CountingStream(target);
        this.title = title;
        this.subtitle = subtitle;
        out.write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        object(CATALOG, "<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
        object(HEADER_FONT, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        object(TEXT_FONT, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
    }

    void add(LabelPayload label, QrSymbol symbol) throws IOException {
        page.add(label);
        symbols.add(symbol);
        if (page.size() == PER_PAGE) {
            flushPage();
        }
    }

    /** Writes the last page, the page tree and the cross-reference table; the sheet is complete after this. */
    void finish() throws IOException {
        if (!page.isEmpty() || pageCount == 0) {
            flushPage();
        }
        var tree =
                new StringBuilder("<< /Type /Pages /Count ").append(pageCount).append(" /Kids [");
        for (int i = 0; i < pageCount; i++) {
            tree.append(kids[i]).append(" 0 R ");
        }
        object(PAGES, tree.append("] >>").toString());
        long xref = out.count;
        var table = new StringBuilder("xref\n0 ").append(nextObject).append("\n0000000000 65535 f \n");
        for (int i = 1; i < nextObject; i++) {
            table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offsets[i]));
        }
        table.append("trailer\n<< /Size ")
                .append(nextObject)
                .append(" /Root ")
                .append(CATALOG)
                .append(" 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.write(table.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void flushPage() throws IOException {
        int[] images = new int[page.size()];
        for (int i = 0; i < page.size(); i++) {
            images[i] = image(symbols.get(i));
        }
        var content = new StringBuilder(4096);
        content.append("BT /F1 9 Tf ")
                .append(num(MARGIN))
                .append(' ')
                .append(num(HEIGHT - MARGIN - 10))
                .append(" Td ")
                .append(literal(title))
                .append(" Tj ET\n");
        content.append("BT /F2 7 Tf ")
                .append(num(MARGIN))
                .append(' ')
                .append(num(HEIGHT - MARGIN - 22))
                .append(" Td ")
                .append(literal(subtitle + "  -  page " + (pageCount + 1)))
                .append(" Tj ET\n");
        double cellWidth = (WIDTH - 2 * MARGIN) / COLUMNS;
        double cellHeight = (HEIGHT - 2 * MARGIN - HEADER) / ROWS;
        var resources = new StringBuilder();
        for (int i = 0; i < page.size(); i++) {
            LabelPayload label = page.get(i);
            double left = MARGIN + (i % COLUMNS) * cellWidth;
            double top = HEIGHT - MARGIN - HEADER - (i / COLUMNS) * cellHeight;
            double centre = left + cellWidth / 2;
            double codeBottom = top - 10 - CODE_SIDE;
            content.append("q ")
                    .append(num(CODE_SIDE))
                    .append(" 0 0 ")
                    .append(num(CODE_SIDE))
                    .append(' ')
                    .append(num(centre - CODE_SIDE / 2))
                    .append(' ')
                    .append(num(codeBottom))
                    .append(" cm /I")
                    .append(i)
                    .append(" Do Q\n");
            String[] lines = {
                "(01)" + label.item().gtin().value(),
                "(17)" + label.expiry().value() + " (10)" + label.lot().value(),
                "(21)" + label.item().serial().value()
            };
            for (int line = 0; line < lines.length; line++) {
                // Courier: every glyph is 0.6 em wide, so a line centres exactly.
                double x = centre - lines[line].length() * 0.6 * TEXT_SIZE / 2;
                double y = codeBottom - 10 - line * (TEXT_SIZE + 2);
                content.append("BT /F2 ")
                        .append(num(TEXT_SIZE))
                        .append(" Tf ")
                        .append(num(x))
                        .append(' ')
                        .append(num(y))
                        .append(" Td ")
                        .append(literal(lines[line]))
                        .append(" Tj ET\n");
            }
            resources.append("/I").append(i).append(' ').append(images[i]).append(" 0 R ");
        }
        int contents = stream("", content.toString().getBytes(StandardCharsets.ISO_8859_1));
        int pageObject = nextObject++;
        object(
                pageObject,
                "<< /Type /Page /Parent " + PAGES + " 0 R /MediaBox [0 0 " + num(WIDTH) + " " + num(HEIGHT) + "]"
                        + " /Resources << /Font << /F1 " + HEADER_FONT + " 0 R /F2 " + TEXT_FONT + " 0 R >>"
                        + " /XObject << " + resources + ">> >> /Contents " + contents + " 0 R >>");
        if (pageCount == kids.length) {
            kids = Arrays.copyOf(kids, kids.length * 2);
        }
        kids[pageCount++] = pageObject;
        page.clear();
        symbols.clear();
    }

    /** The symbol as an image mask: one bit per module, 1 (dark) paints. */
    private int image(QrSymbol symbol) throws IOException {
        int side = symbol.size();
        int rowBytes = (side + 7) / 8;
        byte[] bits = new byte[rowBytes * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (symbol.dark(x, y)) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return stream(
                "/Type /XObject /Subtype /Image /Width " + side + " /Height " + side
                        + " /ImageMask true /BitsPerComponent 1 /Decode [1 0] /Interpolate false ",
                bits);
    }

    private int stream(String dictionary, byte[] data) throws IOException {
        byte[] packed = deflate(data);
        int number = nextObject++;
        begin(number);
        out.write(("<< " + dictionary + "/Filter /FlateDecode /Length " + packed.length + " >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(packed);
        out.write("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        return number;
    }

    private void object(int number, String body) throws IOException {
        begin(number);
        out.write((body + "\nendobj\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void begin(int number) throws IOException {
        if (number >= offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, number + 1));
        }
        offsets[number] = out.count;
        out.write((number + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] deflate(byte[] data) {
        var deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(data);
        deflater.finish();
        var buffer = new ByteArrayOutputStream(data.length / 2 + 64);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            buffer.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return buffer.toByteArray();
    }

    /** A PDF string literal; what WinAnsi cannot show becomes '?'. */
    private static String literal(String text) {
        var sb = new StringBuilder(text.length() + 2).append('(');
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        return sb.append(')').toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Counts bytes for the cross-reference offsets. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream target;
        private long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
