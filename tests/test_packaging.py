"""declass-kg installs anywhere: the ontology, its competency queries, the shapes and the seed
are package data (kg.shipped), so a wheel installed into a fresh virtualenv builds the seed from
any folder, with no checkout beside it.

The wheel test builds the wheel from a copy of the checkout (pip, with build isolation, as any
user's ``pip install .`` does; it needs PyPI for setuptools like ``pip install -e .``), installs
it with ``--no-deps`` into a fresh virtualenv whose dependencies are this environment's (a .pth
file: the machine may have no network for them), and runs ``kg build``, ``kg validate`` and
``kg query`` in an empty folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from kg import shipped

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SHIPPED_FOLDERS = {"kg.ontology": "ontology", "kg.shapes": "shapes", "kg.seeds": "seeds"}


def test_every_package_of_the_checkout_is_listed_for_the_wheel():
    setuptools = PYPROJECT["tool"]["setuptools"]
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    listed, wanted = set(setuptools["packages"]), folders | set(SHIPPED_FOLDERS)
    assert listed == wanted, (f"pyproject.toml [tool.setuptools] packages: add {sorted(wanted - listed)}, "
                              f"remove {sorted(listed - wanted)} (a package not listed is not in the wheel)")
    assert setuptools["package-dir"] == SHIPPED_FOLDERS


def test_the_shipped_folders_are_the_repository_folders_in_a_checkout():
    assert shipped.ontology_dir().resolve() == ROOT / "ontology"
    assert shipped.queries_dir().resolve() == ROOT / "ontology" / "queries"
    assert shipped.shapes_dir().resolve() == ROOT / "shapes"
    assert shipped.seeds_dir().resolve() == ROOT / "seeds"


def test_a_package_that_is_not_installed_is_named_with_what_to_do():
    with pytest.raises(FileNotFoundError, match="kg.nowhere is not installed.*install declass-kg"):
        shipped.folder("kg.nowhere")


def _copy_of_the_checkout(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv", "out", "build", "dist", "*.egg-info",
                                    "__pycache__", ".pytest_cache", ".hypothesis")
    return Path(shutil.copytree(ROOT, dest, ignore=ignore))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = _copy_of_the_checkout(tmp / "src")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                           str(tmp / "dist"), str(src)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    (found,) = (tmp / "dist").glob("declass_kg-*.whl")
    return found


def test_the_wheel_holds_the_ontology_queries_shapes_seed_data_and_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = ({f"kg/ontology/{p.name}" for p in (ROOT / "ontology").glob("*.ttl")}
                | {f"kg/ontology/queries/{p.name}" for p in (ROOT / "ontology" / "queries").glob("*.rq")}
                | {f"kg/shapes/{p.name}" for p in (ROOT / "shapes").glob("*.ttl")}
                | {f"kg/seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
                | {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("*")       # data, templates
                   if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts})
    assert len(expected) > 30
    assert expected <= names, sorted(expected - names)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed; its dependencies are this environment's."""
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "declass-kg-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return env_dir / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "KG_SHAPES_DIR", "KG_ONTOLOGY_DIR", "KG_QUERIES_DIR")}
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_installed_wheel_builds_the_seed_from_another_folder(installed, tmp_path):
    where = _run(installed, tmp_path, "python", "-c", "import kg, kg.shipped as s; "
                 "print(kg.__file__); print(s.shapes_dir())")
    assert where.returncode == 0, where.stderr
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout

    built = _run(installed, tmp_path, "kg", "build", "--jobs", "1")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "1 of 1 documents published" in built.stdout
    assert (tmp_path / "out" / "kg.trig").stat().st_size > 10_000

    checked = _run(installed, tmp_path, "kg", "validate", "out/kg.trig")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    asked = _run(installed, tmp_path, "kg", "query", "--format", "csv", "participants")
    assert asked.returncode == 0, asked.stderr
    assert "Kuznetsov" in asked.stdout
