"""The command line: `kg pipeline` shows what is registered; the commands other modules
declare under the entry-point group "kg.commands" register themselves."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.cli import _Main, main, register_commands
from kg.extracting import pipeline


def names(extractors):
    return [e.name for e in extractors]


# --- kg pipeline ----------------------------------------------------------------------------

def test_kg_pipeline_prints_the_extractors_in_their_order_with_their_declarations():
    result = CliRunner().invoke(main, ["pipeline"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = [ln.split()[1] for ln in lines if ln[:4].strip().isdigit()]
    assert listed == names(pipeline())
    turns = lines.index(next(ln for ln in lines if ln.split()[1:2] == ["turns"]))
    assert lines[turns].split()[2] == "kg.extracting.turns"
    assert lines[turns + 1].split() == ["requires", "DocumentHeader,", "Participant,", "Drafter;",
                                        "produces", "SpeakerTurn"]
    assert "  tei " in result.output and "Participant      kg.mapping.document.map_participant" \
        in result.output


# --- commands ------------------------------------------------------------------------------

class _EntryPoint:
    """What importlib.metadata gives for one line of [project.entry-points."kg.commands"]."""

    def __init__(self, name, value, command=None, error=None):
        self.name, self.value, self._command, self._error = name, value, command, error

    def load(self):
        if self._error:
            raise self._error
        return self._command


def _group():
    @click.group(cls=_Main)
    def group():
        pass

    @group.command()
    def build():
        pass

    return group


def test_commands_register_themselves_under_the_entry_point_group():
    group = _group()
    hello = click.Command("hello", callback=lambda: click.echo("hi"))
    register_commands(group, [_EntryPoint("hello", "x.y:hello", hello)] * 2)
    assert CliRunner().invoke(group, ["hello"]).output == "hi\n"
    # the installed kg has query, serve and docs that way
    assert {"query", "serve", "docs"} <= set(main.plugins)


def test_a_command_taken_twice_or_that_does_not_load_is_an_error():
    with pytest.raises(click.ClickException, match="'build' is registered twice: by kg.cli and by x:b"):
        register_commands(_group(), [_EntryPoint("build", "x:b", click.Command("build"))])
    group = _group()
    register_commands(group, [_EntryPoint("site", "kg.site:command",
                                          error=ModuleNotFoundError("No module named 'kg.site'"))])
    result = CliRunner().invoke(group, ["site"])
    assert result.exit_code == 1
    assert ("'site' (kg.site:command) cannot be loaded: ModuleNotFoundError: No module named 'kg.site'"
            in result.output)


def test_a_registered_command_is_imported_only_when_it_is_asked_for():
    # `kg build` does not pay for importing the server, the site and their templates
    group = _group()
    loaded = []

    class Counting(_EntryPoint):
        def load(self):
            loaded.append(self.name)
            return super().load()

    register_commands(group, [Counting("hello", "x.y:hello", click.Command("hello", callback=lambda: None))])
    assert CliRunner().invoke(group, ["build"]).exit_code == 0 and loaded == []
    assert "hello" in CliRunner().invoke(group, ["--help"]).output
    assert CliRunner().invoke(group, ["hello"]).exit_code == 0 and loaded == ["hello"]


def test_without_installed_commands_an_unknown_command_says_to_reinstall():
    result = CliRunner().invoke(_group(), ["query"])
    assert result.exit_code == 2 and "reinstall the package (pip install -e .)" in result.output
