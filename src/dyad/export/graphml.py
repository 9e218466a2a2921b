"""GraphML of the pair network: countries as nodes, one edge per country pair with the number of
events, agreements, projects, metrics and quotes on it as edge attributes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sqlalchemy.orm import Session

from dyad.store.queries import kb_stats

NS = "http://graphml.graphdrawing.org/xmlns"
EDGE_KINDS = ["event", "agreement", "project", "metric", "quote"]


def graphml(session: Session) -> str:
    import pycountry

    stats = kb_stats(session)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    ET.SubElement(root, f"{{{NS}}}key", {"id": "name", "for": "node", "attr.name": "name", "attr.type": "string"})
    for kind in EDGE_KINDS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"{kind}s", "for": "edge", "attr.name": f"{kind}s",
                                             "attr.type": "int"})
    ET.SubElement(root, f"{{{NS}}}key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "int"})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "pairs", "edgedefault": "undirected"})
    codes = sorted({c for p in stats["pairs"] for c in p.split("-")})
    for code in codes:
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": code})
        country = pycountry.countries.get(alpha_3=code)
        data = ET.SubElement(node, f"{{{NS}}}data", {"key": "name"})
        data.text = (getattr(country, "common_name", None) or country.name) if country else code
    for pair, counts in sorted(stats["pairs"].items()):
        a, b = pair.split("-")
        edge = ET.SubElement(graph, f"{{{NS}}}edge", {"id": pair, "source": a, "target": b})
        for kind in EDGE_KINDS:
            d = ET.SubElement(edge, f"{{{NS}}}data", {"key": f"{kind}s"})
            d.text = str(counts.get(kind, 0))
        w = ET.SubElement(edge, f"{{{NS}}}data", {"key": "weight"})
        w.text = str(sum(counts.values()))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_graphml(session: Session, out: Path | None) -> int:
    """Write the graph to ``out`` (stdout when None); returns the number of edges."""
    text = graphml(session)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return text.count("<edge ")
