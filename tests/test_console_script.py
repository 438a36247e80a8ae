"""The `kg` console script runs the command line and then leaves the interpreter nothing to
walk at exit: the objects still alive are frozen out of the cycle collector (they would be
collected for nothing, a tenth of a small build), and exit handlers still run."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

EXITING = ("import atexit, gc, sys; "
           "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0)); "
           "sys.argv = ['kg', '--version']; from kg.cli import run; run()")


def test_the_console_script_is_run():
    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "kg"]
    assert script.value == "kg.cli:run"


def test_the_heap_is_frozen_before_the_interpreter_exits_and_exit_handlers_run():
    done = subprocess.run([sys.executable, "-c", EXITING], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("declass-kg, version")
    assert "frozen at exit: True" in done.stdout


def test_python_dash_m_kg_is_the_console_script():
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("declass-kg, version")
