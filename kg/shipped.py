"""Where the files shipped beside the code are: the ontology, its competency queries, the SHACL
shapes and the seed.

They stay at the top of the repository (``ontology/``, ``ontology/queries/``, ``shapes/``,
``seeds/``), and pyproject.toml installs them as the packages ``kg.ontology``, ``kg.shapes`` and
``kg.seeds`` (each folder has an ``__init__.py`` so that an editable install maps it too).  They
are found with importlib.resources, so an installed wheel finds them as a checkout does, from
any working directory.  The JSON-LD context and the lexicon's tables are data of ``kg`` itself
(``kg/data/``).

Shared by every stage and importing none of them; it reads no file, it only says where.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def folder(package: str) -> Path:
    """The folder of a shipped package, on disk."""
    try:
        found = resources.files(package)
    except ModuleNotFoundError:
        raise FileNotFoundError(
            f"{package} is not installed: the ontology, the shapes and the seed are package data; "
            f"install declass-kg again (in a checkout: pip install -e ., which also refreshes an "
            f"editable install made before they were)") from None
    if not isinstance(found, Path):        # e.g. a zipped install: nothing to glob on disk
        raise FileNotFoundError(f"{package} is not installed as files on disk ({found}); "
                                f"install declass-kg with pip")
    return found


def ontology_dir() -> Path:
    """``ontology/``: the OWL ontology and SKOS schemes, one Turtle file per area."""
    return folder("kg.ontology")


def queries_dir() -> Path:
    """``ontology/queries/``: one SPARQL file per competency question."""
    return ontology_dir() / "queries"


def shapes_dir() -> Path:
    """``shapes/``: the SHACL shapes every published document passes."""
    return folder("kg.shapes")


def seeds_dir() -> Path:
    """``seeds/``: the documents ``kg build`` builds when it is given none."""
    return folder("kg.seeds")
