"""GeoVirus as a check set: its spans count from 1."""

from __future__ import annotations

from pathlib import Path

from bench.geovirus import load_geovirus

_XML = """<articles><article><source>x</source>
<text>Cases rose in Pandi, Bulacan, and among Turkish farmers.</text>
<locations>
<location><name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon></location>
<location><name>Turkish</name><start>41</start><end>48</end><lat>39</lat><lon>35</lon></location>
<location><name>Nowhere</name><start>1</start><end>6</end><lat></lat><lon></lon></location>
</locations></article></articles>"""


def test_spans_are_moved_back_one_and_demonyms_left_out(tmp_path: Path) -> None:
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "GeoVirus.xml").write_text(_XML, encoding="utf-8")
    (case,) = load_geovirus(tmp_path)
    assert [(t.text, t.lat) for t in case.toponyms] == [("Pandi", 14.87)]
    assert case.corpus == "geovirus"
