"""Not code: the shapes' folder is installed as the package ``kg.shapes`` (pyproject.toml), so
that ``kg.shipped`` finds its Turtle files wherever declass-kg is installed."""
