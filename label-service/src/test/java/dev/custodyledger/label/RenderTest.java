package dev.custodyledger.label;

import static dev.custodyledger.label.LabelLedger.ACME;
import static dev.custodyledger.label.LabelLedger.ACME_GTIN;
import static dev.custodyledger.label.LabelLedger.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.verdict.LabelCheck;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every rendered code decodes (ZXing) back to exactly the payload the manifest lists for its label. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(LabelInfrastructure.class)
class RenderTest {
    private static final Map<DecodeHintType, Object> DECODE = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static String batch;
    private static Ed25519PublicKey labelKey;

    @BeforeEach
    void aBatchOfFortyLabels() {
        LabelLedger.ensureOnboarded();
        if (batch == null) {
            String keyId = LabelLedger.generateRegisteredKey(ACME, KeyPurpose.LABEL);
            labelKey = Ed25519PublicKey.ofBase64Url(given().header("Authorization", bearer(ACME))
                    .get("/v1/keys/" + keyId)
                    .jsonPath()
                    .getString("publicKey"));
            batch = Batches.allocated(ACME, ACME_GTIN, "L,\"40\"", 40);
        }
    }

    @Test
    void theCsvManifestListsEveryLabelWithASignedPayloadThatVerifiesOffline() {
        Map<Integer, String> payloads = manifest(1, 40);

        assertThat(payloads).hasSize(40);
        assertThat(payloads.keySet()).containsExactlyElementsOf(range(1, 40));
        for (String uri : payloads.values()) {
            assertThat(uri).startsWith("https://id.acme.example/01/" + ACME_GTIN.value() + "/10/L%2C%2240%22/21/");
            ScannedCode code = ScannedCode.parse(uri);
            assertThat(LabelCheck.of(code, List.of(labelKey))).isEqualTo(LabelCheck.VALID);
        }
        assertThat(manifest(11, 20).keySet()).containsExactlyElementsOf(range(11, 20));
    }

    @Test
    void everyPngLabelDecodesToItsPayload() throws Exception {
        Map<Integer, String> payloads = manifest(1, 40);
        Map<String, byte[]> files = unzip(labels("png", 1, 40));

        assertThat(files).hasSize(40);
        for (var file : files.entrySet()) {
            int index = Integer.parseInt(file.getKey().substring(0, 7));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.getValue()));
            assertThat(decode(image).getText()).isEqualTo(payloads.get(index));
        }
    }

    @Test
    void everySvgLabelDecodesToItsPayloadAndCarriesTheHumanReadableText() throws Exception {
        Map<Integer, String> payloads = manifest(1, 40);
        Map<String, byte[]> files = unzip(labels("svg", 1, 40));

        assertThat(files).hasSize(40);
        for (var file : files.entrySet()) {
            int index = Integer.parseInt(file.getKey().substring(0, 7));
            String svg = new String(file.getValue(), StandardCharsets.UTF_8);
            String serial = file.getKey().substring(8, 20);
            assertThat(svg).contains("(21)" + serial, "(01)" + ACME_GTIN.value(), "viewBox=\"0 0 ");
            assertThat(decode(rasterize(svg)).getText()).isEqualTo(payloads.get(index));
        }
    }

    @Test
    void thePdfSheetPrintsFifteenLabelsAPageThatAllDecodeWithTheirTextUnderneath() throws Exception {
        Map<Integer, String> payloads = manifest(1, 40);
        byte[] pdf = labels("pdf", 1, 40);

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("GTIN " + ACME_GTIN.value(), "labels 1 to 40 of 40");
            var renderer = new PDFRenderer(document);
            var decoded = new ArrayList<String>();
            for (int page = 0; page < 3; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 200, ImageType.BINARY);
                for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap(image), DECODE)) {
                    decoded.add(r.getText());
                }
            }
            assertThat(decoded).containsExactlyInAnyOrderElementsOf(payloads.values());
            for (String uri : payloads.values()) {
                String serial = uri.substring(uri.indexOf("/21/") + 4, uri.indexOf('?'));
                assertThat(text).contains("(21)" + serial);
            }
        }
    }

    @Test
    void anUnknownFormatOrARangeOutsideTheBatchIsRefused() {
        given().header("Authorization", bearer(ACME))
                .get("/v1/label-batches/" + batch + "/labels?format=gif")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"));
        given().header("Authorization", bearer(ACME))
                .get("/v1/label-batches/" + batch + "/labels?format=csv&from=30&to=41")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED"));
        given().get("/v1/label-batches/" + batch + "/labels?format=csv").then().statusCode(401);
    }

    private static byte[] labels(String format, int from, int to) {
        return given().header("Authorization", bearer(ACME))
                .get("/v1/label-batches/" + batch + "/labels?format=" + format + "&from=" + from + "&to=" + to)
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract()
                .asByteArray();
    }

    /** index → payload, from the CSV manifest (lots may hold commas and quotes: RFC 4180 quoting). */
    private static Map<Integer, String> manifest(int from, int to) {
        String csv = new String(labels("csv", from, to), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("index,gtin,lot,expiry,serial,element_string,payload");
        var payloads = new LinkedHashMap<Integer, String>();
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).contains(",\"L,\"\"40\"\"\",");
            int index = Integer.parseInt(lines[i].substring(0, lines[i].indexOf(',')));
            payloads.put(index, lines[i].substring(lines[i].lastIndexOf(",https://") + 1));
        }
        return payloads;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    /** Draws the SVG's module runs at 6 pixels a module, as a viewer would. */
    private static BufferedImage rasterize(String svg) {
        var viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(viewBox.find()).isTrue();
        int scale = 6;
        int side = Integer.parseInt(viewBox.group(1));
        var image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side * scale, side * scale);
        g.setColor(Color.BLACK);
        var run = RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(
                    Integer.parseInt(run.group(1)) * scale,
                    Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale,
                    scale);
        }
        g.dispose();
        return image;
    }

    /**
     * A label file holds one code: ZXing's detector first, then its reader for a pure code image (the detector
     * occasionally takes finder-like patterns in the data for corners; the symbol itself is sound).
     */
    private static Result decode(BufferedImage image) throws Exception {
        try {
            return new QRCodeReader().decode(bitmap(image), DECODE);
        } catch (NotFoundException | com.google.zxing.FormatException | com.google.zxing.ChecksumException e) {
            return new QRCodeReader().decode(bitmap(image), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static List<Integer> range(int from, int to) {
        var list = new ArrayList<Integer>();
        for (int i = from; i <= to; i++) {
            list.add(i);
        }
        return list;
    }
}
