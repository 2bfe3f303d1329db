"""`skg check`: the ontology is consistent, the data conforms to the shapes,
and every quality check in queries/checks/ returns no rows."""
