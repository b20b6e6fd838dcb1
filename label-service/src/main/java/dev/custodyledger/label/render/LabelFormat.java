package dev.custodyledger.label.render;

import dev.custodyledger.json.JsonRequest;

/** What a batch renders to: a ZIP of SVG or PNG labels, a printable PDF sheet, or the CSV manifest. */
public enum LabelFormat {
    SVG("application/zip", "svg.zip"),
    PNG("application/zip", "png.zip"),
    PDF("application/pdf", "pdf"),
    CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    LabelFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static LabelFormat parse(String text) {
        for (LabelFormat f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw JsonRequest.malformed("format must be svg, png, pdf or csv");
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName(String batch, int from, int to) {
        return "labels-" + batch + "-" + from + "-" + to + "." + extension;
    }
}
