from lagebild.cli import app

app(prog_name="lagebild")
