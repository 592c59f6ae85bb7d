// Integration tests talk to a real Neo4j; a per-project testTimeout is not honoured by Jest, so
// the limit is set here for every integration test file.
jest.setTimeout(60_000);
