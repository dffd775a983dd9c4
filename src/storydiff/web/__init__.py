"""Server-rendered pages (Jinja2 templates, local static assets) of ``storydiff serve``."""
