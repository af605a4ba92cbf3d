"""Conventional `--help` for every lagebild command.

Typer renders value placeholders as type tags (`<str>`, `<int>`, `<bool>`, `<list[str]>`) and
required arguments as `{paths}...`. Apps built with `ConventionalTyper` show click's placeholders
instead: TEXT, INTEGER, FLOAT, PATH, `[text|json|jsonl]` for choices, nothing for a flag, and
arguments in upper case (`PATHS...`, `[PATHS]...` when optional). A group called without a
subcommand prints its help and exits 0.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import typer
from typer import Context
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

TYPE_PLACEHOLDERS = {str: "TEXT", int: "INTEGER", float: "FLOAT", bool: "BOOLEAN"}
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def value_placeholder(descriptor: Any) -> str:
    """Click's placeholder for the value of a parameter with this Typer type descriptor."""
    if descriptor.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in descriptor.choices) + "]"
    if descriptor.is_path:
        return descriptor.path_type.upper()
    annotation = get_args(descriptor.annotation)[0] if descriptor.is_list else descriptor.annotation
    return TYPE_PLACEHOLDERS.get(annotation, getattr(annotation, "__name__", "value").upper())


class PlainOption(TyperOption):
    """An option that shows click's value placeholder, and none when it is a flag."""

    def display_type(self, ctx: Context) -> str | None:
        if self.is_flag or self.count:
            return None
        return value_placeholder(self.type_descriptor)


class PlainArgument(TyperArgument):
    """An argument named by its upper-case placeholder, in the usage line as in the table."""

    @property
    def display_name_raw(self) -> str:
        return self.metavar or self.name.upper()

    def display_type_rich(self, ctx: Context) -> str | None:
        return None  # the name column already is the placeholder

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + self._repeat_mark()

    def get_error_hint(self) -> str:
        return f"'{self.display_name_raw}{self._repeat_mark()}'"

    def _repeat_mark(self) -> str:
        return "..." if self.nargs != 1 and self.metavar is None else ""


PLAIN_CLASSES: dict[type, type] = {TyperOption: PlainOption, TyperArgument: PlainArgument}


def plain(param: TyperOption | TyperArgument) -> TyperOption | TyperArgument:
    """The same parameter (help option included), rendered with conventional placeholders."""
    param.__class__ = PLAIN_CLASSES.get(type(param), type(param))
    return param


class PlainParamsMixin:
    """Every parameter a command hands to help, usage and the parser is a plain one."""

    def get_params(self, ctx: Context) -> list[TyperOption | TyperArgument]:
        return [plain(param) for param in super().get_params(ctx)]


class ConventionalCommand(PlainParamsMixin, TyperCommand):
    """A Typer command with conventional help."""


class ConventionalGroup(PlainParamsMixin, TyperGroup):
    """A Typer group with conventional help; without arguments it shows that help and exits 0."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(ctx.get_help(), color=ctx.color)
            ctx.exit()
        return super().parse_args(ctx, args)


class ConventionalTyper(typer.Typer):
    """`typer.Typer` whose group and commands are `ConventionalGroup` and `ConventionalCommand`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", ConventionalGroup)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Decorator:
        kwargs.setdefault("cls", ConventionalCommand)
        return super().command(name, **kwargs)
