package dev.custodyledger.label.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.json.CanonicalJson;
import dev.custodyledger.json.JsonRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A valid batch request: {@code {gtin, lot, expiry, quantity, product}}. */
public record NewBatch(Gtin gtin, Lot lot, LocalDate expiry, int quantity, Product product) {
    public static final int MAX_QUANTITY = 1_000_000;

    /** Reads and checks a request body; a 400 MALFORMED problem names what is wrong. */
    public static NewBatch parse(byte[] body, LocalDate today) {
        var json = JsonRequest.parse(body, Set.of("gtin", "lot", "expiry", "quantity", "product"));
        Gtin gtin;
        Lot lot;
        LocalDate expiry;
        try {
            gtin = Gtin.of(json.text("gtin", 14, true));
            lot = Lot.of(json.text("lot", 20, true));
        } catch (IllegalArgumentException e) {
            throw JsonRequest.malformed(e.getMessage());
        }
        try {
            expiry = LocalDate.parse(json.text("expiry", 10, true));
        } catch (DateTimeParseException e) {
            throw JsonRequest.malformed("'expiry' must be a date YYYY-MM-DD");
        }
        if (expiry.isBefore(today) || expiry.getYear() > 2099) {
            throw JsonRequest.malformed("'expiry' must lie between today and 2099 (it is printed as YYMMDD)");
        }
        int quantity = json.integer("quantity", 1, MAX_QUANTITY);
        return new NewBatch(gtin, lot, expiry, quantity, product(json.node("product")));
    }

    private static Product product(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw JsonRequest.malformed("'product' must be an object of text attributes with at least a 'name'");
        }
        var attributes = new TreeMap<String, String>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getValue().isTextual()) {
                throw JsonRequest.malformed("'product." + field.getKey() + "' must be text");
            }
            attributes.put(field.getKey(), field.getValue().textValue());
        }
        try {
            return new Product(attributes);
        } catch (IllegalArgumentException e) {
            throw JsonRequest.malformed(e.getMessage());
        }
    }

    /** The product as canonical JSON, the form a batch stores. */
    public static String productJson(Product product) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        product.attributes().forEach(node::put);
        return CanonicalJson.text(node);
    }

    /** A stored product back as the value the COMMISSION events state. */
    public static Product storedProduct(String json) {
        var attributes = new TreeMap<String, String>();
        dev.custodyledger.core.json.StrictJson.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .fields()
                .forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().textValue()));
        return new Product(attributes);
    }
}
