"""The project's annotated news corpus (`corpus/` of the checkout): sources, spans, drafts, checks.

A corpus file holds offsets only. `sources` finds the article text in `../shared/data`,
`loader` joins both and checks every span, `draft` turns a readable authoring draft into a
corpus file and back, `preannotate` writes drafts from the current pipeline.
"""
