"""The HTTP API and web pages: :func:`create_app` builds the FastAPI app that ``storydiff serve`` runs."""

from storydiff.api.app import create_app

__all__ = ["create_app"]
