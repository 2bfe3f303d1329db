"""The served application answers on 127.0.0.1 with the curated graph loaded."""

import json
import urllib.request


def test_live_server_serves_the_curated_graph(live_server, store):
    with urllib.request.urlopen(live_server + "/health", timeout=10) as response:
        body = json.load(response)
    assert body["ok"] is True
    assert body["triples"] == len(store)
    assert body["graphs"] == len(store.graphs())
