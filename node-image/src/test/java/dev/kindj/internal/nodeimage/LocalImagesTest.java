package dev.kindj.internal.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalImagesTest {

    @Test
    void theListingIsOrderedByTheInstantEachImageWasCreatedNotByItsText() {
        String listing = """
                2025-06-01 10:00:00 +0200 CEST\tkindj/node:v1.35.4-aaaaaaaaaaaa
                2025-06-01 09:30:00 +0000 UTC\tkindj/node:v1.35.4-bbbbbbbbbbbb
                2025-05-31 23:00:00 -1100 SST\tkindj/node:v1.35.4-cccccccccccc
                """;

        assertThat(LocalImages.newestFirst(listing)).containsExactly(
                "kindj/node:v1.35.4-cccccccccccc", "kindj/node:v1.35.4-bbbbbbbbbbbb", "kindj/node:v1.35.4-aaaaaaaaaaaa");
    }

    @Test
    void anEmptyListingHasNoTags() {
        assertThat(LocalImages.newestFirst("")).isEmpty();
    }
}
