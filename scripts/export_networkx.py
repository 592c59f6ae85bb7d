"""Load the news graph's exports into NetworkX (the README quotes this file; the tests run it).

    /usr/bin/python3 scripts/export_networkx.py graph.graphml graph.json

Prints, as JSON, the node and edge counts of both files and who runs which programme.
"""
import inspect
import json
import sys

import networkx as nx


def load_node_link(path):
    """A MultiDiGraph from `npm run export -- --format json`."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    # NetworkX 3.4 added `edges=` (and will change its default to "edges"); the export writes "links".
    if "edges" in inspect.signature(nx.node_link_graph).parameters:
        return nx.node_link_graph(data, edges="links")
    return nx.node_link_graph(data)


def load_graphml(path):
    """A MultiDiGraph from `npm run export -- --format graphml` (lists arrive as JSON strings)."""
    graph = nx.read_graphml(path, force_multigraph=True)
    for _, attrs in graph.nodes(data=True):
        for key in ("aliases", "targets"):
            if key in attrs:
                attrs[key] = json.loads(attrs[key])
    return graph


def who_runs_what(graph):
    """(agency, programme) name pairs from the RUNS relationships."""
    return sorted(
        (graph.nodes[agency]["name"], graph.nodes[programme]["name"])
        for agency, programme, attrs in graph.edges(data=True)
        if attrs["type"] == "RUNS"
    )


def main(graphml_path, json_path):
    from_graphml = load_graphml(graphml_path)
    from_json = load_node_link(json_path)
    print(json.dumps({
        "networkx": nx.__version__,
        "graphml": {"nodes": from_graphml.number_of_nodes(), "edges": from_graphml.number_of_edges()},
        "json": {"nodes": from_json.number_of_nodes(), "edges": from_json.number_of_edges()},
        "runs": who_runs_what(from_json),
        "runs_graphml": who_runs_what(from_graphml),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
