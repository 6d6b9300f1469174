"""The headless core: loading, cleaning, segmentation, alignment. Never imports Textual or Rich."""
