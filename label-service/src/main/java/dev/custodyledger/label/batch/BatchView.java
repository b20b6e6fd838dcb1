package dev.custodyledger.label.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch as its producer sees it: what it prints, where it stands, and the work in progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchView(
        String id,
        String gtin,
        String lot,
        LocalDate expiry,
        int quantity,
        @Schema(ref = "Product") JsonNode product,
        String labelKeyId,
        String status,
        Progress allocation,
        Progress commissioning,
        Progress rendering,
        String failure,
        List<ChunkView> chunks,
        Instant createdAt,
        Instant updatedAt,
        Map<String, String> links) {

    /** Counts done of a total. */
    public record Progress(long done, long total) {}

    /** One COMMISSION event of the batch, as the ledger answered it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChunkView(
            int chunk,
            int firstLabel,
            int lastLabel,
            String status,
            String eventId,
            Long seq,
            String code,
            String detail,
            int attempts) {}

    public static BatchView of(LabelBatch b, Progress rendering, List<ChunkView> chunks) {
        String self = "/v1/label-batches/" + b.id;
        return new BatchView(
                b.id.toString(),
                b.gtin,
                b.lot,
                b.expiry,
                b.quantity,
                StrictJson.parse(b.product.getBytes(StandardCharsets.UTF_8)),
                b.labelKeyId,
                b.status.name(),
                new Progress(b.allocated, b.quantity),
                new Progress(b.commissioned, b.quantity),
                rendering,
                b.failure,
                chunks.isEmpty() ? null : chunks,
                b.createdAt,
                b.updatedAt,
                Map.of(
                        "self", self,
                        "labels", self + "/labels?format={svg|png|pdf|csv}",
                        "commission", self + "/commission"));
    }
}
