"""RSS and Atom feeds in: one article per entry, from its content or summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitreps.errors import EmptyInputError, InputError
from sitreps.ingest import read_path
from sitreps.types import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Wire</title>
  <link>https://wire.example.org/</link>
  <description>Conflict news</description>
  <item>
    <title>Drone strike kills four in Sumy region</title>
    <link>https://wire.example.org/sumy-drone</link>
    <guid isPermaLink="false">wire-2025-0412-001</guid>
    <pubDate>Sat, 12 Apr 2025 00:40:00 +0300</pubDate>
    <dc:creator>Ivan Example</dc:creator>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>A Russian drone struck a car near the town of
      Bilopillia in Ukraine's Sumy region late on Friday, killing four people, the regional
      administration said.</p><p>Two more people were wounded.</p>]]></content:encoded>
  </item>
  <item>
    <title>Clashes in Goma leave 12 dead</title>
    <link>https://wire.example.org/goma-clashes</link>
    <pubDate>Mon, 27 Jan 2025 18:00:00 +0000</pubDate>
    <description>&lt;p&gt;Fighting between M23 rebels and the Congolese army in Goma killed at
      least 12 people on Monday, hospital staff said.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://wire.example.org/gallery</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Monitor</title>
  <id>urn:example:monitor</id>
  <updated>2024-08-03T10:00:00Z</updated>
  <entry>
    <title>Attack on Mogadishu beach hotel kills at least 32</title>
    <id>urn:example:monitor:lido</id>
    <link href="https://monitor.example.org/lido"/>
    <published>2024-08-03T08:15:00+03:00</published>
    <updated>2024-08-03T09:00:00+03:00</updated>
    <author><name>Amina Example</name></author>
    <content type="html">&lt;p&gt;At least 32 people were killed when a suicide bomber and
      gunmen attacked a hotel on Mogadishu's Lido beach late on Friday, police said.&lt;/p&gt;
    </content>
  </entry>
  <entry>
    <title>Protest in Belgrade</title>
    <id>urn:example:monitor:belgrade</id>
    <updated>2025-03-15T21:00:00Z</updated>
    <summary>Tens of thousands of people marched peacefully through central Belgrade on
      Saturday.</summary>
  </entry>
</feed>
"""


def _items(path: Path) -> list[Article | InputError]:
    return list(read_path(path, published=dt.date(2030, 1, 1)))


def test_an_rss_feed_gives_one_article_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    sumy, goma, gallery = _items(path)
    assert isinstance(sumy, Article) and isinstance(goma, Article)
    assert sumy.id == "wire-2025-0412-001"
    assert sumy.title == "Drone strike kills four in Sumy region"
    assert sumy.url == "https://wire.example.org/sumy-drone"
    assert sumy.byline == "Ivan Example"
    # The writer's day (in the feed's own offset), not the day in UTC.
    assert sumy.published == dt.date(2025, 4, 12)
    # Full content wins over the teaser, as text, one paragraph per line.
    assert sumy.text.startswith("A Russian drone struck a car near the town of Bilopillia")
    assert "\nTwo more people were wounded." in sumy.text and "<p>" not in sumy.text
    assert goma.id == "https://wire.example.org/goma-clashes"
    assert goma.published == dt.date(2025, 1, 27)
    assert "killed at least 12 people" in goma.text
    assert isinstance(gallery, EmptyInputError)
    assert gallery.source == f"{path}:entry 3"


def test_an_atom_feed_gives_one_article_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "monitor.atom"
    path.write_text(ATOM, encoding="utf-8")
    lido, belgrade = _items(path)
    assert isinstance(lido, Article) and isinstance(belgrade, Article)
    assert lido.id == "urn:example:monitor:lido"
    assert lido.url == "https://monitor.example.org/lido"
    assert lido.byline == "Amina Example"
    assert lido.published == dt.date(2024, 8, 3)
    assert lido.text.startswith("At least 32 people were killed")
    assert belgrade.published == dt.date(2025, 3, 15)  # no <published>: <updated>
    assert belgrade.text.startswith("Tens of thousands of people marched")


def test_xml_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><rows><row>1</row></rows>", encoding="utf-8")
    (error,) = _items(path)
    assert isinstance(error, InputError) and not isinstance(error, Article)
    assert "feed" in error.message


def test_a_feed_with_a_url_for_text_is_never_fetched(tmp_path: Path) -> None:
    path = tmp_path / "url.xml"
    path.write_text("https://example.org/feed.xml", encoding="utf-8")
    (error,) = _items(path)
    assert isinstance(error, InputError)
