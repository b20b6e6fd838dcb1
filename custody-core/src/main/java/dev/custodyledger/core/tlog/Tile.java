package dev.custodyledger.core.tlog;

/**
 * A tile of the tree (C2SP tlog-tiles): the {@code index}-th run of up to 256 consecutive hashes at tile level
 * {@code level}, each the hash of a perfect subtree of 256^level leaves; {@code width} is 256 for a full tile and
 * 1–255 for the partial tile on the tree's right edge. Level -1 names an entry bundle (the leaves themselves).
 */
public record Tile(int level, long index, int width) {
    public static final int WIDTH = 256;
    /** Tree levels one tile level spans. */
    public static final int HEIGHT = 8;

    public static final int ENTRIES = -1;
    private static final int MAX_LEVEL = 63;

    public Tile {
        if (level < ENTRIES || level > MAX_LEVEL) {
            throw new IllegalArgumentException("a tile level is between 0 and 63");
        }
        if (index < 0) {
            throw new IllegalArgumentException("a tile index is not negative");
        }
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes");
        }
    }

    public boolean full() {
        return width == WIDTH;
    }

    public boolean entries() {
        return level == ENTRIES;
    }

    /** The path under the log's prefix: {@code tile/<L>/<N>[.p/<W>]} or {@code tile/entries/<N>[.p/<W>]}. */
    public String path() {
        var path = new StringBuilder("tile/")
                .append(entries() ? "entries" : Integer.toString(level))
                .append('/');
        path.append(indexPath(index));
        if (!full()) {
            path.append(".p/").append(width);
        }
        return path.toString();
    }

    /** The partial tile at {@code level} of a tree of {@code size} leaves, or null when that level has none. */
    public static Tile partial(int level, long size) {
        long below = size >>> (HEIGHT * Math.max(level, 0));
        int width = (int) (below % WIDTH);
        return width == 0 ? null : new Tile(level, below / WIDTH, width);
    }

    /**
     * Parses a path as {@link #path} writes it; refuses leading zeros, a width of 256 in a partial path and any
     * other spelling, so that each tile has exactly one path.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Tile parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || !parts[0].equals("tile")) {
            throw new IllegalArgumentException("a tile path is tile/<L>/<N>[.p/<W>]");
        }
        int level = parts[1].equals("entries") ? ENTRIES : decimal(parts[1], MAX_LEVEL);
        int end = parts.length;
        int width = WIDTH;
        if (parts.length >= 4 && parts[end - 2].endsWith(".p")) {
            width = decimal(parts[end - 1], WIDTH - 1);
            if (width == 0) {
                throw new IllegalArgumentException("a partial tile holds 1 to 255 hashes");
            }
            parts[end - 2] = parts[end - 2].substring(0, parts[end - 2].length() - 2);
            end--;
        }
        long index = 0;
        for (int i = 2; i < end; i++) {
            String element = parts[i];
            boolean last = i == end - 1;
            if (!last) {
                if (!element.startsWith("x")) {
                    throw new IllegalArgumentException("every index element but the last begins with x");
                }
                element = element.substring(1);
            }
            if (element.length() != 3 || !element.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("an index element has three digits");
            }
            if (index > (Long.MAX_VALUE - 999) / 1000) {
                throw new IllegalArgumentException("a tile index is too large");
            }
            index = index * 1000 + Integer.parseInt(element);
        }
        if (end - 2 > 1 && parts[2].equals("x000")) {
            throw new IllegalArgumentException("a tile index has no leading zero elements");
        }
        return new Tile(level, index, width);
    }

    private static String indexPath(long index) {
        String digits = Long.toString(index);
        int pad = (3 - digits.length() % 3) % 3;
        digits = "0".repeat(pad) + digits;
        var path = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            boolean last = i + 3 == digits.length();
            path.append(last ? "" : "x").append(digits, i, i + 3).append(last ? "" : "/");
        }
        return path.toString();
    }

    private static int decimal(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number up to " + max);
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException("'" + text + "' has a leading zero");
        }
        int value = Integer.parseInt(text);
        if (value > max) {
            throw new IllegalArgumentException("'" + text + "' is larger than " + max);
        }
        return value;
    }
}
