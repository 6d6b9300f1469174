"""Align an archive of stories (`retold batch`): on this machine's cores, or on a Dask cluster
with `--scheduler` (the extra: `pip install '.[batch]'` in the checkout; Parquet needs it too)."""
