"""Imports: CSV templates and RDF files in, a validation report out, a journal of
accepted imports that survives restarts and crashes (see journal.py)."""
