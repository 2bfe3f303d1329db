"""Solidarity Graph: a knowledge graph of cross-border union solidarity."""

from app.web import create_app

__all__ = ["create_app"]
