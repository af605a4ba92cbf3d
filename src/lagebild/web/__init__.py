"""Web UI: server-rendered Jinja2 pages (pages.py) over the store queries; render.py cuts article text into annotated segments."""
