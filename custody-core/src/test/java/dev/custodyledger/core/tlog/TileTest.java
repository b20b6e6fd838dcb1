package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileTest {
    @Test
    void pathsAreWrittenAsTheSpecificationSpellsThem() {
        assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(2, 0, 1).path()).isEqualTo("tile/2/000.p/1");
        assertThat(new Tile(Tile.ENTRIES, 5, 112).path()).isEqualTo("tile/entries/005.p/112");
    }

    @Test
    void everyPathParsesBackToItsTile() {
        for (Tile tile : new Tile[] {
            new Tile(0, 1234067, 256), new Tile(1, 999, 17), new Tile(Tile.ENTRIES, 1000, 255), new Tile(63, 0, 1)
        }) {
            assertThat(Tile.parse(tile.path())).isEqualTo(tile);
        }
    }

    @Test
    void aPathSpelledAnyOtherWayIsRefused() {
        for (String path : new String[] {
            "tile/00/000",
            "tile/0/1",
            "tile/0/x000/001",
            "tile/0/001/002",
            "tile/0/000.p/0",
            "tile/0/000.p/256",
            "tile/0/000.p/07",
            "tile/64/000",
            "tile/0/",
            "tiles/0/000",
            "tile/0/x00a/000"
        }) {
            assertThatThrownBy(() -> Tile.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTreeOf70000LeavesHasThePartialTilesTheSpecificationLists() {
        assertThat(Tile.partial(0, 70_000)).isEqualTo(new Tile(0, 273, 112));
        assertThat(Tile.partial(1, 70_000)).isEqualTo(new Tile(1, 1, 17));
        assertThat(Tile.partial(2, 70_000)).isEqualTo(new Tile(2, 0, 1));
        assertThat(Tile.partial(0, 256)).isNull();
        assertThat(Tile.partial(1, 256)).isEqualTo(new Tile(1, 0, 1));
    }
}
