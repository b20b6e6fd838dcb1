package dev.custodyledger.label.render;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR symbol's modules (ISO/IEC 18004), without quiet zone; renderers add {@link #QUIET_ZONE}. Error correction
 * is level M (about 15 % of the symbol recoverable): a scuffed or partly covered pack still reads, while a
 * ~150-character signed Digital Link stays at version 8 or 9 (49 to 53 modules), so 0.4 mm modules print in
 * about 2 cm. The payload is ASCII (the URI percent-encodes the rest), encoded in byte mode.
 */
public final class QrSymbol {
    public static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    /** Four modules of white on every side, as the standard requires. */
    public static final int QUIET_ZONE = 4;

    private final ByteMatrix matrix;

    private QrSymbol(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    public static QrSymbol encode(String payload) {
        try {
            return new QrSymbol(Encoder.encode(payload, LEVEL, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"))
                    .getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("the payload does not fit a QR symbol: " + e.getMessage(), e);
        }
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return matrix.getWidth();
    }

    public boolean dark(int x, int y) {
        return matrix.get(x, y) == 1;
    }
}
