"""Align an archive of stories on Dask (`retold batch`). Needs the extra: `pip install '.[batch]'` in the checkout."""
