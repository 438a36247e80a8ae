"""Not code: the seed's folder is installed as the package ``kg.seeds`` (pyproject.toml), so that
``kg build`` with no sources builds it wherever declass-kg is installed."""
