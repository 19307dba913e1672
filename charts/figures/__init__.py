"""One module per chart: a docstring saying what the reader should see, `load()` and `figure()`."""
