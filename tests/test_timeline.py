"""The timeline's data: mining phases, meetings, takeovers and trade-rule milestones."""

from __future__ import annotations


def test_timeline_has_every_lane_with_dated_items(client):
    body = client.get("/timeline.json").get_json()
    lanes = [lane["id"] for lane in body["lanes"]]
    assert lanes == ["phases", "meetings", "takeovers", "agreements", "rules"]
    by_lane = {lane: [i for i in body["items"] if i["lane"] == lane] for lane in lanes}
    assert all(by_lane.values()), "every lane has items"
    assert len(by_lane["phases"]) == 3 and all(i["span"] for i in by_lane["phases"])
    assert any("EuroMin" in i["label"] for i in by_lane["takeovers"])
    assert any("Rapid Response" in i["label"] or "RRM" in i["label"] for i in by_lane["rules"])
    starts = [i["start"] for i in body["items"]]
    assert starts == sorted(starts) and all(len(s) == 10 for s in starts)
    usmca = next(i for i in by_lane["agreements"] if "USMCA" in i["label"])
    assert usmca["open"] is True and usmca["end"] is None


def test_timeline_page_lists_items_with_links(client):
    html = client.get("/timeline").get_data(as_text=True)
    assert "Phase 1: Growth and Integration" in html
    assert 'href="/id/fact/phase-mining-1"' in html and 'id="timeline-data"' in html
