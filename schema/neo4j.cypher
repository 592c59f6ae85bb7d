// Constraints and indexes, applied idempotently by `npm start`, the ingest job and the tests
// (src/neo4j/migrate.ts). One statement per `;`. Every statement uses IF NOT EXISTS.

// Every node has a stable id, unique within its label.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
// All four entity kinds also carry :Entity, so relationships and node(id) find either end by one index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Lookups by name (filters, programmeRuns(where: {place: "芦淞区"})) and by source file (re-ingestion).
CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source);
// A page is the file at its real path (re-ingestion finds it by path, then by content id).
CREATE INDEX document_real_path IF NOT EXISTS FOR (n:Document) ON (n.realPath);
// Date ranges over publication dates (exports' --from/--to, stories and programmeRuns filters).
CREATE INDEX story_published_on IF NOT EXISTS FOR (n:Story) ON (n.publishedOn);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX story_date IF NOT EXISTS FOR (n:Story) ON (n.date);

// Anchors of the API's queries (src/api/repositories): every read starts from an index.
// Aliases: aliasText is the aliases joined by spaces; a text index answers CONTAINS by trigram.
CREATE TEXT INDEX entity_alias_text IF NOT EXISTS FOR (n:Entity) ON (n.aliasText);
// Lists filtered by nameContains, type, level.
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX organisation_type IF NOT EXISTS FOR (n:Organisation) ON (n.type);
CREATE INDEX place_level IF NOT EXISTS FOR (n:Place) ON (n.level);
// programmeRuns / programmeStats without a place or agency: by kind, or in name order.
CREATE INDEX programme_kind IF NOT EXISTS FOR (n:Programme) ON (n.kind);
CREATE INDEX programme_name IF NOT EXISTS FOR (n:Programme) ON (n.name);
// stories(where: {publishedFrom, publishedTo}) and the date ranges of programmeRuns / programmeStats.
CREATE INDEX story_published_on IF NOT EXISTS FOR (n:Story) ON (n.publishedOn);
// stories(where: {textContains, headlineContains}): CONTAINS by trigram, one index per field.
CREATE TEXT INDEX story_headline_text IF NOT EXISTS FOR (n:Story) ON (n.headline);
CREATE TEXT INDEX story_kicker_text IF NOT EXISTS FOR (n:Story) ON (n.kicker);
CREATE TEXT INDEX story_subtitle_text IF NOT EXISTS FOR (n:Story) ON (n.subtitle);
CREATE TEXT INDEX story_body_text IF NOT EXISTS FOR (n:Story) ON (n.body);
CREATE INDEX story_section IF NOT EXISTS FOR (n:Story) ON (n.section);
// stories(where: {textContains}) with Chinese text of two characters or more: a phrase of CJK
// bigrams finds exactly the stories holding it (a trigram text index cannot seek on two characters).
CREATE FULLTEXT INDEX story_text IF NOT EXISTS
FOR (n:Story) ON EACH [n.headline, n.kicker, n.subtitle, n.body]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };

// Relationship provenance: re-ingesting a changed page deletes edges by the story they came from.
CREATE INDEX runs_story IF NOT EXISTS FOR ()-[r:RUNS]-() ON (r.story);
CREATE INDEX held_in_story IF NOT EXISTS FOR ()-[r:HELD_IN]-() ON (r.story);
CREATE INDEX holds_position_story IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() ON (r.story);
CREATE INDEX based_in_story IF NOT EXISTS FOR ()-[r:BASED_IN]-() ON (r.story);
CREATE INDEX part_of_story IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.story);

// Search over names, aliases and pinyin. The CJK analyzer indexes Chinese as character bigrams
// and Latin text (pinyin) as lower-cased words.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Person|Organisation|Place|Programme) ON EACH [n.name, n.aliasText, n.pinyin]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
