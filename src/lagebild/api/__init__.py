"""REST API over the corpus store (FastAPI): `create_app` in app.py, response models in models.py."""
