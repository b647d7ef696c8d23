"""The model of the reference site for the joint letter of 17 February 2021.

One importable package that the hooks (``overrides/hooks/``), the scripts and
the tests share: the editions and their interface strings, the Chinese
conversion, the recommendations and events read from the project's files, and
the carried editions (PDF, HTML, EPUB).
"""
