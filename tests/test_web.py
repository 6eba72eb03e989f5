"""The REST API and the pages, driven in-process: list shapes, filters, upload rules, and hostile input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app as cli_app
from detente.store import Store
from detente.web import WebSettings, create_app
from detente.web.state import DEFAULT_MAX_UPLOAD, serving_settings

from .conftest import EXAMPLES, copy_store

LISTS = ("documents", "actors", "quotes", "events", "commitments", "forecasts", "disagreements", "dyads")
TOKEN = "a-long-enough-test-token"
ARTICLE = ("Valdorian Foreign Minister Severin Malk said on Monday that Valdoria will reopen the Harl Pass crossing "
           "by 1 March. \"We will not keep the border closed,\" Malk told reporters in Brask.")


@pytest.fixture(scope="module")
def reader_client(example_db, tmp_path_factory):
    """A client over a private copy of the example store, for requests that change nothing."""
    db = copy_store(example_db, tmp_path_factory.mktemp("web") / "read.db")
    with TestClient(create_app(WebSettings(db=str(db)))) as client:
        yield client


@pytest.fixture
def writer(example_db, tmp_path, nlp):
    """A client over a fresh copy of the example store, which the test may change."""
    db = copy_store(example_db, tmp_path / "write.db")
    application = create_app(WebSettings(db=str(db), max_upload_bytes=64 * 1024,
                                         gazetteer=(EXAMPLES / "gazetteer.json",)))
    application.state.web.nlp = nlp
    with TestClient(application) as client:
        yield client, db


def counts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return store.counts()


# ---------------------------------------------------------------- lists


@pytest.mark.parametrize("collection", LISTS)
def test_web_lists_have_the_shape_of_the_spec(reader_client, collection):
    answer = reader_client.get(f"/api/{collection}", params={"limit": 3}).json()
    assert set(answer) == {"items", "total", "next"}
    assert answer["total"] > 0
    assert len(answer["items"]) == min(3, answer["total"])
    if answer["total"] > 3:
        path, query = answer["next"].split("?")
        assert path == f"/api/{collection}" and parse_qs(query) == {"limit": ["3"], "offset": ["3"]}


def test_web_pages_through_every_event_once(reader_client):
    total = reader_client.get("/api/events", params={"limit": 1}).json()["total"]
    seen, url = [], "/api/events?limit=40"
    while url:
        answer = reader_client.get(url).json()
        seen += [e["event_id"] for e in answer["items"]]
        url = answer["next"]
    assert len(seen) == total == len(set(seen))


def test_web_list_records_equal_the_cli_json(reader_client, example_db):
    result = CliRunner().invoke(cli_app, ["commitments", "--db", str(example_db), "--json", "--status", "broken"])
    assert result.exit_code == 0
    cli = [json.loads(line) for line in result.stdout.splitlines()]
    api = reader_client.get("/api/commitments", params={"status": "broken", "limit": 500}).json()["items"]
    assert api == cli and len(api) >= 2


def test_web_filters_and_sorting(reader_client):
    events = reader_client.get("/api/events", params={"pair": "xvl-xks", "sort": "-score", "limit": 500}).json()
    scores = [e["score"] for e in events["items"]]
    assert scores == sorted(scores, reverse=True)
    assert all({e["source_country"], e["target_country"]} == {"XKS", "XVL"} for e in events["items"])
    threats = reader_client.get("/api/events", params={"category": "threaten", "limit": 500}).json()["items"]
    assert threats and {e["category"] for e in threats} == {"THREATEN"}
    dated = reader_client.get("/api/events", params={"since": "2026", "sort": "date", "limit": 500}).json()["items"]
    assert dated and all(e["date"] >= "2026" for e in dated)
    documents = reader_client.get("/api/documents", params={"source": "Basin Wire"}).json()["items"]
    assert documents and all(d["source"] == "Basin Wire" and "text" not in d for d in documents)
    with_text = reader_client.get("/api/documents", params={"limit": 1, "text": "true"}).json()["items"][0]
    assert with_text["text"]


@pytest.mark.parametrize(("query", "status", "message"), [
    ("pair=XKS-XKS", 400, "pair XKS-XKS: expected two different ISO3 codes such as AZE-RUS"),
    ("pair=Kestria", 422, "pair: String should match pattern"),
    ("since=2025-13", 400, "since 2025-13: not a calendar date (YYYY[-MM[-DD]])"),
    ("limit=0", 422, "limit: Input should be greater than or equal to 1"),
    ("limit=501", 422, "limit: Input should be less than or equal to 500"),
    ("sort=price", 422, "sort: String should match pattern"),
    ("category=BOMB", 422, "category: String should match pattern"),
])
def test_web_bad_parameters_get_one_error_shape(reader_client, query, status, message):
    response = reader_client.get(f"/api/events?{query}")
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert body["error"].startswith(message)


def test_web_one_document_with_its_records(reader_client):
    promise = reader_client.get("/api/commitments", params={"status": "broken", "limit": 1}).json()["items"][0]
    doc_id = promise["evidence"]["doc_id"]
    found = reader_client.get(f"/api/documents/{doc_id}").json()
    assert set(found) == {"document", "timexes", "actors", "quotes", "events", "commitments", "forecasts"}
    text = found["document"]["text"]
    assert promise in found["commitments"]
    assert found["events"]
    for event in found["events"]:
        here = [e for e in (event["evidence"], *event["also_reported_in"]) if e["doc_id"] == doc_id]
        assert here and all(text[e["start"] : e["end"]] == e["text"] for e in here)
    assert reader_client.get("/api/documents/0000000000000000").status_code == 404
    assert reader_client.get("/api/actors/XKS").json()["name"] == "Republic of Kestria"
    assert reader_client.get("/api/actors/person:nobody").status_code == 404


def test_web_openapi_describes_the_records(reader_client):
    spec = reader_client.get("/openapi.json").json()
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/dyads"} <= set(spec["paths"])
    event = spec["components"]["schemas"]["Event"]
    assert event["properties"]["evidence"] == {"$ref": "#/components/schemas/Evidence"}
    assert "HTTPValidationError" not in json.dumps(spec)
    assert not any(p.startswith(("/documents", "/actors", "/login")) for p in spec["paths"])


# ---------------------------------------------------------------- upload


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/json", json.dumps({"text": ARTICLE, "title": "Malk promises to reopen Harl Pass",
                                     "published": "2026-02-20", "source": "Test Wire"})),
    ("text/plain", "Malk promises to reopen Harl Pass\n\n" + ARTICLE),
    ("text/html; charset=utf-8", f"<html><head><title>Malk</title></head><body><article><h1>Malk</h1><p>{ARTICLE}</p>"
                                 "</article></body></html>"),
    ("application/x-ndjson", json.dumps({"text": ARTICLE, "published": "2026-02-20"}) + "\n"),
])
def test_web_upload_stores_new_articles_once(writer, content_type, body):
    client, db = writer
    before = counts(db)["documents"]
    first = client.post("/api/documents", content=body.encode(), headers={"content-type": content_type})
    assert first.status_code == 201, first.text
    answer = first.json()
    assert answer["new"] == answer["doc_ids"] and len(answer["new"]) == 1
    stored = answer["documents"][0]
    assert "Harl Pass" in stored["document"]["text"]
    assert stored["commitments"] or stored["forecasts"] or stored["events"]
    again = client.post("/api/documents", content=body.encode(), headers={"content-type": content_type})
    assert again.status_code == 200 and again.json()["new"] == [] and again.json()["doc_ids"] == answer["doc_ids"]
    assert counts(db)["documents"] == before + 1


def test_web_upload_overrides_from_the_query(writer):
    client, _ = writer
    answer = client.post("/api/documents?source=Desk%20Notes&published=2026-03-01", content=ARTICLE.encode(),
                         headers={"content-type": "text/plain"}).json()
    document = answer["documents"][0]["document"]
    assert (document["source"], document["published"], document["published_basis"]) == ("Desk Notes", "2026-03-01",
                                                                                         "given")


@pytest.mark.parametrize(("content_type", "body", "status", "message"), [
    ("application/pdf", b"%PDF-1.7", 415, "content type application/pdf: send one of text/plain"),
    ("", b"hello", 415, "content type missing"),
    ("application/json", b"{not json", 422, "upload: invalid JSON"),
    ("application/json", b'{"title": "no text"}', 422, 'upload: no "text" field'),
    ("application/json", b"[]", 422, "upload: empty list of articles"),
    ("application/json", b'{"text": "x", "published": "last week"}', 422, "upload: \"published\" is not a date"),
    ("text/plain", b"", 422, "upload: empty file"),
    ("text/plain", b"\x89PNG\r\n\x1a\n\x00\x00", 422, "upload: binary file"),
    ("application/x-ndjson", (json.dumps({"text": ARTICLE}) + '\n{"text": 5}\n').encode(), 422,
     'upload:2: no "text" field'),
])
def test_web_bad_uploads_store_nothing(writer, content_type, body, status, message):
    client, db = writer
    before = counts(db)
    response = client.post("/api/documents", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.json()["error"].startswith(message)
    assert counts(db) == before


def test_web_upload_size_limit_holds_with_and_without_a_length(writer):
    client, db = writer
    before = counts(db)
    huge = b"Valdoria. " * 10_000  # 100 kB against the fixture's 64 kB
    declared = client.post("/api/documents", content=huge, headers={"content-type": "text/plain"})
    assert declared.status_code == 413 and "limit" in declared.json()["error"]

    def chunks():
        for i in range(0, len(huge), 8192):
            yield huge[i : i + 8192]

    streamed = client.post("/api/documents", content=chunks(), headers={"content-type": "text/plain"})
    assert streamed.status_code == 413
    assert counts(db) == before
    assert DEFAULT_MAX_UPLOAD == 5 * 1024 * 1024


# ---------------------------------------------------------------- hostile input


HOSTILE_HTML = """<html><head><title>Border talks</title><script>alert('head')</script></head><body>
<article><h1>Border talks <img src=x onerror="alert('title')"></h1>
<p onclick="alert('p')">Valdoria and Kestria agreed on Tuesday to reopen the Harl Pass crossing, the Valdorian
Foreign Ministry said. <script>document.cookie</script><a href="javascript:alert(1)">link</a></p>
<p>Kestrian President Teodor Halvic said Kestria will pay the fees owed by the end of March.</p>
</article></body></html>"""


def test_web_script_in_an_article_never_reaches_a_page_as_markup(writer):
    client, _ = writer
    answer = client.post("/api/documents", content=HOSTILE_HTML.encode(), headers={"content-type": "text/html"}).json()
    doc_id = answer["new"][0]
    text = answer["documents"][0]["document"]["text"]
    assert "alert" not in text and "<" not in text
    page = client.get(f"/documents/{doc_id}").text
    assert "<script>alert" not in page and "onerror=" not in page and "javascript:" not in page


@pytest.mark.parametrize("field", ["title", "text", "source"])
def test_web_markup_in_json_fields_is_escaped_everywhere(writer, field):
    client, _ = writer
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    article = {"text": ARTICLE, "title": "Harl Pass", "source": "Wire"}
    article[field] = (ARTICLE + " " + evil) if field == "text" else evil
    answer = client.post("/api/documents", json=article).json()
    doc_id = answer["new"][0]
    for path in (f"/documents/{doc_id}", "/documents", "/search?q=Harl+Pass", "/events", "/actors", "/"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in client.get(f"/documents/{doc_id}").text


@pytest.mark.parametrize("path", [
    "/static/../../store.py",
    "/static/%2e%2e/%2e%2e/store.py",
    "/static/..%2f..%2fstore.py",
    "/static/%2e%2e%2fapp.py",
    "/documents/..%2f..%2fetc%2fpasswd",
    "/api/documents/..%2F..%2Fetc%2Fpasswd",
])
def test_web_path_traversal_finds_nothing(reader_client, path):
    response = reader_client.get(path)
    assert response.status_code in (400, 404, 422)
    assert "import" not in response.text and "root:" not in response.text


def test_web_every_response_carries_the_security_headers(reader_client):
    for path in ("/", "/api/events?limit=1", "/static/detente.css", "/nowhere"):
        headers = reader_client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_web_sends_no_cors_headers(reader_client):
    preflight = reader_client.options("/api/events", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    simple = reader_client.get("/api/events?limit=1", headers={"Origin": "https://elsewhere.example"})
    for response in (preflight, simple):
        assert not any(h.lower().startswith("access-control-") for h in response.headers)


# ---------------------------------------------------------------- tokens and binding


@pytest.fixture(scope="module")
def guarded(example_db, tmp_path_factory):
    db = copy_store(example_db, tmp_path_factory.mktemp("guarded") / "guarded.db")
    with TestClient(create_app(WebSettings(db=str(db), token=TOKEN))) as client:
        yield client


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_web_token_is_checked_on_every_api_request(guarded, headers):
    for path in ("/api/events", "/api/documents", "/openapi.json"):
        response = guarded.get(path, headers=headers)
        assert response.status_code == 401
        assert response.json() == {"error": "missing or wrong API token (send Authorization: Bearer TOKEN)",
                                   "status": 401}
    upload = guarded.post("/api/documents", content=ARTICLE.encode(), headers={**headers, "content-type": "text/plain"})
    assert upload.status_code == 401


def test_web_bearer_token_opens_the_api(guarded):
    response = guarded.get("/api/events?limit=1", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


def test_web_pages_ask_for_the_token_and_the_login_sets_a_cookie(example_db, tmp_path):
    db = copy_store(example_db, tmp_path / "login.db")
    with TestClient(create_app(WebSettings(db=str(db), token=TOKEN)), follow_redirects=False) as client:
        page = client.get("/promises")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/promises"
        wrong = client.post("/login", data={"token": "nope", "next": "/promises"})
        assert wrong.status_code == 401 and "not right" in wrong.text
        evil_next = client.post("/login", data={"token": TOKEN, "next": "//elsewhere.example/x"})
        assert evil_next.headers["location"] == "/"
        right = client.post("/login", data={"token": TOKEN, "next": "/promises"})
        assert right.status_code == 303 and right.headers["location"] == "/promises"
        cookie = right.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
        assert client.get("/promises").status_code == 200
        assert client.get("/api/events?limit=1").status_code == 200
        cross_site = client.post("/api/documents", content=ARTICLE.encode(),
                                 headers={"content-type": "text/plain", "origin": "https://elsewhere.example"})
        assert cross_site.status_code == 403


def test_web_loopback_server_refuses_foreign_host_names(example_db, tmp_path):
    settings = serving_settings(str(copy_store(example_db, tmp_path / "hosts.db")), "127.0.0.1", None)
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/events?limit=1").status_code == 200
        rebound = client.get("/api/events?limit=1", headers={"host": "attacker.example"})
        assert rebound.status_code == 400


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--host", "0.0.0.0"], {}, "detente: --host 0.0.0.0: serving beyond this machine needs an API token"),
    (["--host", "192.168.1.20"], {"DETENTE_API_TOKEN": "  "}, "detente: --host 192.168.1.20: serving beyond"),
    (["--token-file", "missing.txt"], {}, "detente: --token-file missing.txt: cannot read"),
])
def test_serve_refuses_to_expose_the_store_without_a_token(tmp_path, monkeypatch, args, env, message):
    monkeypatch.chdir(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "s.db"), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not (tmp_path / "s.db").exists()


# ---------------------------------------------------------------- pages


PAGES = ("/", "/documents", "/actors", "/actors?kind=person&q=malk", "/events",
         "/events?pair=XKS-XVL&category=THREATEN",
         "/promises", "/forecasts", "/disagreements", "/search?q=%22Harl+Pass%22", "/upload", "/brief?pair=XKS-XVL")


@pytest.mark.parametrize("path", PAGES)
def test_web_pages_render(reader_client, path):
    response = reader_client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", page), "every asset is served by detente"


def test_web_dashboard_shows_the_busiest_pair_with_its_verdict(reader_client):
    page = reader_client.get("/").text
    assert "Republic of Kestria – Republic of Valdoria" in page
    assert re.search(r"Verdict: (warming|cooling|steady)", page)
    assert '<svg class="chart"' in page


def test_web_dashboard_shows_what_the_promise_tracker_says_against_the_verdict(reader_client, monkeypatch):
    caveat = "But 1 promise made in 2026-08 or later has since been reported kept (see the promise tracker)"
    monkeypatch.setattr("detente.brief._promise_caveat", lambda verdict, promises: caveat)
    assert f'<p class="caveat">{caveat}.</p>' in reader_client.get("/").text


def test_web_reader_marks_every_record_and_every_cited_span(reader_client):
    promise = reader_client.get("/api/commitments", params={"status": "broken", "limit": 1}).json()["items"][0]
    ev = promise["evidence"]
    page = reader_client.get(f"/documents/{ev['doc_id']}").text
    assert f'id="{ev["start"]}-{ev["end"]}"' in page
    found = reader_client.get(f"/api/documents/{ev['doc_id']}").json()
    for event in found["events"]:
        if event["doc_id"] == ev["doc_id"]:
            assert f'id="{event["evidence"]["start"]}-{event["evidence"]["end"]}"' in page
    for stance in promise["status_evidence"]:
        cited = reader_client.get(f"/documents/{stance['doc_id']}").text
        assert f'id="{stance["start"]}-{stance["end"]}"' in cited


def test_web_search_finds_phrases_and_actors(reader_client):
    page = reader_client.get("/search", params={"q": '"Harl Pass" lorries'}).text
    assert "<mark>Harl Pass</mark>" in page
    assert reader_client.get("/search", params={"q": "Malk"}).text.count('class="chip"') >= 1
    assert "No document contains" in reader_client.get("/search", params={"q": "zzqqxx"}).text


@pytest.mark.parametrize(("path", "status"), [("/documents/0000000000000000", 404), ("/actors/person:nobody", 404),
                                              ("/?pair=XKS", 422), ("/events?since=2025-02-30", 400)])
def test_web_page_errors_are_pages(reader_client, path, status):
    response = reader_client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")


# ---------------------------------------------------------------- either engine, concurrent use


def test_web_api_on_either_engine(db_url, nlp):
    application = create_app(WebSettings(db=db_url, gazetteer=(EXAMPLES / "gazetteer.json",)))
    application.state.web.nlp = nlp
    with TestClient(application) as client:
        assert client.get("/api/documents").json() == {"items": [], "total": 0, "next": None}
        summons = "Kestria's Foreign Ministry summoned the Valdorian ambassador on Tuesday over the Harl Pass fees."
        wire = "\n".join(json.dumps({"text": t, "published": "2026-02-20", "source": "Wire"})
                          for t in (ARTICLE, summons))
        answer = client.post("/api/documents", content=wire.encode(), headers={"content-type": "application/x-ndjson"})
        assert answer.status_code == 201 and len(answer.json()["new"]) == 2
        assert client.get("/api/documents").json()["total"] == 2
        assert client.get("/api/events", params={"pair": "XKS-XVL"}).json()["total"] >= 1
        assert "<mark>harl pass</mark>" in client.get("/search", params={"q": "\"harl pass\""}).text.lower()
        for doc_id in answer.json()["new"]:
            assert client.get(f"/documents/{doc_id}").status_code == 200


def test_web_reads_go_on_while_an_upload_is_extracted(writer):
    from concurrent.futures import ThreadPoolExecutor

    client, _ = writer
    with ThreadPoolExecutor(max_workers=4) as pool:
        upload = pool.submit(client.post, "/api/documents", json={"text": ARTICLE + " Talks resume in May."})
        reads = [pool.submit(client.get, path) for path in ("/api/events?limit=5", "/", "/promises") * 4]
        assert all(r.result().status_code == 200 for r in reads)
        assert upload.result().status_code == 201
