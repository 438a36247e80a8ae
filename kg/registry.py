"""One registry idiom for the pluggable parts: readers, extractors, mappers.

Each part registers itself where it is defined, with a decorator that names it and declares
what it needs (`kg.reading.reader`, `kg.extracting.extractor`, `kg.mapping.core.maps`); the
stage finds its parts by importing every module of its package (`Registry.load`), so a new
module is picked up without a list to edit.  The registry refuses what would otherwise go
wrong in silence: a name registered twice, a module that does not import (its error is shown,
never swallowed), a name nobody registered.

This module knows nothing of documents; it imports nothing from kg.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Generic, Hashable, Iterator, TypeVar

T = TypeVar("T")


class RegistryError(Exception):
    """A registration problem, in words: which part, where, and what to do."""


class Registry(Generic[T]):
    """Named parts of one kind (``what``: "extractor"), defined in the modules of ``package``."""

    def __init__(self, what: str, package: str):
        self.what = what
        self.package = package
        self._items: dict[Hashable, T] = {}
        self._origins: dict[Hashable, str] = {}
        self._loaded = False
        self._loading = False

    def add(self, name: Hashable, item: T, origin: str) -> None:
        """Register ``item`` under ``name``; ``origin`` says where it is defined."""
        if name in self._items and self._origins[name] != origin:
            raise RegistryError(f"{self.what} {self._label(name)} is registered twice: in "
                                f"{self._origins[name]} and in {origin}; rename one of them")
        self._items[name] = item
        self._origins[name] = origin

    def load(self) -> None:
        """Import every module of the package once, so that each registers its parts."""
        if self._loaded or self._loading:
            return
        self._loading = True
        try:
            package = importlib.import_module(self.package)
            for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
                module = f"{self.package}.{info.name}"
                try:
                    importlib.import_module(module)
                except Exception as exc:
                    raise RegistryError(f"the {self.what} module {module} cannot be imported: "
                                        f"{type(exc).__name__}: {exc}") from exc
            self._loaded = True
        finally:
            self._loading = False

    def __getitem__(self, name: Hashable) -> T:
        self.load()
        if name not in self._items:
            raise RegistryError(f"unknown {self.what} {self._label(name)}; known: "
                                + ", ".join(sorted(map(self._label, self._items))))
        return self._items[name]

    def get(self, name: Hashable, default: T | None = None) -> T | None:
        self.load()
        return self._items.get(name, default)

    def __contains__(self, name: Hashable) -> bool:
        self.load()
        return name in self._items

    def __iter__(self) -> Iterator[Hashable]:
        self.load()
        return iter(list(self._items))

    def __len__(self) -> int:
        self.load()
        return len(self._items)

    def items(self) -> list[tuple[Hashable, T]]:
        self.load()
        return list(self._items.items())

    def origin(self, name: Hashable) -> str:
        """Where ``name`` is defined ("kg.extracting.turns")."""
        self[name]
        return self._origins[name]

    @staticmethod
    def _label(name: Hashable) -> str:
        return repr(getattr(name, "__name__", name))
