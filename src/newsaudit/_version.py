"""The version of newsaudit, in one place: the package metadata (pyproject's dynamic
``version``), the report's ``tool.version``, the CLI and the HTML report all read it here,
so that no module has to import the package root (which pulls in the pipeline) for it."""

__version__ = "0.1.0"
