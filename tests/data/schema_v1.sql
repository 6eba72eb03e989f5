-- The store schema of detente's first version (schema_version 1), frozen here so the tests can
-- build an old store and check that a newer detente opens and migrates it.
CREATE TABLE detente_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO detente_meta (key, value) VALUES ('schema_version', '1');
CREATE TABLE documents (
  doc_id VARCHAR(64) PRIMARY KEY, title TEXT, source TEXT, url TEXT, published VARCHAR(10),
  published_basis VARCHAR(16), language VARCHAR(8) NOT NULL, text TEXT NOT NULL,
  ingested_at VARCHAR(32) NOT NULL);
CREATE TABLE timexes (doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id), start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, value VARCHAR(10), data TEXT NOT NULL, PRIMARY KEY (doc_id, start, "end"));
CREATE TABLE actors (actor_id VARCHAR(128) PRIMARY KEY, name TEXT NOT NULL, kind VARCHAR(16) NOT NULL,
  country VARCHAR(3), data TEXT NOT NULL);
CREATE TABLE quotes (quote_id VARCHAR(64) PRIMARY KEY, doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id),
  speaker VARCHAR(128), said_on VARCHAR(10), data TEXT NOT NULL);
CREATE TABLE events (event_id VARCHAR(64) PRIMARY KEY, doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id),
  category VARCHAR(16) NOT NULL, source VARCHAR(128), target VARCHAR(128), source_country VARCHAR(3),
  target_country VARCHAR(3), date VARCHAR(10), data TEXT NOT NULL);
CREATE TABLE commitments (commitment_id VARCHAR(64) PRIMARY KEY,
  doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id), promiser VARCHAR(128), status VARCHAR(16) NOT NULL,
  data TEXT NOT NULL);
CREATE TABLE forecasts (forecast_id VARCHAR(64) PRIMARY KEY,
  doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id), author VARCHAR(128), resolves_by VARCHAR(10),
  data TEXT NOT NULL);
CREATE TABLE disagreements (disagreement_id VARCHAR(64) PRIMARY KEY, topic TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE dyads (a VARCHAR(3) NOT NULL, b VARCHAR(3) NOT NULL, period VARCHAR(7) NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (a, b, period));
INSERT INTO documents (doc_id, title, source, url, published, published_basis, language, text, ingested_at)
  VALUES ('0123456789abcdef', 'An old article', 'Old Wire', NULL, '2024-05-01', 'given', 'en',
          'Stored by the first version.', '2024-05-02T00:00:00+00:00');
