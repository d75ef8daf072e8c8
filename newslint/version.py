"""The version newslint reports, in one place that every module can import."""

__version__ = "0.1.0"
