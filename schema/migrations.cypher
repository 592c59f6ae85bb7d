// Data migrations, applied after the schema on every start (src/neo4j/migrate.ts). Each
// statement is idempotent: it matches only what it has not changed yet.

// Graphs loaded before pages had paths (a page was known by its file name alone): their
// documents get the only path they knew. The next ingest of their files finds them again by
// content (same ids) and adds realPath and publishedOn; a document no file has the text of,
// but whose name a file of that run has, is removed as that file's earlier version.
MATCH (d:Document) WHERE d.path IS NULL SET d.path = d.source;
