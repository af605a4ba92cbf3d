"""The readable report of `--format text`: who is in the article and who said what."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

TYPE_STYLE = {"direct": "bold green", "indirect": "cyan", "free_indirect": "blue", "reported": "magenta"}


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(article: dict[str, Any], console: Console) -> None:
    meta = article["meta"]
    head = Text()
    head.append(meta.get("title") or article["id"], style="bold")
    details = [f"id {article['id']}"]
    for key in ("date", "dateline", "source", "url", "language"):
        if meta.get(key):
            details.append(f"{key} {meta[key]}")
    details.append(f"{len(article['text'].split()):,} words, {len(article['sentences'])} sentences")
    head.append("\n" + " · ".join(details), style="dim")
    for warning in meta.get("warnings", []):
        head.append(f"\n⚠ {warning}", style="yellow")
    console.print(Panel(head, expand=True))

    entities = {e["id"]: e for e in article["entities"]}
    if entities:
        table = Table(title="Who is in it", show_lines=False, expand=True)
        for col in ("entity", "type", "roles", "mentions"):
            table.add_column(col)
        ranked = sorted(entities.values(), key=lambda e: -len(e["mentions"]))
        for ent in ranked:
            roles = ", ".join(
                r["role"] + (f" ({entities[r['of']]['name']})" if r.get("of") in entities else "")
                for r in ent["roles"]
            )
            forms = sorted({m["text"] for m in ent["mentions"]} - {ent["name"]})
            table.add_row(ent["name"], ent["type"], roles, f"{len(ent['mentions'])}: " + _shorten(", ".join(forms), 80))
        console.print(table)
    else:
        console.print(Text("No entities found (no NER model loaded or none in the text).", style="dim"))

    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for quote in article["quotes"]:
        sp = quote["speaker"]
        if sp.get("entity") in entities:
            name = entities[sp["entity"]]["name"]
        elif sp.get("mention"):
            name = sp["mention"]["text"]
        else:
            name = "(unknown speaker)"
        by_speaker[name].append(quote)
    if not by_speaker:
        console.print(Text("No quotes found.", style="dim"))
    for name, quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        lines = []
        for q in quotes:
            line = Text("• ")
            line.append(f"[{q['type']}] ", style=TYPE_STYLE.get(q["type"], ""))
            line.append(_shorten(" … ".join(p["text"] for p in q["parts"])))
            if q["cue"]:
                line.append(f"  — cue: {' '.join(c['text'] for c in q['cue'])}", style="dim")
            if q.get("addressee"):
                line.append(f"  — to: {q['addressee']['text']}", style="dim")
            lines.append(line)
        kinds = Counter(q["type"] for q in quotes)
        breakdown = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in kinds.most_common())
        console.print(Panel(Group(*lines), title=f"{name} said ({breakdown})", title_align="left"))

    if article.get("events"):
        table = Table(title="What happened (PLOVER events)", expand=True)
        for col in ("type", "trigger", "actor", "target", "modality", "time"):
            table.add_column(col)
        for ev in article["events"]:
            table.add_row(ev["type"] + (" (negated)" if ev.get("negated") else ""), ev["trigger"]["text"],
                          _argument_name(ev.get("actor"), entities), _argument_name(ev.get("target"), entities),
                          ev.get("modality") or "", _event_time(ev.get("time")))
        console.print(table)
    for kind in ("times", "amounts"):
        items = article.get(kind) or []
        if items:
            summary = "; ".join(f"{it['text']} → {it.get('value')}" for it in items[:40])
            console.print(Text(f"{kind}: ", style="bold").append(_shorten(summary, 800), style=""))


def _event_time(time) -> str:
    """An event's time value: the time object's `value` (or a bare value string)."""
    return str((time.get("value") if isinstance(time, dict) else time) or "")


def _argument_name(arg: dict | None, entities: dict[str, dict]) -> str:
    if not arg:
        return ""
    if arg.get("entity") in entities:
        return entities[arg["entity"]]["name"]
    return (arg.get("mention") or {}).get("text", "")
