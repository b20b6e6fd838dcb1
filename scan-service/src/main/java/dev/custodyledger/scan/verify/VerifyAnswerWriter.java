package dev.custodyledger.scan.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.custodyledger.scan.verify.VerifyAnswer.HolderView;
import dev.custodyledger.scan.verify.VerifyAnswer.ProductView;
import dev.custodyledger.scan.verify.VerifyAnswer.ReasonView;
import dev.custodyledger.scan.verify.VerifyAnswer.StepView;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link VerifyAnswer} exactly as Jackson's bean serialization of the records would (absent values
 * left out, dates as ISO text), without looking up properties and calling accessors reflectively for every
 * answer: that was a seventh of scan-service's CPU per verify (ADR 13). {@code VerifyAnswerWriterTest} holds it
 * to the bean serialization.
 */
final class VerifyAnswerWriter extends StdSerializer<VerifyAnswer> {
    VerifyAnswerWriter() {
        super(VerifyAnswer.class);
    }

    @Override
    public void serialize(VerifyAnswer a, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        text(json, "code", a.code());
        text(json, "verdict", a.verdict() == null ? null : a.verdict().name());
        if (a.reasons() != null) {
            json.writeArrayFieldStart("reasons");
            for (ReasonView r : a.reasons()) {
                json.writeStartObject();
                json.writeStringField("code", r.code() == null ? null : r.code().name());
                json.writeStringField("message", r.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (a.product() != null) {
            product(json, a.product());
        }
        if (a.heldBy() != null) {
            HolderView h = a.heldBy();
            json.writeObjectFieldStart("heldBy");
            text(json, "name", h.name());
            text(json, "city", h.city());
            text(json, "country", h.country());
            json.writeBooleanField("inTransit", h.inTransit());
            json.writeEndObject();
        }
        if (a.journey() != null) {
            json.writeArrayFieldStart("journey");
            for (StepView s : a.journey()) {
                step(json, s);
            }
            json.writeEndArray();
        }
        text(json, "label", a.label() == null ? null : a.label().name());
        if (a.ledgerSeq() != null) {
            json.writeNumberField("ledgerSeq", a.ledgerSeq());
        }
        json.writeEndObject();
    }

    private static void product(JsonGenerator json, ProductView p) throws IOException {
        json.writeObjectFieldStart("product");
        text(json, "name", p.name());
        text(json, "brandOwner", p.brandOwner());
        text(json, "gtin", p.gtin());
        text(json, "lot", p.lot());
        text(json, "expiry", p.expiry() == null ? null : p.expiry().toString());
        if (p.attributes() != null) {
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> e : p.attributes().entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void step(JsonGenerator json, StepView s) throws IOException {
        json.writeStartObject();
        text(json, "date", s.date() == null ? null : s.date().toString());
        text(json, "step", s.step());
        text(json, "party", s.party());
        text(json, "to", s.to());
        text(json, "city", s.city());
        text(json, "country", s.country());
        json.writeBooleanField("inContainer", s.inContainer());
        json.writeEndObject();
    }

    /** A text field, left out when absent. */
    private static void text(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
