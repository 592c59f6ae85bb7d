// Data migrations, applied after the schema on every start (src/neo4j/migrate.ts). Each
// statement is idempotent: it matches only what it has not changed yet.

// Graphs loaded before pages had paths (a page was known by its file name alone): their
// documents get the only path they knew. The next ingest of their files finds them again by
// content (same ids) and adds realPath and publishedOn; a document no file has the text of,
// but whose name a file of that run has, is removed as that file's earlier version.
MATCH (d:Document) WHERE d.path IS NULL SET d.path = d.source;

// Graphs loaded before the loader kept pair edges (model.ts, PAIR_EDGE_TYPES) get them, once:
// the Migration node says it was done, so a start does not walk every fact edge again. Each
// statement is safe to repeat if a start is interrupted before the marker is written.
OPTIONAL MATCH (done:Migration {id: 'pair-edges'}) WITH done WHERE done IS NULL
MATCH (a)-[:RUNS]->(b) WITH DISTINCT a, b
CALL (a, b) { MERGE (a)-[:RUNS_PAIR]->(b) } IN TRANSACTIONS OF 5000 ROWS;
OPTIONAL MATCH (done:Migration {id: 'pair-edges'}) WITH done WHERE done IS NULL
MATCH (a)-[:HELD_IN]->(b) WITH DISTINCT a, b
CALL (a, b) { MERGE (a)-[:HELD_IN_PAIR]->(b) } IN TRANSACTIONS OF 5000 ROWS;
OPTIONAL MATCH (done:Migration {id: 'pair-edges'}) WITH done WHERE done IS NULL
MATCH (a)-[:PART_OF]->(b) WITH DISTINCT a, b
CALL (a, b) { MERGE (a)-[:PART_OF_PAIR]->(b) } IN TRANSACTIONS OF 5000 ROWS;
MERGE (:Migration {id: 'pair-edges'});

// BASED_IN got its pair edge a round later than the other three: the same, under its own marker,
// so that graphs migrated by the statements above get it too.
OPTIONAL MATCH (done:Migration {id: 'based-in-pair-edges'}) WITH done WHERE done IS NULL
MATCH (a)-[:BASED_IN]->(b) WITH DISTINCT a, b
CALL (a, b) { MERGE (a)-[:BASED_IN_PAIR]->(b) } IN TRANSACTIONS OF 5000 ROWS;
MERGE (:Migration {id: 'based-in-pair-edges'});
