"""Write ``corpus/archive/crawl.warc.gz``: a small made-up crawl of three news pages.

The archive holds, like a real crawl, more than article pages: a request record, a
redirect and an image response, which the WARC reader skips. Record ids and dates are
fixed, so running the script again writes the same archive::

    .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "archive" / "crawl.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} – {site}</title>
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}"></head>
<body><header><a href="/">{site}</a><nav><a href="/news">News</a> <a href="/wirtschaft">Wirtschaft</a>
<a href="/sport">Sport</a> <a href="/kontakt">Kontakt</a></nav></header>
<main><article><h1>{title}</h1>{body}</article>
<aside><h2>Meistgelesen</h2><ul><li><a href="/a">Neue Radwege für die Innenstadt</a></li>
<li><a href="/b">Wochenmarkt zieht um</a></li></ul></aside></main>
<footer>© 2024 {site} · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></footer>
</body></html>
"""

PAGES = [
    {
        "url": "https://wirtschaft-heute.example/notenbanken/norland-zinserhoehung.html",
        "date": "2024-03-13T13:40:11Z",
        "site": "Wirtschaft heute",
        "lang": "de",
        "published": "2024-03-13T14:35:00+01:00",
        "title": "Norländische Nationalbank erhöht Leitzins erneut",
        "paragraphs": [
            "Die Norländische Nationalbank hat ihren Leitzins am Mittwoch um 0,25 Prozentpunkte auf 3,75 Prozent "
            "angehoben. Es ist die dritte Erhöhung in Folge. Die Notenbank begründete den Schritt mit der hartnäckig "
            "hohen Teuerung: Im Februar lagen die Verbraucherpreise um 5,8 Prozent über dem Vorjahresniveau.",
            "„Die Inflation ist noch nicht besiegt“, sagte Notenbankchefin Mira Halvorsen in Nordhavn. Sie deutete an, "
            "dass der Zinsgipfel womöglich bald erreicht sei.",
            "An den Märkten war der Schritt erwartet worden. Die Norland-Krone legte zum Euro leicht zu, der "
            "Leitindex der Börse in Nordhavn gab 0,4 Prozent nach.",
        ],
    },
    {
        "url": "https://radio-lindenau.example/nachrichten/2024/03/18/warnstreik-flughafen",
        "date": "2024-03-18T09:02:45Z",
        "site": "Radio Lindenau",
        "lang": "de",
        "published": "2024-03-18T09:55:00+01:00",
        "title": "Warnstreik: Dutzende Flüge in Lindenau gestrichen",
        "paragraphs": [
            "Ein Warnstreik hat am Montag den Flughafen Lindenau weitgehend lahmgelegt. Die Gewerkschaft Luftverkehr "
            "(GLV) hatte das Boden- und Sicherheitspersonal zu einem ganztägigen Ausstand aufgerufen. Dutzende Flüge "
            "fielen aus, mehr als 5000 Passagiere waren betroffen.",
            "„Die Beschäftigten haben lange genug gewartet“, sagte GLV-Sprecher Tarek Yilmaz vor dem Terminal. Die "
            "Gewerkschaft fordert 9,5 Prozent mehr Lohn.",
            "Die Flughafengesellschaft kritisierte den Streik als unverhältnismäßig. Die nächste Verhandlungsrunde ist "
            "für den 25. März angesetzt.",
        ],
    },
    {
        "url": "https://kickbericht.example/regionalliga/brenntal-unterau-spielbericht",
        "date": "2024-03-16T18:02:10Z",
        "site": "Kickbericht",
        "lang": "de",
        "published": "2024-03-16T18:45:00+01:00",
        "title": "Brenntal gewinnt das Derby gegen Unterau",
        "paragraphs": [
            "Der FC Brenntal hat das Derby gegen den SV Unterau mit 3:1 gewonnen. Vor 28.000 Zuschauern im "
            "Talstadion traf Jonas Weidmann am Samstag zweimal, dazu kam ein Treffer von Luka Petrović.",
            "„Wir haben heute gezeigt, dass wir in dieser Liga nach oben gehören“, sagte Brenntals Trainerin Sabine "
            "Kurz. Unterau wartet seit drei Spielen auf einen Sieg.",
            "Mit dem Erfolg klettert Brenntal auf den zweiten Tabellenplatz.",
        ],
    },
]


def _headers(url: str, date: str, kind: str) -> dict[str, str]:
    return {
        "WARC-Date": date,
        "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ':' + url)}>",
    }


def _response(writer: WARCWriter, url: str, date: str, status: str, content_type: str, body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict=_headers(url, date, "response"))
    writer.write_record(record)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in PAGES:
            body = "".join(f"<p>{p}</p>\n" for p in page["paragraphs"])  # type: ignore[union-attr]
            html = PAGE.format(body=body, **{k: v for k, v in page.items() if k != "paragraphs"})
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                str(page["url"]), "request", payload=io.BytesIO(b""), http_headers=request,
                warc_headers_dict=_headers(str(page["url"]), str(page["date"]), "request")))
            _response(writer, str(page["url"]), str(page["date"]), "200 OK", "text/html; charset=utf-8",
                      html.encode("utf-8"))
        _response(writer, "https://kickbericht.example/regionalliga", "2024-03-16T18:02:12Z", "301 Moved Permanently",
                  "text/html", b"<html><body>Moved</body></html>")
        _response(writer, "https://kickbericht.example/img/logo.png", "2024-03-16T18:02:13Z", "200 OK", "image/png",
                  b"\x89PNG\r\n\x1a\n" + bytes(64))


if __name__ == "__main__":
    main()
