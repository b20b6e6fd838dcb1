package dev.custodyledger.label.render;

import java.awt.image.BufferedImage;
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

    static byte[] of(String payloadUri) {
        QrSymbol symbol = QrSymbol.encode(payloadUri);
        int side = (symbol.size() + 2 * QrSymbol.QUIET_ZONE) * PIXELS_PER_MODULE;
        var image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        var raster = image.getRaster();
        for (int y = 0; y < side; y++) {
            int my = y / PIXELS_PER_MODULE - QrSymbol.QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int mx = x / PIXELS_PER_MODULE - QrSymbol.QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < symbol.size() && my < symbol.size() && symbol.dark(mx, my);
                raster.setSample(x, y, 0, dark ? 0 : 1);
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
