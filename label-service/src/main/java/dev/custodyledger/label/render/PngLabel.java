package dev.custodyledger.label.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One code as a 1-bit PNG, {@value #PIXELS_PER_MODULE} pixels per module (0.68 mm at 300 dpi), quiet zone
 * included. Only the code: label-design software places its own text (the CSV manifest carries it), and drawing
 * text here would make the output depend on the fonts installed on the server.
 */
final class PngLabel {
    static final int PIXELS_PER_MODULE = 8;

    private PngLabel() {}

    static byte[] of(QrSymbol symbol) {
        int side = (symbol.size() + 2 * QrSymbol.QUIET_ZONE) * PIXELS_PER_MODULE;
        var image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        // 1 bit per pixel, MSB first, 1 = white: fill the raster's bytes row by row.
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int rowBytes = (side + 7) / 8;
        byte[] row = new byte[rowBytes];
        for (int my = -QrSymbol.QUIET_ZONE; my < symbol.size() + QrSymbol.QUIET_ZONE; my++) {
            java.util.Arrays.fill(row, (byte) 0);
            for (int x = 0; x < side; x++) {
                int mx = x / PIXELS_PER_MODULE - QrSymbol.QUIET_ZONE;
                boolean dark = my >= 0 && my < symbol.size() && mx >= 0 && mx < symbol.size() && symbol.dark(mx, my);
                if (!dark) {
                    row[x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
            int y0 = (my + QrSymbol.QUIET_ZONE) * PIXELS_PER_MODULE;
            for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                System.arraycopy(row, 0, pixels, (y0 + dy) * rowBytes, rowBytes);
            }
        }
        var out = new ByteArrayOutputStream(side * side / 40);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
