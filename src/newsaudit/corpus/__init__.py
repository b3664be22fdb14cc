"""The corpus: many pages audited once into one store.

``newsaudit.corpus.run`` drives an ingest (read, skip what is stored, audit in batches on
an engine, find near-duplicates, write); ``newsaudit.corpus.adapter`` is the one place
that talks to the analyser. Importing this package is light: nothing here loads spaCy
until an engine starts.
"""
