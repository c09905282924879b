"""jobtui: a terminal job-application tracker that knows which follow-up is due."""

__version__ = "0.1.0"
