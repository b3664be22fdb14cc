"""Readers for the public datasets in ``../shared/data``: each module reads one dataset's
own file layout in place (nothing is copied into the repository) and yields plain records."""
