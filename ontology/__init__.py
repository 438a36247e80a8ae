"""Not code: the ontology's folder is installed as the package ``kg.ontology`` (pyproject.toml),
so that ``kg.shipped`` finds its Turtle files and ``queries/`` wherever declass-kg is installed."""
