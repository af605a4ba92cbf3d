"""REST API: listing, search, detail, pagination limits and clear 4xx errors."""
from __future__ import annotations

import pytest


def test_documents_list_and_search(client, corpus):
    body = client.get("/api/documents").json()
    assert body["total"] == len(corpus) and body["limit"] == 50 and body["offset"] == 0
    assert body["items"][0]["date"] >= body["items"][-1]["date"]
    found = client.get("/api/documents", params={"q": "Kopenhagen"}).json()
    assert [d["id"] for d in found["items"]] == ["daenemark-steuern-2010"]


def test_document_detail_is_the_full_lagebild_json(client, corpus):
    body = client.get(f"/api/documents/{corpus[0]['id']}").json()
    assert body == corpus[0] and body["schema"] == "lagebild/1"


def test_unknown_ids_are_404_with_a_hint(client):
    r = client.get("/api/documents/gibt-es-nicht")
    assert r.status_code == 404 and "/api/documents" in r.json()["detail"]
    assert client.get("/api/entities/gibt-es-nicht").status_code == 404


def test_entities_list_filter_and_detail(client):
    people = client.get("/api/entities", params={"type": "PER"}).json()
    assert people["total"] >= 4 and all(e["type"] == "PER" for e in people["items"])
    counts = [e["n_mentions"] for e in people["items"]]
    assert counts == sorted(counts, reverse=True)
    rasmussen = client.get("/api/entities", params={"name": "fogh"}).json()["items"][0]
    detail = client.get(f"/api/entities/{rasmussen['id']}").json()
    assert detail["n_docs"] == 2 and detail["quotes"]["total"] > 5
    assert {r["role"] for r in detail["roles"]} >= {"Generalsekretär", "Nato-Generalsekretär"}
    assert [t["month"] for t in detail["timeline"]] == ["2009-12", "2010-01"]


def test_quote_search_params(client):
    assert client.get("/api/quotes", params={"q": "Entschlossenheit"}).json()["total"] == 1
    lawrow = client.get("/api/quotes", params={"speaker": "Lawrow"}).json()
    assert lawrow["total"] == 1 and lawrow["items"][0]["speaker_name"] == "Sergej Lawrow"
    ident = lawrow["items"][0]["speaker_id"]
    assert client.get("/api/quotes", params={"entity": ident}).json()["total"] == 1
    dated = client.get("/api/quotes", params={"date_from": "2010-02-01", "date_to": "2010-02-28"}).json()
    assert {q["doc_id"] for q in dated["items"]} == {"daenemark-steuern-2010", "markup-2010"}
    page = client.get("/api/quotes", params={"limit": 3, "offset": 3}).json()
    assert len(page["items"]) == 3 and page["offset"] == 3


def test_quotes_per_month(client, corpus):
    months = {m["month"]: m["n"] for m in client.get("/api/stats/quotes-per-month").json()}
    assert months == {"2009-12": len(corpus[0]["quotes"]), "2010-01": 1, "2010-02": 2}


@pytest.mark.parametrize("path, params, fragment", [
    ("/api/quotes", {"limit": 0}, "limit"),
    ("/api/quotes", {"limit": 100000}, "limit"),
    ("/api/documents", {"offset": -1}, "offset"),
    ("/api/quotes", {"date_from": "gestern"}, "date_from"),
    ("/api/quotes", {"date_from": "2010-02-01", "date_to": "2010-01-01"}, "swap"),
    ("/api/entities", {"type": "PERSON"}, "type"),
    ("/api/quotes", {"type": "shouted"}, "type"),
    ("/api/quotes", {"q": "x" * 201}, "q"),
])
def test_bad_parameters_are_clear_422s(client, path, params, fragment):
    r = client.get(path, params=params)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_no_write_endpoints(client):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/documents").status_code == 405
    paths = client.get("/openapi.json").json()["paths"]
    assert all(set(ops) == {"get"} for ops in paths.values())


def test_openapi_lists_the_endpoints(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{identity_id}",
            "/api/quotes", "/api/stats/quotes-per-month"} <= paths


@pytest.mark.parametrize("path", ["/", "/api/documents", "/articles/nato-russland-2009", "/no-such-page", "/openapi.json"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_quotes_per_month_of_an_unknown_entity_is_404(client):
    r = client.get("/api/stats/quotes-per-month", params={"entity": "per-niemand"})
    assert r.status_code == 404 and "/api/entities" in r.json()["detail"]


def test_openapi_says_date_from_after_date_to_is_invalid(client):
    params = client.get("/openapi.json").json()["paths"]["/api/documents"]["get"]["parameters"]
    date_from = next(p for p in params if p["name"] == "date_from")
    assert "date_from after date_to is a 422" in date_from["description"]
