package dev.custodyledger.label.render;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.label.LabelPayload;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.label.batch.LabelBatch;
import dev.custodyledger.label.batch.LabelRows;
import dev.custodyledger.label.batch.NewBatch;
import dev.custodyledger.label.batch.RenderProgress;
import dev.custodyledger.label.config.LabelConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * Renders a range of a batch's labels to a stream, a page of labels at a time read from the database and
 * signed as they go: memory stays flat however large the batch. Runs on a worker thread.
 */
@ApplicationScoped
public class LabelRenderer {
    private static final Logger LOG = Logger.getLogger(LabelRenderer.class);
    private static final int PAGE = 1_000;
    private static final int LOG_EVERY = 100_000;

    private final LabelRows rows;
    private final RenderProgress progress;
    private final String resolver;
    private final Counter signed;
    private final Map<LabelFormat, Counter> rendered = new EnumMap<>(LabelFormat.class);

    LabelRenderer(LabelRows rows, RenderProgress progress, LabelConfig config, MeterRegistry metrics) {
        this.rows = rows;
        this.progress = progress;
        this.resolver = config.labels().resolver();
        this.signed = Counter.builder("labels.signed")
                .description("label payloads signed with a producer's label key")
                .register(metrics);
        for (LabelFormat f : LabelFormat.values()) {
            rendered.put(
                    f,
                    Counter.builder("labels.rendered")
                            .tag("format", f.name().toLowerCase())
                            .description("labels rendered")
                            .register(metrics));
        }
    }

    /** Writes labels {@code from..to} (print order, from 1) of {@code batch} in {@code format} to {@code out}. */
    public void render(
            LabelBatch batch, Ed25519PrivateKey labelKey, LabelFormat format, int from, int to, OutputStream out)
            throws IOException {
        var sink = sink(batch, format, from, to, out);
        Gtin gtin = Gtin.of(batch.gtin);
        Lot lot = Lot.of(batch.lot);
        Yymmdd expiry = Yymmdd.of(batch.expiry);
        boolean drawn = format != LabelFormat.CSV;
        try (var tracker = progress.start(batch.id, to - from + 1)) {
            int next = from;
            while (next <= to) {
                int start = next;
                var page = Blocking.await(() -> rows.page(batch.id, start, to, PAGE));
                if (page.isEmpty()) {
                    throw new IOException("labels " + start + ".." + to + " of batch " + batch.id + " are missing");
                }
                // Signing and QR encoding dominate; they run on every core, the writing stays in print order.
                List<Prepared> prepared = page.parallelStream()
                        .map(label -> {
                            var payload = LabelPayload.sign(labelKey, new ItemCode(gtin, label.serial()), lot, expiry);
                            String uri = payload.uri(resolver);
                            return new Prepared(label.index(), payload, uri, drawn ? QrSymbol.encode(uri) : null);
                        })
                        .toList();
                for (Prepared p : prepared) {
                    sink.write(p);
                }
                signed.increment(page.size());
                rendered.get(format).increment(page.size());
                long done = tracker.advance(page.size());
                if (done / LOG_EVERY != (done - page.size()) / LOG_EVERY) {
                    LOG.infof("batch %s: %d of %d labels rendered as %s", batch.id, done, to - from + 1, format);
                }
                next = page.get(page.size() - 1).index() + 1;
            }
            sink.finish();
        }
    }

    /** One label ready to write: its payload, the URI it encodes and, for drawn formats, its symbol. */
    record Prepared(int index, LabelPayload label, String uri, QrSymbol symbol) {}

    private interface Sink {
        void write(Prepared label) throws IOException;

        void finish() throws IOException;
    }

    private Sink sink(LabelBatch batch, LabelFormat format, int from, int to, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> csv(out);
            case SVG -> zip(out, "svg", p -> SvgLabel.of(p.label(), p.symbol()).getBytes(StandardCharsets.UTF_8));
            case PNG -> zip(out, "png", p -> PngLabel.of(p.symbol()));
            case PDF -> pdf(batch, from, to, out);
        };
    }

    private static Sink csv(OutputStream out) throws IOException {
        out.write(CsvManifest.HEADER.getBytes(StandardCharsets.UTF_8));
        return new Sink() {
            @Override
            public void write(Prepared p) throws IOException {
                out.write(CsvManifest.row(p.index(), p.label(), p.uri()).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void finish() throws IOException {
                out.flush();
            }
        };
    }

    private interface Drawing {
        byte[] of(Prepared label);
    }

    private static Sink zip(OutputStream out, String extension, Drawing drawing) {
        var zip = new ZipOutputStream(out);
        return new Sink() {
            @Override
            public void write(Prepared p) throws IOException {
                zip.putNextEntry(new ZipEntry(String.format(
                        "%07d-%s.%s", p.index(), p.label().item().serial().value(), extension)));
                zip.write(drawing.of(p));
                zip.closeEntry();
            }

            @Override
            public void finish() throws IOException {
                zip.finish();
                zip.flush();
            }
        };
    }

    private static Sink pdf(LabelBatch batch, int from, int to, OutputStream out) throws IOException {
        Map<String, String> product =
                Map.copyOf(NewBatch.storedProduct(batch.product).attributes());
        String title = product.getOrDefault("brand", "") + " " + product.get("name") + "  -  GTIN " + batch.gtin
                + "  lot " + batch.lot + "  expiry " + batch.expiry;
        String subtitle = "batch " + batch.id + "  -  labels " + from + " to " + to + " of " + batch.quantity
                + "  -  QR level M, 4-module quiet zone";
        var sheet = new PdfSheet(out, title.strip(), subtitle);
        return new Sink() {
            @Override
            public void write(Prepared p) throws IOException {
                sheet.add(p.label(), p.symbol());
            }

            @Override
            public void finish() throws IOException {
                sheet.finish();
            }
        };
    }
}
