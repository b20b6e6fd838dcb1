package dev.custodyledger.core.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.json.CanonicalJson;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Product master data stated at commissioning: a name and a few bounded attributes (brand, size, …). */
public record Product(SortedMap<String, String> attributes) {
    public static final int MAX_ATTRIBUTES = 20;

    public Product {
        if (attributes == null || !attributes.containsKey("name")) {
            throw new IllegalArgumentException("product needs a name");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("product has more than " + MAX_ATTRIBUTES + " attributes");
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!e.getKey().matches("[a-zA-Z][a-zA-Z0-9]{0,31}")) {
                throw new IllegalArgumentException("product attribute name '" + e.getKey() + "' is not allowed");
            }
            Text.require(e.getValue(), "product." + e.getKey(), 500);
        }
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    public static Product named(String name) {
        return new Product(new TreeMap<>(Map.of("name", name)));
    }

    public String name() {
        return attributes.get("name");
    }

    /** The attributes as one canonical JSON object (RFC 8785), as the read models keep them. */
    public String json() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        attributes.forEach(object::put);
        return CanonicalJson.text(object);
    }
}
